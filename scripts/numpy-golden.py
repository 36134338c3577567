"""Writes test/core/fixtures/numpy-golden.json: what NumPy itself prints and
computes, for formatArray and linspace to be checked against.

Run with the project's NumPy (numpy==2.4.6, python/requirements-frameworks.txt):

    bash scripts/python-env.sh frameworks
    .venv/bin/python scripts/numpy-golden.py

Values are stored as raw IEEE bit patterns (hex), so -0, NaN and subnormals
survive the trip through JSON. A float case is [dtype, "bits bits ...", text],
text being NumPy's str(array). Each family of cases draws from its own seeded
generator, so adding cases to one family leaves the others as they are.
"""
import json
import pathlib

import numpy as np

SEED = 20261202
EXPECTED_NUMPY = '2.4.6'
FLOAT_TYPES = (np.float32, np.float64)


def generator(family):
    return np.random.default_rng([SEED, family])


def bits(array):
    if array.dtype == np.float32:
        return [format(int(v), '08x') for v in array.view(np.uint32)]
    return [format(int(v), '016x') for v in array.view(np.uint64)]


def random_bits(rng, size, dtype):
    # Every bit pattern equally likely: NaNs, infinities, subnormals and
    # magnitudes from 1e-45 to 1e38 (float32) or 5e-324 to 1.8e308 (float64).
    unsigned = np.uint32 if dtype == np.float32 else np.uint64
    return np.frombuffer(rng.bytes(size * np.dtype(unsigned).itemsize), dtype=unsigned).view(dtype).copy()


def short_digits(rng, size, dtype):
    # Few significant digits at one scale: positional output with padding.
    scale = 10.0 ** rng.integers(-4, 7)
    values = rng.integers(-999, 1000, size) / 10.0 ** rng.integers(0, 4) * scale
    return values.astype(dtype)


def mixed_magnitudes(rng, size, dtype):
    # Each element at its own power of ten within a spread: ratios around 1000,
    # minima around 1e-4, maxima around the float32 and float64 cutoffs.
    lowest = int(rng.integers(-9, 19))
    exponents = lowest + rng.integers(0, int(rng.integers(1, 6)), size)
    values = rng.uniform(1, 10, size) * 10.0 ** exponents * rng.choice([-1, 1], size)
    if rng.random() < 0.4:
        values = np.round(values / 10.0 ** exponents, int(rng.integers(0, 6))) * 10.0 ** exponents
    return values.astype(dtype)


def whole_numbers(rng, size, dtype):
    # Integer-valued floats from 1e5 to 1e17, where float32 stops holding every
    # integer and NumPy 2.3+ switches float32 to scientific notation at 1e6.
    low = int(rng.integers(5, 17))
    values = rng.integers(10 ** low, 10 ** (low + 1), size).astype(np.float64)
    if rng.random() < 0.5:
        values = np.round(values, -int(rng.integers(0, low)))
    return (values * rng.choice([-1, 1], size)).astype(dtype)


def near_thresholds(rng, size, dtype):
    # Values at and one step either side of the thresholds that choose the
    # notation: the 1e-4 minimum, the 1e6 (float32) and 1e8 (float64) maxima,
    # the 1000 ratio, and 1e16 where float64 stops holding every integer.
    threshold = dtype(rng.choice([1e-4, 1e6, 1e8, 1e16, 1000.0, 1.0]))
    steps = rng.integers(-3, 4, size)
    values = np.array([threshold] * size, dtype=dtype)
    for index, step in enumerate(steps):
        for _ in range(abs(int(step))):
            values[index] = np.nextafter(values[index], dtype(np.inf if step > 0 else -np.inf))
    if threshold == 1000.0 or rng.random() < 0.5:
        partner = dtype(rng.choice([1.0, 1e-4, 1e-3, 0.1, 1e3, 1e5, 1e13]))
        values[rng.integers(0, size)] = partner
    return values


def with_specials(rng, values):
    # NaN, infinities and signed zeros among ordinary values.
    values = values.copy()
    count = int(rng.integers(1, values.size + 1))
    positions = rng.choice(values.size, count, replace=False)
    values[positions] = rng.choice([np.nan, np.inf, -np.inf, 0.0, -0.0], count)
    return values


FAMILIES = {
    'random bits': (random_bits, 700),
    'short digits': (short_digits, 500),
    'mixed magnitudes': (mixed_magnitudes, 900),
    'whole numbers': (whole_numbers, 500),
    'near thresholds': (near_thresholds, 500),
}


