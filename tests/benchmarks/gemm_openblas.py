#!/usr/bin/python3
"""Single-thread OpenBLAS SGEMM on the GEMM shapes of the engine's benchmarks (peer of GemmBenchmarks).

Run with Debian's python3 (python3-numpy linked to libopenblas0-pthread):

    /usr/bin/python3 tests/benchmarks/gemm_openblas.py [--threads N] [--clock wall|thread] [--json FILE]

numpy.matmul on float32 C-contiguous arrays calls cblas_sgemm; a transposed operand is passed as a
transposed view, which numpy hands to BLAS as a transpose flag (no copy). Prints GFLOP/s per shape, the
best of several timed rounds, and checks that BLAS is OpenBLAS (reference BLAS runs ~20x slower).
"""
import argparse
import ctypes
import json
import os
import sys
import time

# Must be set before numpy loads OpenBLAS.
parser = argparse.ArgumentParser()
parser.add_argument("--threads", type=int, default=1, help="OPENBLAS_NUM_THREADS (default 1)")
parser.add_argument("--json", help="also write the results to this file")
parser.add_argument("--seconds", type=float, default=0.6, help="time budget per round and shape")
parser.add_argument("--clock", choices=["wall", "thread"], default="wall",
                    help="wall: elapsed time; thread: this thread's CPU time (time.thread_time), robust on a "
                         "machine shared with other work, valid with one OpenBLAS thread only (like the C# "
                         "GemmCpuTimeBenchmarks)")
args = parser.parse_args()
os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)

import numpy as np  # noqa: E402

# (name, transA, transB, m, k, n): the same list as tests/Microsoft.ML.Recurrent.Benchmarks/Kernels/GemmShape.cs
SHAPES = [
    ("LstmInputProjection", False, True, 1120, 256, 1024),
    ("LstmStep_B32", False, True, 32, 256, 1024),
    ("LstmInputProjection_H650", False, True, 700, 650, 2600),
    ("LstmStep_B20_H650", False, True, 20, 650, 2600),
    ("LmOutput_700", False, True, 700, 200, 10000),
    ("LmOutput_400", False, True, 400, 200, 10000),
    ("LstmWeightGrad_TransA", True, False, 1024, 1120, 256),
    ("LmOutputWeightGrad_TransA", True, False, 10000, 700, 200),
    ("LstmInputGrad", False, False, 1120, 1024, 256),
    ("Awkward_Odd", False, True, 333, 517, 1001),
]


def blas_library():
    """Names of the BLAS shared objects mapped into this process."""
    libs = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            if "blas" in line or "lapack" in line:
                libs.add(line.split()[-1])
    return sorted(libs)


def operand(rng, rows, cols, trans):
    """A rows×cols op(X): stored transposed when trans, like the C# benchmark's layout."""
    if trans:
        return rng.standard_normal((cols, rows), dtype=np.float32).T
    return rng.standard_normal((rows, cols), dtype=np.float32)


def main():
    rng = np.random.default_rng(1)
    libs = blas_library()
    if not any("openblas" in lib for lib in libs):
        print(f"warning: BLAS is not OpenBLAS: {libs}", file=sys.stderr)
    if args.clock == "thread" and args.threads != 1:
        sys.exit("--clock thread measures the calling thread only: use it with --threads 1")
    clock = time.thread_time if args.clock == "thread" else time.perf_counter
    print(f"numpy {np.__version__}; BLAS: {', '.join(libs)}; OPENBLAS_NUM_THREADS={args.threads}; clock: {args.clock}")
    results = []
    for name, ta, tb, m, k, n in SHAPES:
        a = operand(rng, m, k, ta)
        b = operand(rng, k, n, tb)
        c = np.empty((m, n), dtype=np.float32)
        flops = 2.0 * m * n * k
        np.matmul(a, b, out=c)  # warm-up
        reps = max(3, int(args.seconds * 60e9 / flops))
        best = float("inf")
        for _ in range(5):
            start = clock()
            for _ in range(reps):
                np.matmul(a, b, out=c)
            best = min(best, (clock() - start) / reps)
        gflops = flops / best / 1e9
        results.append({"name": name, "transA": ta, "transB": tb, "m": m, "k": k, "n": n,
                        "ms": best * 1e3, "gflops": gflops})
        print(f"{name:28s} m={m:5d} k={k:5d} n={n:5d}  {best * 1e3:9.3f} ms  {gflops:6.1f} GFLOP/s")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
