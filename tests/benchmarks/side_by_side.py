#!/usr/bin/env python3
"""Runs the engine's layer benchmarks (BenchmarkDotNet) and their PyTorch twin in one run and prints the ratios.

  /usr/bin/python3 tests/benchmarks/side_by_side.py            # everything (a few minutes)
  /usr/bin/python3 tests/benchmarks/side_by_side.py --skip-dotnet --reps 20   # PyTorch only

PyTorch runs in its fastest setting on this machine (DESIGN.md section 6): one thread = set_num_threads(1) with
OPENBLAS_NUM_THREADS=1; two cores = set_num_threads(1) with OPENBLAS_NUM_THREADS=2. Ratio = PyTorch time / engine time
(above 1: the engine is faster). Bars (issue 5): >= 1.3 for every layer case, >= 1.5 for the LM step on two cores.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def torch_times(threads_env, reps):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads_env))
    out = subprocess.run([sys.executable, os.path.join(ROOT, "tests/benchmarks/lstm_torch.py"), "--threads", "1",
                          "--reps", str(reps)], env=env, capture_output=True, text=True, check=True).stdout
    print(out.strip())
    times = {}
    for m in re.finditer(r"lstm_layer B=(\d+) H=(\d+): median ([\d.]+) ms \(min ([\d.]+)", out):
        times[f"B{m.group(1)}-H{m.group(2)}"] = (float(m.group(3)), float(m.group(4)))
    m = re.search(r"lm_step .*: median ([\d.]+) ms \(min ([\d.]+)", out)
    if m:
        times["lm"] = (float(m.group(1)), float(m.group(2)))
    return times


def engine_times():
    subprocess.run(["dotnet", "run", "-c", "Release", "--project", os.path.join(ROOT, "tests/Microsoft.ML.Recurrent.Benchmarks"),
                    "--", "--filter", "*LstmLayerBenchmarks*", "*LanguageModelStepBenchmarks*", "--exporters", "json"],
                   cwd=ROOT, check=True)
    times = {}
    for path in glob.glob(os.path.join(ROOT, "BenchmarkDotNet.Artifacts/results/*Layers*-report-full-compressed.json")):
        with open(path) as f:
            report = json.load(f)
        for b in report["Benchmarks"]:
            params = dict(p.split("=", 1) for p in b["Parameters"].split("&"))
            key = params.get("Case", "lm")
            if b.get("Statistics"):
                times[(key, int(params["Threads"]))] = (b["Statistics"]["Median"] / 1e6, b["Statistics"]["Min"] / 1e6)
    return times


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--reps", type=int, default=20)
    p.add_argument("--skip-dotnet", action="store_true")
    a = p.parse_args()
    torch1 = torch_times(1, a.reps)
    torch2 = torch_times(2, a.reps)
    if a.skip_dotnet:
        return
    ours = engine_times()
    print("median and minimum wall ms; ratio = torch / engine (the minimum is the least-disturbed run on a busy machine)")
    print(f"{'case':<10}{'threads':>8}{'engine med':>12}{'torch med':>11}{'ratio':>7}{'engine min':>12}{'torch min':>11}{'ratio':>7}")
    for key in ("B32-H256", "B20-H650", "lm"):
        for threads, torch in ((1, torch1), (2, torch2)):
            if (key, threads) in ours and key in torch:
                (em, en), (tm, tn) = ours[(key, threads)], torch[key]
                print(f"{key:<10}{threads:>8}{em:>12.1f}{tm:>11.1f}{tm / em:>7.2f}{en:>12.1f}{tn:>11.1f}{tn / en:>7.2f}")


if __name__ == "__main__":
    main()