def fixed_cases():
    # The issue's examples and the docs', kept by hand.
    fixed = [
        [-0.02, -0.01, 0.0, 1.0, 2.0], [0.5, -1.25, 3.0], [1e-5, 1.0, 2.0], [-0.0], [0.0, -0.0, 1.0],
        [np.nan], [np.inf, -np.inf, np.nan], [np.nan, 1.5], [-np.inf, 1e-9], [1e8, 1.0], [99999999.0, 1.0],
        [1 / 512, 3 / 1024, 0.5], [0.1 + 0.2, 1 / 3, 2 / 3], [0.999999999, 1.0], [1e-300, 1e300], [5e-324, 1.0],
        [123456.789, -0.001], [1e-100, 1.0], [-1e-100, 1.0], [0.00015, 0.00025, 0.123456785], [1000.0, 1.0],
        [1000.5, 1.0], [83990112.0], [113032736.0], [999999.0], [1e6], [16777217.0], [0.1, np.nan, -np.inf],
        [1e16], [9007199254740993.0], [1e-4, 0.05], [-np.inf], [np.inf, np.nan], [],
    ]
    for values in fixed:
        for dtype in FLOAT_TYPES:
            with np.errstate(over='ignore'):  # 1e300 is inf in float32, on purpose
                yield np.array(values, dtype=dtype)


def random_cases():
    for family, (make, count) in FAMILIES.items():
        for dtype in FLOAT_TYPES:
            rng = generator([list(FAMILIES).index(family), FLOAT_TYPES.index(dtype)])
            for case in range(count):
                values = make(rng, int(rng.integers(1, 21)), dtype)
                yield with_specials(rng, values) if case % 5 == 4 else values


def wrapped_cases():
    # Line wrapping at 75 characters: 20 to 200 elements.
    for dtype in FLOAT_TYPES:
        rng = generator([len(FAMILIES), FLOAT_TYPES.index(dtype)])
        makers = [make for make, _ in FAMILIES.values()]
        for case in range(60):
            yield makers[case % len(makers)](rng, int(rng.integers(20, 201)), dtype)


def summary_cases():
    # Past 1000 elements NumPy shows three at each end, and formats them alone:
    # the hidden middle (NaN, huge, tiny) must change nothing. The middle is one
    # repeated value, so that a case stays a line long: [dtype, size, "the six
    # shown", "the middle's value", text].
    for dtype in FLOAT_TYPES:
        rng = generator([len(FAMILIES) + 2, FLOAT_TYPES.index(dtype)])
        for make, _ in FAMILIES.values():
            for size in [1001, 1002, 2000, 123457]:
                shown = make(rng, 6, dtype)
                hidden = dtype(rng.choice([np.nan, -np.inf, 1e30, 1e-30, 0.0, 1e7]))
                values = np.concatenate([shown[:3], np.full(size - 6, hidden, dtype=dtype), shown[3:]])
                yield [str(values.dtype), size, ' '.join(bits(shown)), bits(np.array([hidden]))[0], str(values)]


def integer_cases():
    for values in [[-2, -1, 0, 1, 2], [0, 1], [5], [-100, 3, 7], list(range(-1500, 1500, 7)), list(range(40)),
                   [2**53 - 1, -(2**53 - 1)], list(range(1001)), [-(10**15)] + list(range(2000)), []]:
        yield values, str(np.array(values, dtype=np.int64))


def linspace_cases():
    rng = generator([len(FAMILIES) + 1])
    spans = [(-10, 10, 100), (0, 1, 5), (0, 1, 50), (3, 7, 1), (3, 7, 0), (1, 0, 7), (-1, 1, 2),
             (0.1, 0.7, 13), (-1e-310, 1e-310, 9), (0, 5e-324, 4), (1e300, -1e300, 11), (-0.0, 0.0, 3),
             (2.5, 2.5, 4), (-3.3, 17.9, 1000)]
    for _ in range(40):
        a, b = rng.standard_normal(2) * 10.0 ** rng.integers(-3, 4, 2)
        spans.append((float(a), float(b), int(rng.integers(0, 200))))
    for start, stop, num in spans:
        values = np.linspace(start, stop, num)
        yield {'start': bits(np.array([start], dtype=np.float64))[0], 'stop': bits(np.array([stop], dtype=np.float64))[0],
               'num': num, 'bits': bits(values)}


def compact(value):
    return json.dumps(value, separators=(',', ':'))


def main():
    if np.__version__ != EXPECTED_NUMPY:
        raise SystemExit(f'numpy {EXPECTED_NUMPY} expected (the venv of scripts/python-env.sh), got {np.__version__}')
    floats = [[str(array.dtype), ' '.join(bits(array)), str(array)]
              for cases in (fixed_cases(), random_cases(), wrapped_cases()) for array in cases]
    summaries = list(summary_cases())
    integers = [{'values': values, 'text': text} for values, text in integer_cases()]
    linspaces = list(linspace_cases())
    # One case per line: compact, and a regenerated file diffs line by line.
    sections = [f'"numpy":{compact(np.__version__)}']
    for name, cases in (('format', floats), ('summaries', summaries), ('integers', integers), ('linspace', linspaces)):
        sections.append(f'{compact(name)}:[\n' + ',\n'.join(compact(case) for case in cases) + '\n]')
    path = pathlib.Path(__file__).resolve().parent.parent / 'test' / 'core' / 'fixtures' / 'numpy-golden.json'
    path.write_text('{' + ',\n'.join(sections) + '}\n')
    print(f'NumPy {np.__version__}: wrote {len(floats)} float, {len(summaries)} summarised, {len(integers)} integer and '
          f'{len(linspaces)} linspace cases, {path.stat().st_size} bytes')


main()
