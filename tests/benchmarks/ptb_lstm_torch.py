#!/usr/bin/python3
"""PyTorch 1.13 twin of `recurrent lm train` for the PTB "small" recipe (Zaremba et al. 2014).

Same model (Embedding -> 2x200 LSTM -> Linear, init U(-0.1, 0.1)), same data layout (the stream cut into
B columns, full windows of T steps, state carried and detached), same loss (summed over the T steps, averaged
over the batch), SGD lr 1 halved every epoch after the 4th, clip norm 5. Prints one JSON object like the CLI.

Run it in PyTorch's fastest two-core setting found on this machine (docs/language-models.md):
    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 tests/benchmarks/ptb_lstm_torch.py --threads 1 --max-tokens 100000 --epochs 1
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn


def read_tokens(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            for word in line.split():
                yield word
            yield "<eos>"


class Model(nn.Module):
    def __init__(self, vocab, emb, hidden, layers, init_range):
        super().__init__()
        self.encoder = nn.Embedding(vocab, emb)
        self.rnn = nn.LSTM(emb, hidden, layers)
        self.decoder = nn.Linear(hidden, vocab)
        for p in self.parameters():
            nn.init.uniform_(p, -init_range, init_range)

    def forward(self, x, state):
        out, state = self.rnn(self.encoder(x), state)            # (T, B, H)
        return self.decoder(out.reshape(-1, out.size(2))), state  # (T*B, V)


def batchify(ids, batch):
    n = ids.size(0) // batch
    return ids[: n * batch].view(batch, n).t().contiguous()      # (n, B): column b is the b-th slice of the stream


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", default="../shared/data/ptb/ptb.train.txt")
    ap.add_argument("--valid", default=None)
    ap.add_argument("--epochs", type=int, default=13)
    ap.add_argument("--max-tokens", type=int, default=0)
    ap.add_argument("--bptt", type=int, default=20)
    ap.add_argument("--batch", type=int, default=20)
    ap.add_argument("--hidden", type=int, default=200)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--lr", type=float, default=1.0)
    ap.add_argument("--lr-decay", type=float, default=0.5)
    ap.add_argument("--decay-after", type=int, default=4)
    ap.add_argument("--clip", type=float, default=5.0)
    ap.add_argument("--init-range", type=float, default=0.1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)

    vocab = {}
    stream = [vocab.setdefault(w, len(vocab)) for w in read_tokens(a.input)]
    for special in ("<eos>", "<unk>"):
        vocab.setdefault(special, len(vocab))
    if a.max_tokens:
        stream = stream[: a.max_tokens]
    data = batchify(torch.tensor(stream, dtype=torch.long), a.batch)
    windows = (data.size(0) - 1) // a.bptt
    model = Model(len(vocab), a.hidden, a.hidden, a.layers, a.init_range)
    criterion = nn.CrossEntropyLoss(reduction="sum")
    optimizer = torch.optim.SGD(model.parameters(), lr=a.lr)

    train_seconds, tokens, valid_ppl, train_ppl = 0.0, 0, None, None
    for epoch in range(1, a.epochs + 1):
        for g in optimizer.param_groups:
            g["lr"] = a.lr * a.lr_decay ** max(0, epoch - a.decay_after)
        model.train()
        state = None
        nats, count = 0.0, 0
        start = time.perf_counter()
        for w in range(windows):
            x = data[w * a.bptt:(w + 1) * a.bptt]
            y = data[w * a.bptt + 1:(w + 1) * a.bptt + 1].reshape(-1)
            if state is not None:
                state = tuple(s.detach() for s in state)
            optimizer.zero_grad()
            logits, state = model(x, state)
            loss = criterion(logits, y) / a.batch              # summed over T steps, averaged over the batch
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), a.clip)
            optimizer.step()
            nats += loss.item() * a.batch
            count += y.numel()
        train_seconds += time.perf_counter() - start
        tokens += windows * a.bptt * a.batch
        train_ppl = math.exp(nats / count)
        if a.valid:
            valid_ppl = evaluate(model, a, vocab, a.valid)
    print(json.dumps({"tokens_per_s": round(tokens / train_seconds, 1), "train_seconds": round(train_seconds, 3),
                      "valid_perplexity": valid_ppl, "train_perplexity": round(train_ppl, 3), "tokens": tokens,
                      "torch": torch.__version__, "threads": a.threads}))


def evaluate(model, a, vocab, path):
    unk = vocab["<unk>"]
    ids = torch.tensor([vocab.get(w, unk) for w in read_tokens(path)], dtype=torch.long)
    data = batchify(ids, 10)
    model.eval()
    state, nats, count = None, 0.0, 0
    with torch.no_grad():
        for i in range(0, data.size(0) - 1, 35):
            n = min(35, data.size(0) - 1 - i)
            logits, state = model(data[i:i + n], state)
            y = data[i + 1:i + 1 + n].reshape(-1)
            nats += nn.functional.cross_entropy(logits, y, reduction="sum").item()
            count += y.numel()
    return round(math.exp(nats / count), 3)


if __name__ == "__main__":
    main()
