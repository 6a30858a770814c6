"""The command line: analyse, compose, sing, and one clear sentence on bad input."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from topline.cli import main
from tests.instrumentals import instrumental_wav


@pytest.fixture(scope="module")
def beat(tmp_path_factory):
    p = tmp_path_factory.mktemp("cli") / "beat.wav"
    p.write_bytes(instrumental_wav(12.0))
    return p


def test_analyse_prints_analysis_json(beat, capsys):
    assert main(["analyse", str(beat)]) == 0
    a = json.loads(capsys.readouterr().out)
    assert {"duration", "tempo", "meter", "beats", "downbeats", "key", "chords", "sections", "loudness_lufs",
            "lead_regions"} <= set(a)
    assert abs(a["tempo"] - 120) < 2 and a["key"] == "C major" and a["meter"] == "4/4"


def test_compose_then_sing_resumes_into_the_same_directory(beat, tmp_path, capsys):
    out = tmp_path / "song"
    args = [str(beat), "--prompt", "[Verse]\nwe ride at night\n[Chorus]\nlight it up", "--out", str(out),
            "--title", "Ride", "--style", "rock", "--seed", "9", "--gender", "m"]
    assert main(["compose", *args]) == 0
    names = {p.name for p in out.iterdir()}
    assert {"analysis.json", "lyrics.txt", "lyrics.json", "track-1.score.json", "track-2.score.json",
            "track-1.mid", "track-2.mid", "track-1.lyrics.json", "track-2.lyrics.json"} <= names
    assert not any(n.endswith(".mp3") for n in names)
    score_before = (out / "track-1.score.json").read_bytes()
    assert main(["sing", *args]) == 0
    out_text = capsys.readouterr().out
    assert "seed 9; wrote" in out_text and "track-2.mp3" in out_text
    assert (out / "track-1.score.json").read_bytes() == score_before  # the composed stage was kept
    words = [w["word"].split("\n")[-1] for w in json.loads((out / "track-2.lyrics.json").read_text())]
    assert words == ["we", "ride", "at", "night", "light", "it", "up"]


def test_out_directory_of_another_request_is_refused(beat, tmp_path, capsys):
    out = tmp_path / "x"
    out.mkdir()
    (out / "something.txt").write_text("mine")
    assert main(["compose", str(beat), "--prompt", "la la", "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip() == f"topline: {out} is not empty; choose an empty --out directory (or the one of an unfinished run)."


@pytest.mark.parametrize("args, message", [
    (["analyse", "/nonexistent.wav"], "topline: cannot read /nonexistent.wav: No such file or directory"),
    (["compose", "{beat}", "--prompt", "la", "--out", "{tmp}/o", "--style-weight", "2"],
     "topline: --style-weight must be at most 1"),
    (["compose", "{beat}", "--prompt", "la", "--out", "{tmp}/o", "--seed", "2147483648"],
     "topline: --seed must be at most 2147483647"),
    (["compose", "{beat}", "--prompt", "   ", "--out", "{tmp}/o2"], "topline: --prompt: must not be empty"),
    (["analyse", "{junk}"], "not audio"),
    (["compose", "{beat}", "--prompt", "la", "--out", "{junk}"], "is a file, not a directory; give a directory"),
    (["compose", "{beat}", "--prompt", "[Verse]\n!!!", "--out", "{tmp}/o3"], "no words to sing"),
])
def test_bad_input_is_one_sentence_exit_2(beat, tmp_path, args, message):
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(b"<html>nope</html>")
    argv = [a.format(beat=beat, tmp=tmp_path, junk=junk) for a in args]
    r = subprocess.run([sys.executable, "-m", "topline.cli", *argv], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2
    err = [ln for ln in r.stderr.splitlines() if ln.strip() and "INFO" not in ln]
    assert len(err) == 1 and err[0].startswith("topline: ") and message in err[0], r.stderr
    assert "Traceback" not in r.stderr


def _run_cli(*argv: str, tmp_path, timeout: float = 60, **popen) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOPLINE_")}
    env["TOPLINE_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run([sys.executable, "-m", "topline.cli", *argv], capture_output=True, text=True,
                          timeout=timeout, env=env, **popen)


def test_failed_run_leaves_nothing_that_blocks_a_retry(beat, tmp_path, capsys):
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 20)  # sniffs as WAV, does not decode
    out = tmp_path / "song"
    assert main(["compose", str(junk), "--prompt", "la la la", "--out", str(out)]) == 2
    assert "not audio we can decode" in capsys.readouterr().err
    assert not out.exists()  # this run created it, and takes it back
    mine = tmp_path / "mine"
    mine.mkdir()
    assert main(["compose", str(junk), "--prompt", "la la la", "--out", str(mine)]) == 2
    assert mine.is_dir() and list(mine.iterdir()) == []  # the user's empty folder stays, empty
    assert main(["compose", str(beat), "--prompt", "we ride at night", "--out", str(out)]) == 0  # the retry


def test_keys_list_into_a_closed_pipe(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TOPLINE_")}
    env["TOPLINE_DATA_DIR"] = str(tmp_path / "data")
    p = subprocess.Popen([sys.executable, "-m", "topline.cli", "keys", "list"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env)
    p.stdout.close()  # like `| head` that has read what it wanted before topline writes
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 0
    assert "BrokenPipeError" not in err and "Traceback" not in err and "Exception ignored" not in err, err


def test_serve_on_a_busy_port_says_so_first(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = _run_cli("serve", "--port", str(port), tmp_path=tmp_path, timeout=60)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.returncode == 2 and "serving" not in r.stderr, r.stderr
    assert lines == [f"topline: port {port} on 127.0.0.1 is busy: another program (perhaps another topline serve) "
                     "listens there; stop it or choose another port with --port."]


@pytest.mark.parametrize("command", ["worker", "beat"])
def test_worker_without_a_broker_refuses(tmp_path, command):
    r = _run_cli(command, tmp_path=tmp_path, timeout=30)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.returncode == 2 and len(lines) == 1, r.stderr
    assert lines[0].startswith(f"topline: topline {command} needs a message broker: set TOPLINE_BROKER_URL")
