#!/usr/bin/python3
"""Runs the PTB "small" recipe with `recurrent lm train` and with its PyTorch 1.13 twin in one run, back to back on the
same data, and prints both speeds and the ratio (issue 6: ours >= 1.5x PyTorch).

    dotnet build src/Microsoft.ML.Recurrent.Cli -c Release
    /usr/bin/python3 tests/benchmarks/ptb_side_by_side.py --epochs 1            # one full epoch each (about 9 minutes)
    /usr/bin/python3 tests/benchmarks/ptb_side_by_side.py --max-tokens 100000   # a quick reading on a prefix

Both train the same model (2x200 LSTM, V 10,000, T 20, B 20, SGD lr 1, clip 5, init +-0.1) on the same windows; both
print their training perplexity, which agrees to a few percent (different random initializations). PyTorch runs in
its fastest two-core setting on this machine: torch.set_num_threads(1) over a two-thread OpenBLAS. Ours uses both
cores (--threads 0). Run it on a quiet machine: the ratio is only meaningful when nothing else competes for the cores.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError("no JSON line in output:\n" + text[-2000:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", default=os.path.join(ROOT, "..", "shared", "data", "ptb", "ptb.train.txt"))
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--max-tokens", type=int, default=0)
    a = ap.parse_args()
    common = ["--input", a.input, "--epochs", str(a.epochs)]
    if a.max_tokens:
        common += ["--max-tokens", str(a.max_tokens)]
    cli = os.path.join(ROOT, "src/Microsoft.ML.Recurrent.Cli/bin/Release/net10.0/recurrent.dll")
    ours = last_json(subprocess.run(["dotnet", cli, "lm", "train", *common, "--json"], cwd=ROOT,
                                    capture_output=True, text=True, check=True).stdout)
    print("ours   ", json.dumps(ours), flush=True)
    env = dict(os.environ, OPENBLAS_NUM_THREADS="2")
    torch = last_json(subprocess.run([sys.executable, os.path.join(ROOT, "tests/benchmarks/ptb_lstm_torch.py"), *common,
                                      "--threads", "1"], cwd=ROOT, env=env, capture_output=True, text=True,
                                     check=True).stdout)
    print("pytorch", json.dumps(torch), flush=True)
    ratio = ours["tokens_per_s"] / torch["tokens_per_s"]
    print(f"tokens/s ours {ours['tokens_per_s']:.0f}, PyTorch {torch['tokens_per_s']:.0f}: ratio {ratio:.2f} "
          f"(bar 1.5); training seconds ours {ours['train_seconds']:.1f}, PyTorch {torch['train_seconds']:.1f}; "
          f"train perplexity ours {ours['train_perplexity']:.2f}, PyTorch {torch['train_perplexity']:.2f}")


if __name__ == "__main__":
    main()
