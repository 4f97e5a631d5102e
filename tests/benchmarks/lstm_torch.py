#!/usr/bin/env python3
"""PyTorch twin of tests/Microsoft.ML.Recurrent.Benchmarks/Layers (issue 5 bars).

Runs torch.nn.LSTM forward+backward over T=35 for (B=32, I=H=256) and (B=20, I=H=650), and a full 2-layer LSTM
language-model training step (10k vocabulary: embedding, LSTM, linear, cross-entropy, clip 0.25, SGD), printing the
median milliseconds of each. Use PyTorch's fastest setting on this machine (DESIGN.md section 6):

  one thread:  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 tests/benchmarks/lstm_torch.py --threads 1
  two cores:   OPENBLAS_NUM_THREADS=2 /usr/bin/python3 tests/benchmarks/lstm_torch.py --threads 1

(--threads is torch.set_num_threads; two intra-op threads over a threaded OpenBLAS oversubscribe two cores.)
"""
import argparse
import time

import torch


def median_ms(fn, warmup, reps):
    for _ in range(warmup):
        fn()
    times = []
    c0 = time.process_time()
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    cpu = (time.process_time() - c0) * 1000 / reps
    times.sort()
    return times[len(times) // 2], times[0], cpu


def lstm_layer(B, H, T=35):
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(H, H)
    x = torch.randn(T, B, H, requires_grad=True)

    def step():
        lstm.zero_grad()
        out, _ = lstm(x)
        out.sum().backward()
    return step


def lm_step(V=10000, E=200, H=200, T=35, B=20):
    torch.manual_seed(0)
    enc = torch.nn.Embedding(V, E)
    rnn = torch.nn.LSTM(E, H, num_layers=2)
    dec = torch.nn.Linear(H, V)
    params = list(enc.parameters()) + list(rnn.parameters()) + list(dec.parameters())
    opt = torch.optim.SGD(params, lr=1.0)
    ids = torch.randint(0, V, (T, B))
    targets = torch.randint(0, V, (T * B,))
    state = (torch.zeros(2, B, H), torch.zeros(2, B, H))

    def step():
        opt.zero_grad()
        out, _ = rnn(enc(ids), state)
        loss = torch.nn.functional.cross_entropy(dec(out.reshape(T * B, H)), targets)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 0.25)
        opt.step()
    return step


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--reps", type=int, default=20)
    p.add_argument("--only", default="all", choices=["all", "layer", "lm"])
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    print(f"torch {torch.__version__}, set_num_threads({a.threads})")
    if a.only in ("all", "layer"):
        for B, H in ((32, 256), (20, 650)):
            med, best, cpu = median_ms(lstm_layer(B, H), 3, a.reps)
            flop = 6 * 2 * 35 * B * H * 4 * H
            print(f"lstm_layer B={B} H={H}: median {med:.2f} ms (min {best:.2f}, cpu {cpu:.1f} ms/step), {flop / med / 1e6:.1f} GFLOP/s")
    if a.only in ("all", "lm"):
        med, best, cpu = median_ms(lm_step(), 3, a.reps)
        print(f"lm_step V=10000 E=H=200 L=2 T=35 B=20: median {med:.2f} ms (min {best:.2f}, cpu {cpu:.1f} ms/step)")


if __name__ == "__main__":
    main()
