"""Writes test/core/fixtures/framework-golden.json: Leaky ReLU, its derivative
and its backward as the real frameworks compute them on this CPU, so that every
`options.convention` is checked bit for bit against the real thing.

    npm run golden    # makes .venv with python/requirements-frameworks.txt, then runs this script

Each framework runs in its own process (Keras picks its backend at import):

    torch                torch.nn.functional.leaky_relu, torch.autograd.grad
    tensorflow-eager     tf.nn.leaky_relu, tf.GradientTape, op by op
    tensorflow-function  the same inside one tf.function (a graph: Grappler and oneDNN rewrites apply)
    keras-tensorflow     keras.layers.LeakyReLU on the TensorFlow backend, tf.GradientTape
    keras-jax            keras.layers.LeakyReLU on the JAX backend, jax.vjp
    jax-eager            jax.nn.leaky_relu called directly, jax.vjp called directly
    jax-grad             jax.grad of sum(leaky_relu(x) * g), as a loss is differentiated
    jax-jit              jax.jit of the vjp, the slope a compile-time constant (a training step)
    onnxruntime-opsetN   one LeakyRelu node, opsets 6, 13 and 16, float and double

Ops: `forward` is f(x); `derivative` is the backward with a cotangent of ones;
`backward` is the backward with the cotangent `g`. jax-grad's derivative is
jax.vmap(jax.grad(f)).

Format: every vector is base64 of the zlib-compressed little-endian bytes of the
array (float32 or float64), so every bit (signed zeros, NaN payloads,
subnormals) survives JSON. Identical vectors are stored once, in `pool`, and
referenced by index. A framework that refuses an input records `{"error": ...}`.
"""
import base64
import hashlib
import json
import os
import pathlib
import platform
import subprocess
import sys
import zlib

import numpy as np

FIXTURE = pathlib.Path(__file__).resolve().parent.parent / 'test' / 'core' / 'fixtures' / 'framework-golden.json'
SEED = 20261202
# 1e-30 makes products of small normals subnormal; 1e-40 is itself a float32 subnormal.
ALPHAS = [0.01, 0.2, 0.3, 0.1, 0.0, -0.5, 2.0, 3.0, 1e-30, 1e-40]
FRAMEWORKS = [
    'torch', 'tensorflow-eager', 'tensorflow-function', 'keras-tensorflow', 'keras-jax',
    'jax-eager', 'jax-grad', 'jax-jit', 'onnxruntime',
]


def adversarial(dtype, rng):
    """Inputs meant to break a rule: every special, every threshold, both sides of it."""
    info = np.finfo(dtype)
    uint = np.uint32 if dtype == np.float32 else np.uint64
    bits_of = lambda value: int(np.array(value, dtype=dtype).view(uint))
    sign = 1 << (8 * np.dtype(dtype).itemsize - 1)
    tiny = float(info.smallest_normal)
    least = float(info.smallest_subnormal)
    exponent_bits = 8 if dtype == np.float32 else 11
    mantissa_bits = 23 if dtype == np.float32 else 52
    quiet = ((1 << exponent_bits) - 1) << mantissa_bits | 1 << (mantissa_bits - 1)
    patterns = [0, quiet, quiet | 1, ((1 << exponent_bits) - 1) << mantissa_bits | 1 << (mantissa_bits - 2)]
    magnitudes = [
        float('inf'), float(info.max), float(np.nextafter(info.max, 0, dtype=dtype)), 1.0, 0.5, 3.0, 0.1, 100.0,
        tiny, float(np.nextafter(tiny, 1, dtype=dtype)), 2 * tiny, float(np.nextafter(tiny, 0, dtype=dtype)),
        tiny / 2, tiny / 4, least, 2 * least, 3 * least, 1000 * least,
    ]
    # TensorFlow, Keras and ONNX multiply by the float32 slope, PyTorch and JAX by the double.
    for slope in sorted({abs(s) for alpha in ALPHAS for s in (alpha, float(np.float32(alpha)))} - {0.0}):
        # |slope * x| on both sides of the smallest normal, of half the least subnormal (where the
        # product rounds to zero) and of the largest finite value (where it overflows).
        for target in (tiny, least / 2, least, float(info.max)):
            with np.errstate(over='ignore'):
                center = np.array(target / slope, dtype=dtype)
            if np.isfinite(center) and center != 0:
                magnitudes += [float(center), float(np.nextafter(center, 0)), float(np.nextafter(center, np.inf))]
    patterns += [bits_of(m) for m in magnitudes]
    patterns += [p | sign for p in patterns]
    width = 8 * np.dtype(dtype).itemsize
    random = rng.integers(0, 1 << 62, size=160, dtype=np.uint64) * 4 + rng.integers(0, 4, size=160, dtype=np.uint64)
    random = random >> np.uint64(64 - width)
    # Half the random patterns get a small exponent, so that products and inputs are near the subnormals.
    exponent_mask = np.uint64(((1 << exponent_bits) - 1) << mantissa_bits)
    small = random[::2] & ~exponent_mask
    small |= rng.integers(0, 40, size=small.size, dtype=np.uint64) << np.uint64(mantissa_bits)
    random[::2] = small
    patterns += [int(p) for p in random]
    array = np.array(patterns, dtype=np.uint64).astype(uint).view(dtype)
    return array


