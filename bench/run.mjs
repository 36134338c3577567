// The benchmark behind docs/benchmarks.md: `npm run bench`.
//
// Float32Array inputs with random signs (the naive loop's worst case, and the
// common one), elements per second as the median of timed samples after a
// warm-up, each row next to a plain copy measured in the same process: a
// streaming op reads and writes each element once, so a copy is its limit.
// PyTorch, the fastest peer, runs in its own process (bench/torch_peer.py,
// with the project's .venv from `bash scripts/python-env.sh frameworks`, or
// $LEAKY_RELU_PYTHON), each of its rows next to NumPy's copy timed there; when
// torch is missing the benchmark says so and goes on without it.
// It prints a Markdown table, then checks the issue's goals and a 1e8-element
// run, and writes everything as JSON (default bench/results.json, which the site charts, or --json PATH).
//
// The goals against torch time ours and torch head to head, in alternating
// samples with torch's process kept open (see `headToHead`).
//
// Options: --sizes 1e3,1e6 (default 1e3,1e4,1e5,1e6,1.6e7), --json PATH, --docs (write
// the table, its description and the goals into docs/benchmarks.md).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  allocFloat32,
  createPool,
  leakyRelu,
  leakyReluBackward,
  leakyReluDerivative,
} from '../dist/index.js';
import { forceParallelMinLength, PARALLEL_MIN_LENGTH } from '../dist/kernels/pool.js';
import { forceKernel, simdSupported } from '../dist/kernels/select.js';
import { kernelInstance } from '../dist/kernels/wasm.js';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1e3,1e4,1e5,1e6,1.6e7' },
    json: { type: 'string', default: 'bench/results.json' },
    docs: { type: 'boolean', default: false },
  },
});
const SIZES = options.sizes.split(',').map(Number);
const ALPHA = 0.01;
/** A sample lasts at least this long, so timer resolution and call jitter stay small. */
const SAMPLE_MS = 30;
const SAMPLES = 11;
const WARMUP_MS = 100;

/** Seeded xorshift32 uniform in [-1, 1): half the signs negative, in no pattern. */
function randomSigns(length, seed) {
  const values = new Float32Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    values[i] = (state >>> 0) / 2 ** 31 - 1;
  }
  return values;
}

/** Calls `run` long enough to warm it up; returns how many calls make a sample. */
function warmUp(run) {
  let calls = 0;
  const start = performance.now();
  while (calls < 3 || performance.now() - start < WARMUP_MS) {
    run();
    calls++;
  }
  return Math.max(1, Math.ceil(SAMPLE_MS / Math.max((performance.now() - start) / calls, 1e-6)));
}

/** Seconds per call of `run`, over `batch` calls. */
function sample(run, batch) {
  const start = performance.now();
  for (let i = 0; i < batch; i++) run();
  return (performance.now() - start) / 1e3 / batch;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * Elements per second of `run`, and its ratio to `copy`: samples of the two
 * alternate, so that a change in the machine's load hits both alike, and the
 * ratio is the median of the per-pair ratios. Which of the pair runs first
 * alternates too, since the first one leaves the caches to the second.
 */
function measure(run, copy, length) {
  const batch = warmUp(run);
  const copyBatch = warmUp(copy);
  const rates = [];
  const ratios = [];
  for (let i = 0; i < SAMPLES; i++) {
    let copySeconds;
    let seconds;
    if (i % 2 === 0) {
      copySeconds = sample(copy, copyBatch);
      seconds = sample(run, batch);
    } else {
      seconds = sample(run, batch);
      copySeconds = sample(copy, copyBatch);
    }
    rates.push(length / seconds);
    ratios.push(copySeconds / seconds);
  }
  return { rate: median(rates), ratio: median(ratios) };
}

// --- peers: tfjs on its cpu and wasm backends -------------------------------
const require = createRequire(import.meta.url);
const tf = await import('@tensorflow/tfjs');
const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);

/** Switches tfjs to `backend`, muting its one-time advice to install tfjs-node. */
async function useTfBackend(backend) {
  await tf.setBackend(backend);
  await tf.ready();
  const warn = console.warn;
  console.warn = () => {};
  tf.tidy(() => tf.leakyRelu(tf.tensor1d([1]), ALPHA).dataSync());
  console.warn = warn;
}
const tfGradient = tf.grad((x) => tf.leakyRelu(x, ALPHA));

