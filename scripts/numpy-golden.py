"""Writes test/core/fixtures/numpy-golden.json: what NumPy itself prints and
computes, for formatArray and linspace to be checked against.

Run with a Python that has NumPy: python3 scripts/numpy-golden.py
Values are stored as raw IEEE bit patterns (hex), so -0, NaN and subnormals
survive the trip through JSON.
"""
import json
import pathlib

import numpy as np

rng = np.random.default_rng(20261128)
F32_SMALLEST = float(np.float32(1e-4))


def bits(array):
    if array.dtype == np.float32:
        return [format(int(v), '08x') for v in array.view(np.uint32)]
    return [format(int(v), '016x') for v in array.view(np.uint64)]


def differs_across_numpy_versions(array):
    # NumPy 1 compares a float32 minimum with 1e-4 in float64, NumPy 2 in float32.
    finite = np.abs(array[np.isfinite(array) & (array != 0)])
    return array.dtype == np.float32 and finite.size and F32_SMALLEST <= finite.min() < 1e-4


def float_cases():
    fixed = [
        [-0.02, -0.01, 0.0, 1.0, 2.0],
        [0.5, -1.25, 3.0],
        [1e-5, 1.0, 2.0],
        [-0.0],
        [0.0, -0.0, 1.0],
        [np.nan],
        [np.inf, -np.inf, np.nan],
        [np.nan, 1.5],
        [-np.inf, 1e-9],
        [1e8, 1.0],
        [99999999.0, 1.0],
        [1 / 512, 3 / 1024, 0.5],
        [0.1 + 0.2, 1 / 3, 2 / 3],
        [0.999999999, 1.0],
        [1e-300, 1e300],
        [5e-324, 1.0],
        [123456.789, -0.001],
        [1e-100, 1.0],
        [-1e-100, 1.0],
        [0.00015, 0.00025, 0.123456785],
        [1000.0, 1.0],
        [1000.5, 1.0],
        [],
    ]
    for values in fixed:
        yield np.array(values, dtype=np.float64)
        yield np.array(values, dtype=np.float32)
    for size in list(range(1, 40)) + [74, 75, 76, 150, 999, 1000, 1001, 2000]:
        scale = 10.0 ** rng.integers(-6, 10)
        values = rng.standard_normal(size) * scale
        if rng.random() < 0.3:
            values = np.round(values, int(rng.integers(0, 4)))
        if rng.random() < 0.2:
            values[rng.integers(0, size)] = rng.choice([np.nan, np.inf, -np.inf, -0.0])
        yield values
        yield values.astype(np.float32)
    for size in range(1, 30):
        pattern = rng.integers(0, 2**32, size, dtype=np.uint64).astype(np.uint32)
        yield pattern.view(np.float32)
        pattern64 = rng.integers(0, 2**63, size, dtype=np.uint64) * rng.choice([1, 2], size).astype(np.uint64)
        yield pattern64.view(np.float64)


def main():
    out = {'numpy': np.__version__, 'format': [], 'integers': [], 'linspace': []}
    for array in float_cases():
        if differs_across_numpy_versions(array):
            continue
        out['format'].append({'dtype': str(array.dtype), 'bits': bits(array), 'text': str(array)})
    for values in [[-2, -1, 0, 1, 2], [0, 1], [5], [-100, 3, 7], list(range(-1500, 1500, 7)), list(range(40)),
                   [2**53 - 1, -(2**53 - 1)], []]:
        array = np.array(values, dtype=np.int64)
        out['integers'].append({'values': values, 'text': str(array)})
    spans = [(-10, 10, 100), (0, 1, 5), (0, 1, 50), (3, 7, 1), (3, 7, 0), (1, 0, 7), (-1, 1, 2),
             (0.1, 0.7, 13), (-1e-310, 1e-310, 9), (0, 5e-324, 4), (1e300, -1e300, 11), (-0.0, 0.0, 3),
             (2.5, 2.5, 4), (-3.3, 17.9, 1000)]
    for _ in range(40):
        a, b = rng.standard_normal(2) * 10.0 ** rng.integers(-3, 4, 2)
        spans.append((float(a), float(b), int(rng.integers(0, 200))))
    for start, stop, num in spans:
        values = np.linspace(start, stop, num)
        out['linspace'].append({'start': bits(np.array([start], dtype=np.float64))[0], 'stop': bits(np.array([stop], dtype=np.float64))[0],
                                'num': num, 'bits': bits(values)})
    path = pathlib.Path(__file__).resolve().parent.parent / 'test' / 'core' / 'fixtures' / 'numpy-golden.json'
    path.write_text(json.dumps(out, indent=1) + '\n')
    print(f"wrote {len(out['format'])} float, {len(out['integers'])} integer and {len(out['linspace'])} linspace cases")


main()