def inputs():
    rng = np.random.default_rng(SEED)
    x32 = adversarial(np.float32, rng)
    x64 = adversarial(np.float64, rng)
    # The cotangent: the same adversarial values, shuffled, so that subnormal and
    # underflowing gradients meet every branch.
    g32 = rng.permutation(x32)
    g64 = rng.permutation(x64)
    return {'float32': (x32, g32), 'float64': (x64, g64)}


def run_torch():
    import torch
    results = {}
    for dtype, (x, g) in inputs().items():
        for alpha in ALPHAS:
            t = torch.tensor(x, requires_grad=True)
            y = torch.nn.functional.leaky_relu(t, alpha)
            ones, = torch.autograd.grad(y, t, torch.ones_like(t), retain_graph=True)
            grad, = torch.autograd.grad(y, t, torch.tensor(g))
            results[(dtype, alpha)] = (y.detach().numpy(), ones.numpy(), grad.numpy())
    return {'torch': torch.__version__}, {'torch': results}


def run_tensorflow():
    import tensorflow as tf

    def eager(t, cotangent, alpha):
        with tf.GradientTape(persistent=True) as tape:
            tape.watch(t)
            y = tf.nn.leaky_relu(t, alpha)
        return y, tape.gradient(y, t, tf.ones_like(t)), tape.gradient(y, t, cotangent)

    results = {'tensorflow-eager': {}, 'tensorflow-function': {}}
    for dtype, (x, g) in inputs().items():
        for alpha in ALPHAS:
            graph = tf.function(lambda t, cotangent, alpha=alpha: eager(t, cotangent, alpha))
            for mode, run in (('tensorflow-eager', eager), ('tensorflow-function', graph)):
                results[mode][(dtype, alpha)] = tuple(v.numpy() for v in run(tf.constant(x), tf.constant(g), alpha))
    return {'tensorflow': tf.__version__}, results


def run_keras(backend):
    os.environ['KERAS_BACKEND'] = backend
    if backend == 'jax':
        import jax
        jax.config.update('jax_enable_x64', True)
    import keras
    results = {}
    for dtype, (x, g) in inputs().items():
        for alpha in ALPHAS:
            try:
                layer = keras.layers.LeakyReLU(negative_slope=alpha, dtype=dtype)
            except ValueError as error:
                results[(dtype, alpha)] = {'error': str(error).split('\n')[0][:200]}
                continue
            if backend == 'tensorflow':
                import tensorflow as tf
                t = tf.constant(x)
                with tf.GradientTape(persistent=True) as tape:
                    tape.watch(t)
                    y = layer(t)
                outputs = (y, tape.gradient(y, t, tf.ones_like(t)), tape.gradient(y, t, tf.constant(g)))
            else:
                import jax
                y, vjp = jax.vjp(layer, jax.numpy.asarray(x))
                outputs = (y, vjp(jax.numpy.ones_like(y))[0], vjp(jax.numpy.asarray(g))[0])
            results[(dtype, alpha)] = tuple(np.asarray(v) for v in outputs)
    versions = {'keras': keras.__version__}
    if backend == 'tensorflow':
        import tensorflow as tf
        versions['tensorflow'] = tf.__version__
    else:
        import jax
        versions['jax'] = jax.__version__
    return versions, {f'keras-{backend}': results}


def run_jax():
    import jax
    jax.config.update('jax_enable_x64', True)
    import jax.numpy as jnp
    results = {'jax-eager': {}, 'jax-grad': {}, 'jax-jit': {}}
    for dtype, (x, g) in inputs().items():
        xs, gs = jnp.asarray(x), jnp.asarray(g)
        assert xs.dtype == x.dtype
        for alpha in ALPHAS:
            f = lambda t, alpha=alpha: jax.nn.leaky_relu(t, alpha)
            y, vjp = jax.vjp(f, xs)
            results['jax-eager'][(dtype, alpha)] = (y, vjp(jnp.ones_like(xs))[0], vjp(gs)[0])
            derivative = jax.vmap(jax.grad(f))(xs)
            backward = jax.grad(lambda t, alpha=alpha: jnp.sum(f(t) * gs))(xs)
            results['jax-grad'][(dtype, alpha)] = (y, derivative, backward)
            forward = jax.jit(f)
            pullback = jax.jit(lambda t, cotangent, f=f: jax.vjp(f, t)[1](cotangent)[0])
            results['jax-jit'][(dtype, alpha)] = (forward(xs), pullback(xs, jnp.ones_like(xs)), pullback(xs, gs))
    for mode in results.values():
        for key, outputs in mode.items():
            mode[key] = tuple(np.asarray(v) for v in outputs)
    return {'jax': jax.__version__, 'jaxlib': jax.lib.__version__}, results


