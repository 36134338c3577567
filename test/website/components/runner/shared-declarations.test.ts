import { createContext, runInContext } from 'node:vm';
import { expect, it } from 'vitest';
import { shareTopLevelDeclarations } from '../../../../website/components/runner/shared-declarations.js';

/**
 * A kernel as the runner's Worker is one: each cell, rewritten, runs in an
 * async function of its own, in one global scope whose `__share` defines the
 * shared names as the Worker's does. Returns a function that runs a cell and
 * resolves to what it printed, or rejects with what it threw.
 */
function kernel(): (cell: string) => Promise<string[]> {
  const printed: string[] = [];
  const context = createContext({ print: (...values: unknown[]) => printed.push(values.map(String).join(' ')) });
  runInContext('globalThis.__share = (name, get, set) => Object.defineProperty(globalThis, name, { get, set, configurable: true, enumerable: true });', context);
  return async (cell) => {
    printed.length = 0;
    await (runInContext(`(async () => {${shareTopLevelDeclarations(cell, 'globalThis.__share')}\n})()`, context) as Promise<void>);
    return [...printed];
  };
}

/** The name of the error a cell throws, and its message. */
const failure = (run: Promise<unknown>): Promise<string> =>
  run.then(
    () => 'no error',
    (error: Error) => `${error.name}: ${error.message}`,
  );

it('shareTopLevelDeclarations(code) lets a cell that declares a const, a let, a class and a function run again', async () => {
  const run = kernel();
  const cell = 'const x = 1;\nlet y = x + 1;\nclass Point { constructor() { this.y = y; } }\nfunction twice(value) { return 2 * value; }\nprint(x, y, new Point().y, twice(y));';
  expect(await run(cell)).toEqual(['1 2 2 4']);
  expect(await run(cell)).toEqual(['1 2 2 4']);
  expect(await run(cell.replace('const x = 1', 'const x = 10'))).toEqual(['10 11 11 22']);
  expect(await run('print(x, y, new Point().y, twice(3));')).toEqual(['10 11 11 6']);
});

it('shareTopLevelDeclarations(code) hands the next cells every name a declaration binds, destructured ones too, and a function from the cell start', async () => {
  const run = kernel();
  await run('const { a, b: [c, ...rest], d = 4 } = { a: 1, b: [2, 3, 5] };\nvar e = 6, f;\nprint(hoisted());\nfunction hoisted() { return "hoisted"; }');
  expect(await run('print(a, c, rest.join("+"), d, e, f, hoisted());')).toEqual(['1 2 3+5 4 6 undefined hoisted']);
});

it('shareTopLevelDeclarations(code) keeps a shared let live: a later cell assigns it, and the declaring cell\'s closures see the new value', async () => {
  const run = kernel();
  await run('let count = 1;\nconst read = () => count;');
  await run('count = count + 1;');
  expect(await run('print(count, read());')).toEqual(['2 2']);
});

it('shareTopLevelDeclarations(code) keeps JavaScript\'s rules within a cell and for a const: a second const, a read before the declaration, an assignment to a const', async () => {
  const run = kernel();
  await run('const x = 1;');
  expect(await failure(run('const dup = 1;\nconst dup = 2;'))).toMatch(/^SyntaxError: Identifier 'dup' has already been declared/);
  expect(await failure(run('print(x);\nconst x = 2;'))).toMatch(/^ReferenceError: Cannot access 'x' before initialization/);
  expect(await failure(run('x = 3;'))).toBe('TypeError: Assignment to constant variable.');
  expect(await run('print(x);')).toEqual(['1']);
});

it('shareTopLevelDeclarations(code) leaves an earlier cell\'s value to a name a failing cell never reached', async () => {
  const run = kernel();
  await run('const x = 1;');
  expect(await failure(run("throw new RangeError('first');\nconst x = 2;"))).toBe('RangeError: first');
  expect(await run('print(x);')).toEqual(['1']);
});

it('shareTopLevelDeclarations(code) leaves code alone that declares nothing at its top level, or does not parse', () => {
  for (const code of ['print(1);', 'if (x) { const y = 1; }', 'for (let i = 0; i < 2; i++) {}', 'const = (', '']) {
    expect(shareTopLevelDeclarations(code, 'share')).toBe(code);
  }
});
