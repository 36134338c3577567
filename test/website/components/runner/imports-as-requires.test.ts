import { expect, it } from 'vitest';
import { importsAsRequires } from '../../../../website/components/runner/imports-as-requires.js';

/** Runs transformed code as the runner's Worker does, with a `require` that answers two modules; returns the values of `names` and the modules required. */
function bindings(code: string, names: readonly string[] = []): Record<string, unknown> {
  const modules: Record<string, unknown> = { 'leaky-relu': { leakyRelu: 'leakyRelu', linspace: 'linspace', default: 'the default' }, side: { effect: true } };
  const required: string[] = [];
  const require = (name: string): unknown => (required.push(name), modules[name]);
  // The test runs the output, as the Worker does.
  const values = new Function('require', `${importsAsRequires(code)}\nreturn { ${names.map((name) => `${name}: typeof ${name} === 'undefined' ? undefined : ${name}`).join(', ')} };`)(require) as Record<string, unknown>;
  return { ...values, required };
}

it('importsAsRequires(code) binds named, renamed, namespace and default imports as vars of what require returns', () => {
  expect(bindings("import { leakyRelu, linspace as range } from 'leaky-relu';", ['leakyRelu', 'range'])).toMatchObject({ leakyRelu: 'leakyRelu', range: 'linspace', required: ['leaky-relu'] });
  expect(bindings('import * as library from "leaky-relu"', ['library'])).toMatchObject({ library: { leakyRelu: 'leakyRelu' } });
  expect(bindings("import main, { leakyRelu } from 'leaky-relu';", ['main', 'leakyRelu'])).toMatchObject({ main: 'the default', leakyRelu: 'leakyRelu' });
  expect(bindings("import {\n  leakyRelu,\n  linspace,\n} from 'leaky-relu';", ['leakyRelu', 'linspace'])).toMatchObject({ leakyRelu: 'leakyRelu', linspace: 'linspace' });
  expect(bindings("import 'side';")).toMatchObject({ required: ['side'] });
});

it('importsAsRequires(code) writes var, so a later cell may import a name again', () => {
  const cell = importsAsRequires("import { leakyRelu } from 'leaky-relu';");
  expect(cell).toMatch(/^var /);
  const run = new Function('require', `${cell}\n${cell}`) as (require: () => object) => void;
  expect(() => run(() => ({ leakyRelu: 1 }))).not.toThrow();
});

it('importsAsRequires(code) leaves code that is not an import declaration alone', () => {
  const code = "const text = 'import { x } from \"y\"';\nconsole.log(text);";
  expect(importsAsRequires(code)).toBe(code);
});
