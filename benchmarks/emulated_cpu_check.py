"""Check the voice model's integer GEMM rewrite on CPUs this machine is not: QEMU user mode.

``kokoro_model.convs_as_matmul`` runs 75 of the Kokoro model's ``ConvInteger`` nodes as
uint8 x int8 ``MatMulInteger`` GEMMs, exact with VNNI; AVX2 kernels add neighbouring products
in int16 and may saturate, so two probes at load (``integer_matmul_exact``, the second with
``pairs=True``) pick all, the fitting, or none of the convolutions.  On a VNNI machine only the
first branch ever runs.  This script runs the checks of the other branches under
``qemu-x86_64 -cpu MODEL`` (apt ``qemu-user``), whose TCG emulates the instructions of the
chosen CPU model (onnxruntime and numpy pick their kernels from its CPUID):

1. ``cpu``: the SIMD extensions numpy sees (AVX-512 or not);
2. ``probes``: both probes, and the graph ``load_voice`` picks from them (``all``, ``pairs``, none);
3. ``kernel``: a ``MatMulInteger`` with any int8 weights against the exact product and against a
   model of the pairwise kernel (rows ``2i`` and ``2i + 1`` summed in int16, saturating, then
   the zero-point terms in int32): where the kernel saturates, whether it is that model;
4. ``saturating``: a convolution whose weights do not fit (``pairs_fit_int16`` false): the
   rewrite forced on it against its ``ConvInteger`` (sums that differ), and ``pairs_only`` leaving it;
5. ``layers``: each of the 75 rewritten convolutions alone, with the model's own weights, rewritten
   as ``load_voice`` rewrites them, against the export's ``ConvInteger`` on the activations a
   sung phrase gives it in the whole graph (captured there, with its output), on all-255 inputs
   (every pair of weights at its int16 extreme at once) and on uniform random inputs;
6. ``phrase``: a sung phrase ("hello, my love, come home to me", Kokoro ``am_michael``, the pipeline's
   ``phonemes.plan`` and ``render_f0``) through the whole model, the ``MatMulInteger`` graph
   against the ``ConvInteger`` one, sample for sample (and against the host CPU's rendering),
   with the CPU seconds of each run.
   Emulated time is not a speed figure: TCG's cost per SIMD instruction is not the hardware's.
   With ``--count-instructions`` a small TCG plugin (built with ``cc``) counts the guest
   instructions of each of the two runs: a proxy of the work, not of the time either.

The joined and patched models are made natively first, in a private cache (``--cache``, default
``$TMPDIR/topline-emulated-check``, used as ``XDG_CACHE_HOME``; the user's cache is left alone),
so the emulated runs only load them.  QEMU 7.2's TCG has no AVX-512 (it drops those features
with a warning): ``Skylake-Server`` runs as an AVX2 CPU there and the plain AVX-512 kernel cannot
be checked this way.

Found with QEMU 7.2 (``docs/voice.md``): ``Haswell`` (AVX2) takes the ``pairs`` graph and every
check passes, the kernel being exactly the pairwise model; ``SandyBridge`` (AVX, SSE4.1 kernels)
is exact for any weights and takes the ``all`` graph, every check passing.

Run: ``python benchmarks/emulated_cpu_check.py [--cpu Haswell ...] [--qemu qemu-x86_64]
[--cache DIR] [--skip-phrase] [--count-instructions]``; about 8 minutes per CPU model on a
2-core machine (the phrase and the layers on real activations are most of it).  Prints one block
per CPU model and writes ``emulated-<MODEL>.json`` in the cache folder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

_MARK = 0x7031 << 32
#: a QEMU TCG plugin that counts the guest's instructions and prints the count at each ``_mark``
#: (QEMU 7.2's plugin API, version 1, declared here so that no QEMU headers are needed)
_PLUGIN_C = r"""
#include <stdint.h>
#include <stdio.h>
#include <stddef.h>
typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*tb_trans_cb)(qemu_plugin_id_t, struct qemu_plugin_tb *);
typedef void (*syscall_cb)(qemu_plugin_id_t, unsigned int, int64_t, uint64_t, uint64_t, uint64_t,
                           uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t, tb_trans_cb);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *, enum qemu_plugin_op, void *, uint64_t);