// --- rows --------------------------------------------------------------------
// Each row makes, for n elements, a call to time and a cleanup.
const rows = [
  { name: 'copy: `Float32Array.prototype.set` (the limit)', group: 'limit', setup: (data) => () => data.out.set(data.x) },
  {
    name: 'allocating copy: `x.slice()` (the limit of allocating rows)',
    group: 'limit',
    setup: (data) => () => data.x.slice(),
  },
  ...['forward', 'derivative', 'backward'].flatMap((op) => [
    { name: `ours ${op}, JS-heap arrays, into \`out\``, group: 'ours', op, setup: (data) => oursCall(op, data.x, data.gradient, data.out) },
    {
      name: `ours ${op}, JS-heap arrays, allocating`,
      group: 'ours',
      op,
      setup: (data) => oursCall(op, data.x, data.gradient, undefined),
    },
    { name: `ours ${op}, zero-copy (kernel memory)`, group: 'ours', op, setup: (data) => zeroCopyCall(op, data) },
    {
      name: `ours ${op}, zero-copy on a 2-thread pool`,
      group: 'ours',
      op,
      threads: 2,
      setup: (data) => zeroCopyCall(op, data, pool),
    },
  ]),
  ...['forward', 'backward'].map((op) => ({
    name: `ours ${op}, the fallback without SIMD (forced), into \`out\``,
    group: 'fallback',
    op,
    setup: (data) => {
      forceKernel('branch-free');
      const call = oursCall(op, data.x, data.gradient, data.out);
      call.cleanup = () => forceKernel(undefined);
      return call;
    },
  })),
  {
    name: 'naive `Array.prototype.map`',
    group: 'peer',
    op: 'forward',
    setup: (data) => () => Array.prototype.map.call(data.x, (v) => (v >= 0 ? v : ALPHA * v)),
  },
  {
    name: 'for-loop ternary, into `out`',
    group: 'peer',
    op: 'forward',
    setup: (data) => () => {
      const { x, out } = data;
      for (let i = 0; i < x.length; i++) out[i] = x[i] >= 0 ? x[i] : ALPHA * x[i];
    },
  },
  ...['cpu', 'wasm'].flatMap((backend) => [
    {
      name: `tfjs \`tf.leakyRelu\`, ${backend} backend`,
      group: 'peer',
      op: 'forward',
      backend,
      setup: (data) => tfCall(data, (x) => tf.leakyRelu(x, ALPHA)),
    },
    {
      name: `tfjs gradient of \`tf.leakyRelu\`, ${backend} backend`,
      group: 'peer',
      op: 'backward',
      backend,
      setup: (data) => tfCall(data, (x, dy) => tfGradient(x, dy)),
    },
  ]),
];

function oursCall(op, x, gradient, out) {
  const options = out ? { out } : undefined;
  if (op === 'forward') return () => leakyRelu(x, ALPHA, options);
  if (op === 'derivative') return () => leakyReluDerivative(x, ALPHA, options);
  return () => leakyReluBackward(gradient, x, ALPHA, options);
}

/** The parallel rows' pool: 2 threads, the caller's and one worker, as torch's 2-thread rows. */
const pool = await createPool({ threads: 2 });
if (pool.fallback) process.stderr.write(`pool: ${pool.fallback}; its rows run on one thread\n`);

function zeroCopyCall(op, data, where = { allocFloat32 }) {
  const buffers = [where.allocFloat32(data.x.length), where.allocFloat32(data.x.length), where.allocFloat32(data.x.length)];
  const [x, gradient, out] = buffers;
  x.array.set(data.x);
  gradient.array.set(data.gradient);
  const call = oursCall(op, x.array, gradient.array, out.array);
  call.cleanup = () => buffers.forEach((buffer) => buffer.free());
  return call;
}

/**
 * A tfjs op on a tensor made beforehand, its result read back into a
 * Float32Array (as ours returns one) and disposed.
 */
