"""Writes test/core/fixtures/pytorch-golden.json: PyTorch's leaky_relu, its
gradient and its backward, on the inputs of convention-golden.json, so that
the 'pytorch' convention is checked against the real thing.

    apt-get install -y python3-torch      # Debian's PyTorch (1.13 on bookworm)
    /usr/bin/python3 scripts/pytorch-golden.py

Every vector is one hex string of big-endian IEEE bit patterns, as in
convention-golden.json, so -0 and NaN survive JSON.
"""
import json
import pathlib

import numpy as np
import torch

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / 'test' / 'core' / 'fixtures'
ALPHAS = [0.01, 0.2, 0.3, 0.1, 0.0, -0.5, 2.0, 1e-30]


def decode(text, dtype):
    width = np.dtype(dtype).itemsize
    return np.frombuffer(bytes.fromhex(text), dtype=f'>u{width}').astype(f'u{width}').view(dtype).copy()


def encode(array):
    width = array.dtype.itemsize
    return array.view(f'u{width}').astype(f'>u{width}').tobytes().hex()


def main():
    inputs = json.loads((FIXTURES / 'convention-golden.json').read_text())['inputs']
    x32 = decode(inputs['float32']['x'], np.float32)
    g32 = decode(inputs['float32']['g'], np.float32)
    x64 = decode(inputs['float64']['x'], np.float64)
    out = {'torch': torch.__version__, 'forward32': {}, 'grad32_ones': {}, 'grad32_g': {}, 'forward64': {}, 'grad64_ones': {}}
    for alpha in ALPHAS:
        key = repr(alpha)
        x = torch.tensor(x32, requires_grad=True)
        y = torch.nn.functional.leaky_relu(x, alpha)
        ones, = torch.autograd.grad(y, x, torch.ones_like(x), retain_graph=True)
        grad, = torch.autograd.grad(y, x, torch.tensor(g32))
        out['forward32'][key] = encode(y.detach().numpy())
        out['grad32_ones'][key] = encode(ones.numpy())
        out['grad32_g'][key] = encode(grad.numpy())
        x = torch.tensor(x64, requires_grad=True)
        y = torch.nn.functional.leaky_relu(x, alpha)
        ones, = torch.autograd.grad(y, x, torch.ones_like(x))
        out['forward64'][key] = encode(y.detach().numpy())
        out['grad64_ones'][key] = encode(ones.numpy())
    (FIXTURES / 'pytorch-golden.json').write_text(json.dumps(out) + '\n')
    print(f'wrote {len(ALPHAS)} slopes of PyTorch {torch.__version__} vectors')


main()
