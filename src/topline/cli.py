"""``topline``: the engine on the command line (analyse, compose, sing) and the service commands."""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from pathlib import Path
from typing import Callable, Sequence

from .errors import ToplineError
from .service.commands import add_commands
from .settings import get_settings
from .tasks.commands import add_worker_commands


def _add_controls(p: argparse.ArgumentParser) -> None:
    p.add_argument("audio", help="the instrumental (MP3, WAV, FLAC, OGG/Opus, M4A/AAC)")
    p.add_argument("--prompt", required=True, help="lyrics (with [Verse]/[Chorus] tags) or a description")
    p.add_argument("--out", required=True, type=Path, help="directory for the deliverables")
    p.add_argument("--title", default="")
    p.add_argument("--style", default="", help='style tags, e.g. "indie pop, breathy female vocals"')
    p.add_argument("--negative-tags", default="", help="styles or traits to avoid")
    p.add_argument("--gender", choices=("m", "f"), default=None)
    p.add_argument("--style-weight", type=float, default=None, metavar="0..1")
    p.add_argument("--weirdness", type=float, default=None, metavar="0..1")
    p.add_argument("--audio-weight", type=float, default=None, metavar="0..1")
    p.add_argument("--model", default="V4_5PLUS", choices=("V4_5PLUS", "V5", "V5_5"))
    p.add_argument("--seed", type=int, default=None, help="makes the result reproducible")