def run_onnxruntime():
    import onnx
    import onnxruntime
    from onnx import TensorProto, helper
    results = {}
    for opset in (6, 13, 16):
        mode = results.setdefault(f'onnxruntime-opset{opset}', {})
        for dtype, (x, _) in inputs().items():
            element = TensorProto.FLOAT if dtype == 'float32' else TensorProto.DOUBLE
            for alpha in ALPHAS:
                node = helper.make_node('LeakyRelu', ['X'], ['Y'], alpha=alpha)
                graph = helper.make_graph(
                    [node], 'leaky-relu',
                    [helper.make_tensor_value_info('X', element, [len(x)])],
                    [helper.make_tensor_value_info('Y', element, [len(x)])],
                )
                model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', opset)], ir_version=8)
                options = onnxruntime.SessionOptions()
                options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
                options.intra_op_num_threads = 1
                options.log_severity_level = 3
                try:
                    session = onnxruntime.InferenceSession(model.SerializeToString(), options, providers=['CPUExecutionProvider'])
                    mode[(dtype, alpha)] = (session.run(None, {'X': x})[0],)
                except Exception as error:  # onnxruntime raises its own classes; the message is what is kept
                    mode[(dtype, alpha)] = {'error': str(error).split('\n')[0][:200]}
    return {'onnxruntime': onnxruntime.__version__, 'onnx': onnx.__version__}, results


RUNNERS = {
    'torch': run_torch,
    'tensorflow': run_tensorflow,
    'keras-tensorflow': lambda: run_keras('tensorflow'),
    'keras-jax': lambda: run_keras('jax'),
    'jax': run_jax,
    'onnxruntime': run_onnxruntime,
}


def encode(array):
    data = np.ascontiguousarray(array).astype(array.dtype.newbyteorder('<')).tobytes()
    return base64.b64encode(zlib.compress(data, 9)).decode('ascii')


def child(name):
    """Runs one framework and prints its vectors as JSON on stdout."""
    versions, modes = RUNNERS[name]()
    out = {'versions': versions, 'modes': {}}
    for mode, results in modes.items():
        table = out['modes'][mode] = {}
        for (dtype, alpha), outputs in results.items():
            ops = table.setdefault(dtype, {})
            key = repr(alpha)
            if isinstance(outputs, dict):
                ops.setdefault('error', {})[key] = outputs['error']
                continue
            for op, vector in zip(('forward', 'derivative', 'backward'), outputs):
                assert vector.dtype == np.dtype(dtype), (mode, dtype, vector.dtype)
                ops.setdefault(op, {})[key] = encode(vector)
    json.dump(out, sys.stdout)


def main():
    data = inputs()
    pool, index = [], {}

    def pooled(text):
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest not in index:
            index[digest] = len(pool)
            pool.append(text)
        return index[digest]

    versions, modes = {'numpy': np.__version__, 'python': platform.python_version()}, {}
    for name in RUNNERS:
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL='3', PYTHONHASHSEED='0')
        result = subprocess.run([sys.executable, __file__, name], env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f'{name} failed:\n{result.stderr[-3000:]}')
        child_out = json.loads(result.stdout)
        versions.update(child_out['versions'])
        for mode, table in child_out['modes'].items():
            modes[mode] = {
                dtype: {op: {k: (pooled(v) if op != 'error' else v) for k, v in vectors.items()} for op, vectors in ops.items()}
                for dtype, ops in table.items()
            }
        print(f'ran {name}', file=sys.stderr)
    golden = {
        'description': 'Leaky ReLU as the real frameworks compute it on CPU; written by scripts/framework-golden.py',
        'format': 'each vector: base64 of zlib-compressed little-endian IEEE bytes; modes[mode][dtype][op][alpha] is an index into pool',
        'machine': f'{platform.system()}-{platform.machine()}',
        'seed': SEED,
        'versions': versions,
        'alphas': [repr(a) for a in ALPHAS],
        'inputs': {dtype: {'x': encode(x), 'g': encode(g)} for dtype, (x, g) in data.items()},
        'modes': modes,
        'pool': pool,
    }
    FIXTURE.write_text(json.dumps(golden, indent=0) + '\n')
    print(f'wrote {FIXTURE.name}: {len(modes)} modes, {len(pool)} distinct vectors, {FIXTURE.stat().st_size} bytes', file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) > 1:
        child(sys.argv[1])
    else:
        main()
