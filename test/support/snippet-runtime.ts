/**
 * What a generated snippet module calls at run time: `check` for each
 * `//=>` line, and a console whose output the test reads back.
 */
import { inspect } from 'node:util';

/** How a value is shown after `//=>`: as `console.log` would print it, on one line. */
export function show(value: unknown): string {
  return inspect(value, { breakLength: Infinity, depth: null, maxArrayLength: null });
}

export interface Failure {
  readonly location: string;
  readonly expected: string;
  readonly actual: string;
}

export const results = { checks: 0, failures: [] as Failure[], output: [] as string[] };

/** Starts a fresh record before a snippet module is imported. */
export function reset(): void {
  results.checks = 0;
  results.failures = [];
  results.output = [];
}

/**
 * Compares what `compute` returns, or throws, with the text after `//=>`.
 * `throws Name: message` expects an error of that name and message.
 */
export function check(compute: () => unknown, expected: string, location: string): void {
  results.checks += 1;
  let actual: string;
  try {
    actual = show(compute());
  } catch (error) {
    actual = error instanceof Error ? `throws ${error.name}: ${error.message}` : `throws ${show(error)}`;
  }
  if (actual !== expected) results.failures.push({ location, expected, actual });
}

/** The `console` a snippet sees: `log` is recorded the way Node prints it. */
export const snippetConsole = {
  log: (...values: unknown[]): void => {
    results.output.push(values.map((value) => (typeof value === 'string' ? value : show(value))).join(' '));
  },
};