def _read_audio(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ToplineError(f"cannot read {path}: {exc.strerror or exc}") from None


# request field -> the flag that sets it, so a refused value is named as the user typed it
_FLAGS = {"prompt": "--prompt", "title": "--title", "style": "--style", "negativeTags": "--negative-tags",
          "vocalGender": "--gender", "styleWeight": "--style-weight", "weirdnessConstraint": "--weirdness",
          "audioWeight": "--audio-weight", "model": "--model", "seed": "--seed"}


def _request(args: argparse.Namespace):
    """The controls as a request, validated by the service's request model (the only validator)."""
    from pydantic import ValidationError as PydanticError

    from .service.envelope import validation_message
    from .service.schemas import SongRequest

    fields = {"prompt": args.prompt, "title": args.title, "style": args.style, "negativeTags": args.negative_tags,
              "vocalGender": args.gender, "styleWeight": args.style_weight, "weirdnessConstraint": args.weirdness,
              "audioWeight": args.audio_weight, "model": args.model, "seed": args.seed}
    try:
        return SongRequest.model_validate({k: v for k, v in fields.items() if v is not None})
    except PydanticError as exc:
        field = str((exc.errors()[0].get("loc") or ("",))[0])
        message = validation_message(exc)
        flag = _FLAGS.get(field)
        raise ToplineError(flag + message[len(field):] if flag and message.startswith(field) else message) from None


class _Steps:
    """A progress bar per stage on a terminal; nothing when stderr is not a terminal."""

    def __init__(self) -> None:
        self.progress = None
        self.tasks: dict[str, int] = {}
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.progress = Progress(
                SpinnerColumn(), TextColumn("{task.description:<12}"), BarColumn(), TimeElapsedColumn(),
                console=Console(stderr=True),
            )

    def __enter__(self) -> "_Steps":
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress:
            self.progress.stop()

    def __call__(self, step: str, state: str) -> None:
        if not self.progress:
            return
        if state == "start":
            self.tasks[step] = self.progress.add_task(step, total=1)
        else:
            self.progress.update(self.tasks[step], completed=1)


def cmd_analyse(args: argparse.Namespace) -> int:
    from .audio import decode_audio
    from .music.analysis import analyse

    y, sr = decode_audio(_read_audio(args.audio), sr=44100)
    print(json.dumps(analyse(y, sr=sr).to_json(), indent=2))
    return 0


def _run(args: argparse.Namespace, *, render: bool) -> int:
    from .music.lyrics import check_singable
    from .pipeline import load_sensitive_words, run_compose, run_task
    from .service.spec import task_spec
    from .storage import LocalStorage

    settings = get_settings()
    body = _request(args)  # bad controls: refused before --out is touched
    check_singable(body.prompt)  # lyrics with nothing to sing, likewise
    audio = _read_audio(args.audio)
    out = Path(args.out)
    created = not out.exists()
    try:
        before = set(out.iterdir()) if out.is_dir() else set()
    except OSError as exc:
        raise ToplineError(f"cannot use --out {out}: {exc.strerror or exc}; give a directory you can write "
                           "to.") from None
    seed = _claim_out_dir(args, body, audio)
    spec = task_spec(body, task_id=uuid.uuid4().hex, audio_key="", seed=seed, out_prefix="")
    try:
        store = LocalStorage(out)
        words = load_sensitive_words(str(settings.sensitive_words_file) if settings.sensitive_words_file else None)
        with _Steps() as steps:
            if render:
                result = run_task(spec, store=store, on_step=steps, sensitive_words=words, audio=audio)
                warnings = sorted({w for t in result.tracks for w in t.warnings})
            else:
                _, _, scores = run_compose(spec, store=store, on_step=steps, sensitive_words=words, audio=audio)
                warnings = sorted({w for s in scores for w in s.warnings})
    except Exception:
        # A failure on this input fails the same way again: take back what this run wrote, so a
        # corrected retry into the same --out starts clean. (An interrupted run keeps its files and
        # resumes when run again with the same request.)
        _remove_new(out, before, created)
        raise
    for w in warnings:
        print(f"note: {w}", file=sys.stderr)
    print(f"seed {spec.seed}; wrote {args.out}/")
    for name in sorted(p.name for p in Path(args.out).iterdir() if not p.name.startswith(".")):
        print(f"  {name}")
    return 0


def _remove_new(out: Path, before: set[Path], created: bool) -> None:
    import shutil

    for path in set(out.iterdir()) - before if out.is_dir() else ():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    if created:
        try:
            out.rmdir()
        except OSError:
            pass


def _claim_out_dir(args: argparse.Namespace, body, audio: bytes) -> int:
    """Resume into an --out directory only when it holds this same request; never mix two songs.
    Returns the seed: the unfinished run's, else the request's, else a fresh one."""
    import hashlib

    from .service.spec import draw_seed

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ToplineError(f"--out {out} is a file, not a directory; give a directory for the deliverables.")
    request = body.model_dump(exclude={"seed"})
    request["audio_sha256"] = hashlib.sha256(audio).hexdigest()
    seed = body.seed if body.seed is not None else draw_seed()
    marker = out / "request.json"
    try:
        if marker.exists():
            saved = json.loads(marker.read_text())
            saved_seed = saved.pop("seed", None)
            if saved != request or (args.seed is not None and args.seed != saved_seed):
                raise ToplineError(f"{out} holds the deliverables of a different request; choose an empty --out "
                                   "directory.")
            seed = saved_seed  # resume: same seed, finished stages kept
        elif out.exists() and any(out.iterdir()):
            raise ToplineError(f"{out} is not empty; choose an empty --out directory (or the one of an unfinished "
                               "run).")
        out.mkdir(parents=True, exist_ok=True)
        marker.write_text(json.dumps({**request, "seed": seed}, indent=2))
    except (OSError, ValueError) as exc:  # permissions, a read-only disk, a damaged request.json
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ToplineError(f"cannot use --out {out}: {why}; give a directory you can write to.") from None
    return seed


def cmd_compose(args: argparse.Namespace) -> int:
    return _run(args, render=False)


def cmd_sing(args: argparse.Namespace) -> int:
    return _run(args, render=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="topline", description="Add sung vocals to an instrumental.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyse", help="print the analysis of an instrumental as JSON")
    p.add_argument("audio")
    p.set_defaults(func=cmd_analyse)

    p = sub.add_parser("compose", help="analysis, lyrics and both scores (no audio)")
    _add_controls(p)
    p.set_defaults(func=cmd_compose)

    p = sub.add_parser("sing", help="every deliverable of a task: both sung, mixed variants")
    _add_controls(p)
    p.set_defaults(func=cmd_sing)

    add_commands(sub)
    add_worker_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        code = func(args)
        sys.stdout.flush()  # inside the try: a reader that went away (| head) is not an error
        return code
    except BrokenPipeError:
        # The reader of stdout stopped reading (``topline keys list | head``): that is fine. Point
        # stdout at /dev/null so the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except ToplineError as exc:
        print(f"topline: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("topline: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one sentence for the user; --debug shows the rest
        if args.debug or os.environ.get("TOPLINE_DEBUG"):
            raise
        print(f"topline: unexpected error ({type(exc).__name__}: {exc}); run with --debug for details",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