function tfCall(data, op) {
  const x = tf.tensor1d(data.x);
  const dy = tf.tensor1d(data.gradient);
  const call = () => {
    const result = op(x, dy);
    result.dataSync();
    result.dispose();
  };
  call.cleanup = () => tf.dispose([x, dy]);
  return call;
}

// --- run ---------------------------------------------------------------------
const results = rows.map((row) => ({ name: row.name, group: row.group, op: row.op, threads: row.threads ?? 1, rates: {}, ratios: {} }));
for (const n of SIZES) {
  const data = { x: randomSigns(n, 1), gradient: randomSigns(n, 2), out: new Float32Array(n) };
  const copyOut = new Float32Array(n);
  const copy = () => copyOut.set(data.x);
  for (const backend of [undefined, 'cpu', 'wasm']) {
    if (backend) await useTfBackend(backend);
    rows.forEach((row, index) => {
      if (row.backend !== backend) return;
      const call = row.setup(data);
      const { rate, ratio } = measure(call, copy, n);
      results[index].rates[n] = rate;
      results[index].ratios[n] = ratio;
      call.cleanup?.();
    });
  }
  process.stderr.write(`n = ${n} done\n`);
}

// --- the pool's crossover: where splitting across two threads starts to pay --
// Each size runs on pool buffers both ways, the split forced on and off, in
// alternating samples (the one-thread call stands where `measure` puts a copy),
// so the ratio is two threads' speed over one thread's in the same memory.
const CROSSOVER_SIZES = [8192, 16384, 24576, 32768, 49152, 65536, 98304, 131072];
const crossover = [];
if (!pool.fallback) {
  for (const n of CROSSOVER_SIZES) {
    const data = { x: randomSigns(n, 3), gradient: randomSigns(n, 4) };
    const call = zeroCopyCall('forward', data, pool);
    const split = () => {
      forceParallelMinLength(0);
      call();
    };
    const single = () => {
      forceParallelMinLength(Infinity);
      call();
    };
    crossover.push({ n, speedup: measure(split, single, n).ratio });
    forceParallelMinLength(undefined);
    call.cleanup();
  }
}

