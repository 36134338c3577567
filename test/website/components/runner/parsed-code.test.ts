import { expect, it } from 'vitest';
import { parsedCode } from '../../../../website/components/runner/parsed-code.js';

it('parsedCode(code) parses a script body, with a top-level await, as the runner runs it', () => {
  expect(parsedCode('const x = await Promise.resolve(1);\nx')?.body.map((statement) => statement.type)).toEqual(['VariableDeclaration', 'ExpressionStatement']);
  // A script, not a module: `with` is allowed, and `import` declarations are not (the runner has made them requires already).
  expect(parsedCode('with (Math) { max(1, 2); }')?.body).toHaveLength(1);
  expect(parsedCode("import { leakyRelu } from 'leaky-relu';")).toBeUndefined();
});

it('parsedCode(code) is undefined for code that does not parse', () => {
  for (const code of ['let = (', 'const x = 1;\nconst x = 2;', 'function (']) expect(parsedCode(code)).toBeUndefined();
});