void qemu_plugin_register_vcpu_syscall_cb(qemu_plugin_id_t, syscall_cb);
void qemu_plugin_outs(const char *);
__attribute__((visibility("default"))) int qemu_plugin_version = 1;
static uint64_t count;
static void on_tb(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &count, qemu_plugin_tb_n_insns(tb));
}
static void on_syscall(qemu_plugin_id_t id, unsigned int vcpu, int64_t num, uint64_t a1, uint64_t a2,
                       uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7, uint64_t a8) {
    if (num == 8 && (uint32_t)a1 == 0xffffffffu && (a2 >> 32) == 0x7031) {  /* lseek(-1, MARK | k) */
        char line[64];
        snprintf(line, sizeof line, "insns %llu %llu\n", (unsigned long long)(a2 & 0xffffffffu),
                 (unsigned long long)count);
        qemu_plugin_outs(line);
    }
}
__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const void *info, int argc, char **argv) {
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb);
    qemu_plugin_register_vcpu_syscall_cb(id, on_syscall);
    return 0;
}
"""
_FEATURES = ("SSE41", "AVX", "AVX2", "FMA3", "AVX512F", "AVX512BW", "AVX512VL", "AVX512VNNI")
#: the phrase: "hello, my love, come home to me" on a small tune (ARPAbet, seconds, MIDI)
_PHRASE = [
    (0.5, 0.9, 50, "hel", ("HH", "AH"), 0, 0), (0.9, 1.5, 53, "lo", ("L", "OW"), 0, 1),
    (1.5, 1.9, 55, "my", ("M", "AY"), 1, 1), (1.9, 2.6, 53, "love", ("L", "AH", "V"), 2, 1),
    (2.6, 3.0, 52, "come", ("K", "AH", "M"), 3, 1), (3.0, 3.6, 50, "home", ("HH", "OW", "M"), 4, 1),
    (3.6, 3.9, 48, "to", ("T", "UW"), 5, 0), (3.9, 4.8, 50, "me", ("M", "IY"), 6, 1),
]  # fmt: skip


def pairwise_saturating_gemm(a: np.ndarray, b: np.ndarray, a_zp: int = 0, b_zp: int = 0) -> np.ndarray:
    """What a uint8 x int8 GEMM that adds neighbouring products in int16 (``vpmaddubsw``) returns.

    Rows ``2i`` and ``2i + 1`` of ``b`` (K padded with a zero row) are multiplied by their
    activations and added in int16, saturating; the rest is int32, the zero points too
    (``sum (a - a_zp)(b - b_zp)`` = the raw sums ``- a_zp * sum b - b_zp * sum a + K a_zp b_zp``).
    """
    a64, b64 = a.astype(np.int64), b.astype(np.int64)
    k = b.shape[0]
    bp = np.vstack([b64, np.zeros((k % 2, b.shape[1]), np.int64)])
    ap = np.hstack([a64, np.zeros((a.shape[0], k % 2), np.int64)])
    raw = (ap[:, 0::2, None] * bp[None, 0::2] + ap[:, 1::2, None] * bp[None, 1::2]).clip(-32768, 32767).sum(axis=1)
    return raw - a_zp * b64.sum(axis=0)[None, :] - b_zp * a64.sum(axis=1)[:, None] + k * a_zp * b_zp


def _session(model):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])


def check_kernel() -> dict:
    """Any int8 weights through ``MatMulInteger``: exact, or exactly the pairwise-saturating model?"""
    from topline.voice import kokoro_model

    rng = np.random.default_rng(5)
    cases = []
    for k, n, m, a_zp, b_zp in [(256, 64, 64, 0, 0), (1536, 128, 40, 3, -5), (33, 17, 9, 200, 7), (7, 5, 1, 0, 0)]:
        a = rng.integers(0, 256, (m, k), dtype=np.uint8)
        a[: max(1, m // 4)] = 255
        b = rng.integers(-128, 128, (k, n), dtype=np.int8)
        got = kokoro_model.matmul_integer(a, b, a_zp=a_zp, b_zp=b_zp)
        exact = (a.astype(np.int64) - a_zp) @ (b.astype(np.int64) - b_zp)
        model = pairwise_saturating_gemm(a, b, a_zp, b_zp)
        cases.append({
            "shape": [m, k, n], "zero_points": [a_zp, b_zp], "wrong_sums": int((got != exact).sum()),
            "sums": int(exact.size), "pairwise_model": bool(np.array_equal(got, model)),
        })  # fmt: skip
    return {"cases": cases}


def _conv_model(weights: np.ndarray, w_zp, attrs: dict):
    """One ``ConvInteger`` with these uint8 weights (``(M, C, k)``) and attributes; ``x``, ``x_zp`` inputs."""
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [helper.make_node("ConvInteger", ["x", "w", "x_zp", "w_zp"], ["y"], name="conv", **attrs)],
        "conv",
        [helper.make_tensor_value_info("x", TensorProto.UINT8, [1, weights.shape[1], None]),
         helper.make_tensor_value_info("x_zp", TensorProto.UINT8, [])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, None)],
        [numpy_helper.from_array(weights, "w"), numpy_helper.from_array(np.asarray(w_zp, np.uint8), "w_zp")],
    )  # fmt: skip
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def _conv_pair(weights: np.ndarray, w_zp, attrs: dict, *, pairs_only: bool):
    """Sessions of the convolution as exported and as rewritten (``None`` if not rewritten)."""
    from topline.voice import kokoro_model

    plain = _conv_model(weights, w_zp, attrs)
    rewritten = _conv_model(weights, w_zp, attrs)
    done = kokoro_model.convs_as_matmul(rewritten, min_channels=1, pairs_only=pairs_only)
    return _session(plain), (_session(rewritten) if done else None)


def check_saturating() -> dict:
    """A convolution whose weights' pairs do not fit int16: forced rewrite against ``ConvInteger``."""
    from topline.voice import kokoro_model

    rng = np.random.default_rng(9)
    weights = rng.integers(0, 256, (32, 16, 3), dtype=np.uint8)
    weights[:8], weights[8:16] = 255, 0  # centred on 128: pairs of 127 and 127, of -128 and -128
    columns = weights.transpose(2, 1, 0).reshape(48, 32)
    _, _, fits = kokoro_model.signed_weights(columns, 128)
    attrs = {"kernel_shape": [3], "pads": [1, 1]}
    x = rng.integers(0, 256, (1, 16, 80), dtype=np.uint8)
    x[..., :20] = 255
    zp = np.array(0, np.uint8)
    plain, forced = _conv_pair(weights, 128, attrs, pairs_only=False)
    want = plain.run(None, {"x": x, "x_zp": zp})[0]
    got = forced.run(None, {"x": x, "x_zp": zp})[0]
    left = _conv_model(weights, 128, attrs)
    return {
        "pairs_fit_int16": bool(fits),
        "forced_rewrite_wrong_sums": int((got != want).sum()),
        "sums": int(want.size),
        "pairs_only_rewrites": kokoro_model.convs_as_matmul(left, min_channels=1, pairs_only=True),
    }