// --- torch, in its own process ----------------------------------------------
/** The Python with torch: $LEAKY_RELU_PYTHON, else the project's .venv. */
function torchPython() {
  const python = process.env.LEAKY_RELU_PYTHON ?? '.venv/bin/python';
  if (!existsSync(python)) return { missing: `no Python at ${python}` };
  const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
  return probe.status === 0 ? { python } : { missing: `torch does not import in ${python}` };
}
let torch = { missing: undefined, version: undefined };
{
  const { python, missing } = torchPython();
  if (missing) {
    torch.missing = missing;
    process.stderr.write(`torch: ${missing}; going on without it (bash scripts/python-env.sh frameworks installs it)\n`);
  } else {
    const run = spawnSync(python, ['bench/torch_peer.py', SIZES.join(','), String(ALPHA)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    if (run.status !== 0) {
      torch.missing = `bench/torch_peer.py exited with ${run.status}`;
      process.stderr.write(`torch: ${torch.missing}; going on without it\n`);
    } else {
      const measured = JSON.parse(run.stdout);
      torch = { version: measured.torch, numpy: measured.numpy, python };
      for (const row of measured.rows) {
        results.push({ ...row, runtime: 'python', group: row.op === 'copy' ? 'limit' : 'peer', op: row.op === 'copy' ? undefined : row.op });
      }
    }
  }
}

// --- ours against torch, head to head -----------------------------------------
// The table's torch rows ran in a process of their own, after ours: a change
// in the machine's load between the two moves their ratio. So the goals against
// torch time the two in alternating samples instead, as `measure` does with a
// copy: torch's process stays open (torch_peer.py --serve) and times one sample
// per request, waiting on its input, not on a core, while ours runs.

/** torch's forward into `out=` in a Python process that times one sample per request. */
function openTorchServer(python) {
  const child = spawn(python, ['bench/torch_peer.py', '--serve', String(ALPHA)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async request(message) {
      child.stdin.write(`${JSON.stringify(message)}\n`);
      const { value, done } = await answers.next();
      if (done) throw new Error(`bench/torch_peer.py --serve stopped answering (exit status ${child.exitCode})`);
      return JSON.parse(value);
    },
    close: () => child.stdin.end(),
  };
}

/**
 * A pause before each head-to-head sample. Threads keep spinning for a while
 * after their work (torch's OpenMP threads; our pool's worker for 0.2 ms), and
 * on two cores a spinning thread of the other side's takes a core from a
 * 2-thread sample: without the pause ours ran at 0.8 of torch's speed at 1e6,
 * with it at parity, the speed each reaches alone.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The median over alternating samples of ours' speed over torch's, on n elements and `threads` threads. */
async function headToHead(server, run, n, threads) {
  const batch = warmUp(run);
  await server.request({ n, threads });
  const oursSample = async () => {
    await settle();
    return sample(run, batch);
  };
  const torchSample = async () => {
    await settle();
    return (await server.request({ sample: true })).seconds;
  };
  const ratios = [];
  for (let i = 0; i < SAMPLES; i++) {
    let seconds;
    let torchSeconds;
    if (i % 2 === 0) {
      torchSeconds = await torchSample();
      seconds = await oursSample();
    } else {
      seconds = await oursSample();
      torchSeconds = await torchSample();
    }
    ratios.push(torchSeconds / seconds);
  }
  return median(ratios);
}

/** The forward rows the issue sets against torch's `out=`, each with torch's thread count and its sizes. */
const HEAD_TO_HEAD = [
  { key: 'zero-copy', threads: 1, sizes: SIZES, setup: (data) => zeroCopyCall('forward', data) },
  { key: 'pool', threads: 2, sizes: SIZES.filter((n) => n >= 1e6), setup: (data) => zeroCopyCall('forward', data, pool) },
  { key: 'js-heap', threads: 1, sizes: SIZES, setup: (data) => oursCall('forward', data.x, data.gradient, data.out) },
];
/** By key, ours over torch at each n. */
const headToHeadRatios = {};
if (torch.python) {
  const server = openTorchServer(torch.python);
  for (const { key, threads, sizes, setup } of HEAD_TO_HEAD) {
    headToHeadRatios[key] = {};
    for (const n of sizes) {
      const data = { x: randomSigns(n, 1), gradient: randomSigns(n, 2), out: new Float32Array(n) };
      const call = setup(data);
      headToHeadRatios[key][n] = await headToHead(server, call, n, threads);
      call.cleanup?.();
    }
  }
  server.close();
  process.stderr.write('ours against torch, head to head: done\n');
}
await pool.close();

const format = (row, n) => `${(row.rates[n] / 1e9).toFixed(row.rates[n] < 1e8 ? 3 : 2)} (${row.ratios[n].toFixed(2)}×)`;
const label = (n) => n.toExponential().replace('e+', 'e');
const tableOf = (rows) =>
  [
    `| Gelem/s (ratio to copy) | ${SIZES.map((n) => `n = ${label(n)}`).join(' | ')} |`,
    `| --- | ${SIZES.map(() => '---:').join(' | ')} |`,
    ...rows.map((row) => `| ${row.name} | ${SIZES.map((n) => format(row, n)).join(' | ')} |`),
  ].join('\n');
const table = tableOf(results);
console.log(table);

// --- goals (the issue's), each met or missed with the measured value --------
const goals = [];
const goal = (text, met) => goals.push({ goal: text, met });
const row = (op, kind) => results.find((result) => result.group === 'ours' && result.op === op && result.name.includes(kind));
const largest = Math.max(...SIZES);
const heapForward = row('forward', '`out`').ratios[largest];
goal(`n = ${label(largest)}: forward on JS-heap arrays with \`out\` ≥ 0.5× copy (stretch 0.8×): ${heapForward.toFixed(2)}×`, heapForward >= 0.5);
for (const n of SIZES.filter((size) => size >= 1e6)) {
  const zeroCopy = row('forward', 'zero-copy (kernel').ratios[n];
  goal(`n = ${label(n)}: forward zero-copy ≥ 0.8× copy: ${zeroCopy.toFixed(2)}×`, zeroCopy >= 0.8);
}

/** Ours against torch, from the head-to-head samples: at least `factor` times torch's speed at each of `sizes`. */
function againstTorch(text, key, factor) {
  const ratios = headToHeadRatios[key];
  if (!ratios) return;
  const margins = Object.entries(ratios).map(([n, margin]) => ({ n: Number(n), margin }));
  if (margins.length === 0) return;
  const worst = margins.reduce((a, b) => (b.margin < a.margin ? b : a));
  goal(
    `${text}: at worst ${worst.margin.toFixed(2)}× torch (n = ${label(worst.n)})` +
      margins.map(({ n, margin }) => `${n === margins[0].n ? '; by n: ' : ', '}${margin.toFixed(2)}×`).join(''),
    worst.margin >= factor,
  );
}
againstTorch('forward zero-copy, one thread ≥ torch `out=` on 1 thread at every n', 'zero-copy', 1);
againstTorch('forward on a 2-thread pool ≥ torch `out=` on 2 threads at n ≥ 1e6', 'pool', 1);
againstTorch('forward on JS-heap arrays into `out` ≥ 0.5× torch `out=` on 1 thread at every n', 'js-heap', 0.5);
const pooled = row('forward', 'pool');
if (pooled) {
  const slower = SIZES.filter((n) => pooled.ratios[n] < 0.9 * row('forward', 'zero-copy (kernel').ratios[n]);
  goal(
    `forward on a 2-thread pool never slower than one thread (within the ±10% noise of a ratio): ` +
      SIZES.map((n) => `${label(n)} ${(pooled.ratios[n] / row('forward', 'zero-copy (kernel').ratios[n]).toFixed(2)}×`).join(', '),
    slower.length === 0,
  );
}
if (crossover.length > 0) {
  const above = crossover.filter(({ n }) => n >= PARALLEL_MIN_LENGTH);
  goal(
    `the pool splits from ${PARALLEL_MIN_LENGTH.toLocaleString('en')} elements, where two threads are ahead of one ` +
      `(within the ±10% noise of a ratio); two threads' speed over one thread's, forward, by n: ` +
      crossover.map(({ n, speedup }) => `${n.toLocaleString('en')} ${speedup.toFixed(2)}×`).join(', '),
    above.every(({ speedup }) => speedup >= 0.9),
  );
}
const slice = results.find((result) => result.name.startsWith('allocating copy')).ratios;
for (const op of ['forward', 'derivative', 'backward']) {
  const allocating = row(op, 'allocating').ratios;
  const margins = SIZES.map((n) => allocating[n] / slice[n]);
  goal(
    `${op}, allocating ≥ \`x.slice()\` at every n (within the ±10% noise of a ratio): ${SIZES.map((n, index) => `${label(n)} ${margins[index].toFixed(2)}×`).join(', ')}`,
    margins.every((margin) => margin >= 0.9),
  );
}
// The JavaScript peers; torch has its own goals above.
const peers = results.filter((result) => result.group === 'peer' && !result.runtime);
for (const op of ['forward', 'backward']) {
  for (const kind of ['`out`', 'zero-copy', 'allocating']) {
    const ours = row(op, kind);
    // At each n, ours over the fastest peer there.
    const margins = SIZES.map((n) => {
      const best = peers.reduce((a, b) => (b.rates[n] > a.rates[n] ? b : a));
      return { n, margin: ours.rates[n] / best.rates[n], best: best.name };
    });
    const worst = margins.reduce((a, b) => (b.margin < a.margin ? b : a));
    const behind = margins.filter(({ margin }) => margin < 1);
    goal(
      `${ours.name} ≥ every peer row at every n: at worst ${worst.margin.toFixed(2)}× the fastest peer ` +
        `(n = ${label(worst.n)}, ${worst.best})` +
        (behind.length > 0 ? `; behind at n = ${behind.map(({ n }) => label(n)).join(', ')}` : ''),
      behind.length === 0,
    );
  }
}
if (SIZES.includes(1e3)) {
  const loop = results.find((result) => result.name.startsWith('for-loop')).rates[1e3];
  const forward = row('forward', '`out`').rates[1e3];
  goal(`n = 1e3: forward ≥ the naive loop: ${(forward / loop).toFixed(2)}×`, forward >= loop);
}

// --- 1e8 elements: chunked, memory bounded by the input and the output ---------
function hugeRun() {
  const n = 1e8;
  const kernelMemoryBytes = () => (simdSupported() ? kernelInstance().exports.memory.buffer.byteLength : 0);
  const kernelBefore = kernelMemoryBytes();
  const rssBefore = process.memoryUsage().rss;
  const x = new Float32Array(n);
  for (let i = 0; i < n; i += 4096) x[i] = (i & 8192) === 0 ? -i : i;
  const out = new Float32Array(n);
  const start = performance.now();
  leakyRelu(x, ALPHA, { out });
  leakyReluBackward(out, x, ALPHA, { out });
  const seconds = (performance.now() - start) / 1e3;
  const growth = process.memoryUsage().rss - rssBefore;
  const kernelGrowth = kernelMemoryBytes() - kernelBefore;
  const slope = Math.fround(ALPHA);
  let exact = true;
  for (let i = 0; i < n; i += 4096) {
    const forward = Math.fround(x[i] >= 0 ? x[i] : slope * x[i]);
    const expected = Math.fround(x[i] >= 0 ? forward : forward * slope);
    if (!Object.is(out[i], expected)) exact = false;
  }
  return { n, seconds, kernelMemoryGrowthBytes: kernelGrowth, rssGrowthMiB: growth / 2 ** 20, inputAndOutputMiB: (2 * n * 4) / 2 ** 20, exact };
}
const huge = hugeRun();
const hugeSummary = `n = 1e8 forward and backward in ${huge.seconds.toFixed(2)} s: exact on samples, kernel memory grew ${huge.kernelMemoryGrowthBytes} bytes, RSS grew ${huge.rssGrowthMiB.toFixed(0)} MiB for ${huge.inputAndOutputMiB.toFixed(0)} MiB of input and output`;
goal(
  hugeSummary,
  huge.exact && huge.kernelMemoryGrowthBytes === 0 && huge.rssGrowthMiB < huge.inputAndOutputMiB + 64,
);

console.log('\nGoals:');
for (const { goal: text, met } of goals) console.log(`- ${met ? 'met' : 'MISSED'}: ${text}`);

const environment = {
  node: process.version,
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  simd: simdSupported(),
  torch: torch.version ?? null,
  numpy: torch.numpy ?? null,
  torchMissing: torch.missing ?? null,
  date: new Date().toISOString(),
};
const measured =
  `Measured ${environment.date.slice(0, 10)} with Node ${environment.node} on ${environment.cpu} (${environment.cores} cores), ` +
  `WebAssembly SIMD: ${environment.simd}, ` +
  (environment.torch ? `torch ${environment.torch} with NumPy ${environment.numpy}` : `torch: ${environment.torchMissing}`) +
  `. The 1e8-element run: ${hugeSummary}.`;
console.log(`\n${measured}`);
mkdirSync(dirname(options.json), { recursive: true });
writeFileSync(
  options.json,
  `${JSON.stringify({ environment, alpha: ALPHA, sizes: SIZES, rows: results, crossover, headToHead: headToHeadRatios, goals, huge, table, measured }, null, 2)}\n`,
);
console.log(`JSON: ${options.json}`);

// --- --docs: the same run's table, its description and goals into docs/benchmarks.md, their one
// copy (test/bench/results.test.ts checks it against bench/results.json).
if (options.docs) {
  const replaceTable = (text, replacement) => text.replace(/\| Gelem\/s \(ratio to copy\) \|[^]*?\n(?=\n)/, `${replacement}\n`);
  const goalList = goals.map(({ goal: text, met }) => `- **${met ? 'met' : 'missed'}**: ${text}`).join('\n');
  const page = replaceTable(readFileSync('docs/benchmarks.md', 'utf8'), table)
    .replace(/^Measured .*$/m, measured)
    .replace(/## Goals\n\n[^]*?\n\n/, `## Goals\n\n${goalList}\n\n`);
  writeFileSync('docs/benchmarks.md', page);
  console.log('Table, description and goals written into docs/benchmarks.md');
}
