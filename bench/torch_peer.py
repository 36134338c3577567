"""PyTorch's CPU leaky_relu, timed for bench/run.mjs in its own process.

Usage: python bench/torch_peer.py SIZES ALPHA  (SIZES comma-separated, e.g. 1e3,1e6)
       python bench/torch_peer.py --serve ALPHA

The first form times every row and exits; the second times one sample at a
time on request, so that run.mjs can alternate torch's samples with its own
(see serve below).

Prints one JSON object: torch's and NumPy's versions and, per row, the rate in
elements per second and the ratio to NumPy's copy (np.copyto between two
float32 arrays) timed alongside, by the same method as run.mjs: samples of the
row and of the copy alternate, the rate is the median sample and the ratio the
median of the per-pair ratios. The data is float32, uniform in [-1, 1): the
signs are random, as in run.mjs (torch's loop is branch-free, so the values
themselves do not matter).
"""

import json
import sys
import time

import numpy as np
import torch

SAMPLE_SECONDS = 0.03
SAMPLES = 11
WARMUP_SECONDS = 0.1


def warm_up(run):
    """Calls run long enough to warm it up; returns how many calls make a sample."""
    calls = 0
    start = time.perf_counter()
    while calls < 3 or time.perf_counter() - start < WARMUP_SECONDS:
        run()
        calls += 1
    per_call = max((time.perf_counter() - start) / calls, 1e-9)
    return max(1, int(SAMPLE_SECONDS / per_call) + 1)


def sample(run, batch):
    start = time.perf_counter()
    for _ in range(batch):
        run()
    return (time.perf_counter() - start) / batch


def measure(run, copy, length):
    batch = warm_up(run)
    copy_batch = warm_up(copy)
    rates, ratios = [], []
    for index in range(SAMPLES):
        if index % 2 == 0:
            copy_seconds = sample(copy, copy_batch)
            seconds = sample(run, batch)
        else:
            seconds = sample(run, batch)
            copy_seconds = sample(copy, copy_batch)
        rates.append(length / seconds)
        ratios.append(copy_seconds / seconds)
    return float(np.median(rates)), float(np.median(ratios))


def forward_out(n, alpha, threads):
    """torch's forward into `out=`, on `threads` threads, over n random float32 values."""
    x = torch.from_numpy(np.random.default_rng(1).uniform(-1, 1, n).astype(np.float32))
    out = torch.empty(n, dtype=torch.float32)
    torch.set_num_threads(threads)
    return lambda: torch._C._nn.leaky_relu(x, alpha, out=out)


def serve(alpha):
    """Answers run.mjs one JSON line per request on stdin, until it closes:
    {"n": N, "threads": T} sets up torch's forward into `out=` on N elements
    and T threads, warms it up and answers {"ready": true}; {"sample": true}
    times one sample of it and answers {"seconds": seconds per call}. Between
    requests the process waits on stdin without using a core, so run.mjs's
    samples and torch's take turns on an otherwise equal machine."""
    run, batch = None, 1
    for line in sys.stdin:
        request = json.loads(line)
        if "n" in request:
            run = forward_out(int(request["n"]), alpha, int(request["threads"]))
            batch = warm_up(run)
            answer = {"ready": True}
        else:
            answer = {"seconds": sample(run, batch)}
        print(json.dumps(answer), flush=True)


def main():
    if sys.argv[1] == "--serve":
        serve(float(sys.argv[2]))
        return
    sizes = [int(float(size)) for size in sys.argv[1].split(",")]
    alpha = float(sys.argv[2])
    rows = {}

    def record(name, op, threads, n, run, copy):
        torch.set_num_threads(threads)
        rate, ratio = measure(run, copy, n)
        row = rows.setdefault(name, {"name": name, "group": "peer", "op": op, "threads": threads, "rates": {}, "ratios": {}})
        row["rates"][str(n)] = rate
        row["ratios"][str(n)] = ratio

    for n in sizes:
        generator = np.random.default_rng(1)
        x = torch.from_numpy(generator.uniform(-1, 1, n).astype(np.float32))
        gradient = torch.from_numpy(generator.uniform(-1, 1, n).astype(np.float32))
        out = torch.empty(n, dtype=torch.float32)
        source, target = x.numpy(), np.empty(n, dtype=np.float32)

        def copy():
            np.copyto(target, source)

        record("NumPy copy: `np.copyto` (torch's own limit)", "copy", 1, n, copy, copy)
        for threads in (1, 2):
            record(
                f"torch `leaky_relu(x, out=)`, {threads} thread{'s' if threads > 1 else ''}",
                "forward",
                threads,
                n,
                lambda: torch._C._nn.leaky_relu(x, alpha, out=out),
                copy,
            )
        record(
            "torch `leaky_relu(x)`, allocating, 1 thread",
            "forward",
            1,
            n,
            lambda: torch.nn.functional.leaky_relu(x, alpha),
            copy,
        )
        for threads in (1, 2):
            record(
                f"torch `leaky_relu_backward(out=)`, {threads} thread{'s' if threads > 1 else ''}",
                "backward",
                threads,
                n,
                lambda: torch.ops.aten.leaky_relu_backward.grad_input(gradient, x, alpha, False, grad_input=out),
                copy,
            )
        print(f"torch: n = {n} done", file=sys.stderr)

    json.dump({"torch": torch.__version__, "numpy": np.__version__, "rows": list(rows.values())}, sys.stdout)


if __name__ == "__main__":
    main()