def _phrase_inputs():
    from topline.music.types import Note
    from topline.voice import VOICES, phonemes, render_f0
    from topline.voice import kokoro_model as km
    from topline.voice.voices import style_vector

    notes = [Note(start=s, end=e, midi=m, syllable=syl, phonemes=ph, word_index=w, line_index=0, section="verse",
                  stress=st) for s, e, m, syl, ph, w, st in _PHRASE]  # fmt: skip
    singer = VOICES["am_michael"]
    (p,) = phonemes.plan(notes, id_map=km.VOCAB, frame_s=km.FRAME / km.SAMPLE_RATE, accent=singer.accent)
    f0 = render_f0(p, hz=singer.render_hz, hop_s=km.F0_HOP / km.SAMPLE_RATE, n=2 * p.frames)
    return p.ids, p.durations, f0, style_vector(singer.name, len(p.ids) - 2)


def _feeds(ids, durations, f0, style) -> dict:
    return {
        "tokens": np.asarray(ids, np.int64)[None, :],
        "style": np.asarray(style, np.float32).reshape(1, 256),
        "durations": np.asarray(durations, np.float32)[None, :],
        "f0": np.asarray(f0, np.float32)[None, None, :],
    }


def check_layers(mode: str, phrase) -> dict:
    """The 75 rewritten convolutions one by one, on real activations, all-255 and random inputs."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    from topline.voice import kokoro_model as km

    plain_bytes, _ = km._patched_bytes(km.joined_model())
    model = onnx.load_from_string(plain_bytes)
    rewritten = onnx.load_from_string(plain_bytes)
    km.convs_as_matmul(rewritten, pairs_only=mode != "all")
    left = {n.name for n in rewritten.graph.node if n.op_type == "ConvInteger"}
    convs = [n for n in model.graph.node if n.op_type == "ConvInteger" and n.name not in left]
    inits = {i.name: i for i in model.graph.initializer}
    shown = {o.name for o in model.graph.output}
    for n in convs:  # the activations each convolution sees in the whole graph, and its sums
        tensors = ((n.input[0], TensorProto.UINT8), (n.input[2], TensorProto.UINT8), (n.output[0], TensorProto.INT32))
        for name, kind in tensors:
            if name not in shown:
                model.graph.output.append(helper.make_tensor_value_info(name, kind, None))
                shown.add(name)
    session = _session(model)
    names = [o.name for o in session.get_outputs()]
    started = time.process_time()
    seen = dict(zip(names, session.run(None, _feeds(*phrase))))
    capture_s = time.process_time() - started
    del session
    rng = np.random.default_rng(11)
    rows, exact = [], {"real": 0, "all_255": 0, "random": 0}
    for n in convs:
        weights = numpy_helper.to_array(inits[n.input[1]])
        attrs = {a.name: helper.get_attribute_value(a) for a in n.attribute}
        plain, fast = _conv_pair(weights, numpy_helper.to_array(inits[n.input[3]]), attrs, pairs_only=mode != "all")
        x, x_zp = seen[n.input[0]], seen[n.input[2]]
        row = {"conv": n.name, "weights": list(weights.shape), "frames": int(x.shape[-1])}
        got = fast.run(None, {"x": x, "x_zp": x_zp})[0]
        row["real"] = bool(np.array_equal(got, seen[n.output[0]]))
        for name, probe in (("all_255", np.full((1, x.shape[1], 48), 255, np.uint8)),
                            ("random", rng.integers(0, 256, (1, x.shape[1], 48), dtype=np.uint8))):  # fmt: skip
            feeds = {"x": probe, "x_zp": x_zp}
            row[name] = bool(np.array_equal(fast.run(None, feeds)[0], plain.run(None, feeds)[0]))
        for name in exact:
            exact[name] += row[name]
        rows.append(row)
    return {
        "rewritten": len(convs), "exact": exact, "capture_cpu_s": round(capture_s, 2),
        "largest_frames": max(r["frames"] for r in rows), "wrong": [r for r in rows if not all(r[k] for k in exact)],
    }  # fmt: skip


def _mark(k: int) -> None:
    """``lseek(-1, MARK | k)``: a no-op the instruction-counting plugin answers with its count."""
    try:
        os.lseek(-1, _MARK | k, 0)
    except OSError:
        pass


def check_phrase(phrase, host: Path) -> dict:
    """The phrase through the ``MatMulInteger`` and the ``ConvInteger`` graphs, as ``load_voice`` makes them.

    ``host``: the ``ConvInteger`` graph's rendering of it on this machine's own CPU, if there.
    """
    from topline.voice import kokoro_model as km

    out, cpu = {}, {}
    for k, matmul in enumerate((True, False)):
        voice = km.load_voice(1, matmul)
        _mark(2 * k + 1)
        started = time.process_time()
        out[matmul] = voice.synthesize(*phrase)
        cpu[matmul] = time.process_time() - started
        _mark(2 * k + 2)
    seconds = out[True].size / km.SAMPLE_RATE
    return {
        "seconds": round(seconds, 3), "identical": bool(np.array_equal(out[True], out[False])),
        "max_abs_difference": float(np.abs(out[True] - out[False]).max()),
        "same_as_host": bool(np.array_equal(out[False], np.load(host))) if host.is_file() else None,
        "emulated_cpu_s": {"matmul": round(cpu[True], 1), "convinteger": round(cpu[False], 1)},
        "emulated_ratio": round(cpu[True] / cpu[False], 3),
    }  # fmt: skip


def inside(cpu: str, out: Path, *, phrase: bool) -> dict:
    """The checks, run in the emulated process."""
    from numpy._core._multiarray_umath import __cpu_features__

    from topline.voice import kokoro_model as km

    report: dict = {"cpu": cpu, "features": {f: bool(__cpu_features__.get(f)) for f in _FEATURES}}
    full, pairs = km.integer_matmul_exact(), km.integer_matmul_exact(pairs=True)
    mode = "all" if full else ("pairs" if pairs else "")
    report["probes"] = {"any_weights": full, "pairs": pairs, "graph": mode or "ConvInteger",
                        "load_voice_matmul": km.load_voice().matmul}  # fmt: skip
    print(json.dumps({k: report[k] for k in ("features", "probes")}), flush=True)
    report["kernel"] = check_kernel()
    report["saturating"] = check_saturating()
    print(json.dumps({k: report[k] for k in ("kernel", "saturating")}), flush=True)
    if phrase and mode:
        inputs = _phrase_inputs()
        report["layers"] = check_layers(mode, inputs)
        print(json.dumps({"layers": report["layers"]}), flush=True)
        report["phrase"] = check_phrase(inputs, out.parent / "phrase-host.npy")
        print(json.dumps({"phrase": report["phrase"]}), flush=True)
    out.write_text(json.dumps(report, indent=1))
    return report


def prepare(cache: Path) -> None:
    """Join and patch the model natively (all three graphs) and render the phrase, into ``cache``."""
    from topline.voice import kokoro_model as km

    path = km.joined_model()
    for mode in ("", "pairs", "all"):
        km._patched_bytes(path, matmul=mode)
    np.save(cache / "phrase-host.npy", km.load_voice(1, False).synthesize(*_phrase_inputs()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cpu", nargs="+", default=["Haswell"], help="QEMU CPU models (qemu-x86_64 -cpu help)")
    ap.add_argument("--qemu", default="qemu-x86_64")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "topline-emulated-check")
    ap.add_argument("--skip-phrase", action="store_true", help="only the probes, the kernel and the saturating case")
    ap.add_argument("--count-instructions", action="store_true",
                    help="count the guest instructions of each phrase run (builds a QEMU plugin with cc)")
    ap.add_argument("--inside", help=argparse.SUPPRESS)
    args = ap.parse_args()
    os.environ["XDG_CACHE_HOME"] = str(args.cache)
    os.environ.setdefault("NUMBA_CACHE_DIR", str(args.cache / "numba"))
    if args.inside:
        inside(args.inside, args.cache / f"emulated-{args.inside}.json", phrase=not args.skip_phrase)
        return
    args.cache.mkdir(parents=True, exist_ok=True)
    prepare(args.cache)
    src = str(Path(__file__).resolve().parents[1] / "src")
    plugin = []
    if args.count_instructions:
        source = args.cache / "insns.c"
        source.write_text(_PLUGIN_C)
        library = args.cache / "libinsns.so"
        subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
        plugin = ["-plugin", str(library), "-d", "plugin"]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    for cpu in args.cpu:
        print(f"== {args.qemu} -cpu {cpu}", flush=True)
        command = [args.qemu, "-cpu", cpu, *plugin, sys.executable, __file__, "--inside", cpu, "--cache", str(args.cache)]
        started = time.time()
        done = subprocess.run(command + ["--skip-phrase"] * args.skip_phrase, env=env, stderr=subprocess.PIPE, text=True)
        lines = done.stderr.splitlines()
        dropped = sorted({line.split("feature: ")[-1] for line in lines if "TCG doesn't support" in line})
        print(f"   qemu dropped: {', '.join(dropped) or 'nothing'}; {time.time() - started:.0f} s wall")
        marks = dict(tuple(map(int, line.split()[1:])) for line in lines if line.startswith("insns "))
        if len(marks) == 4:
            mm, conv = marks[2] - marks[1], marks[4] - marks[3]
            print(f"   guest instructions of the phrase: MatMulInteger graph {mm / 1e9:.3f} G, "
                  f"ConvInteger graph {conv / 1e9:.3f} G, ratio {mm / conv:.3f}")
        other = [line for line in lines if "TCG doesn't support" not in line and not line.startswith("insns ")]
        if done.returncode:
            print("\n".join(other[-20:]))
            sys.exit(done.returncode)


if __name__ == "__main__":
    main()
