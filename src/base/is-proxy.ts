/**
 * Whether an object is a `Proxy`, without running any of its traps. Node
 * (20.16 and later, and a runtime with its `process.getBuiltinModule`)
 * answers through `node:util`'s `types.isProxy`, at no cost per element.
 * Elsewhere (a browser) structured cloning decides: the HTML
 * standard's StructuredSerialize throws a DataCloneError on a Proxy before it
 * reads anything of it. That copies an ordinary array once, and also throws
 * for an array holding something that cannot be cloned (a function): such an
 * array counts as a Proxy, so it is refused, never written through.
 */

interface Runtime {
  process?: { getBuiltinModule?: (name: string) => unknown };
  structuredClone?: (value: unknown) => unknown;
}

const runtime = globalThis as Runtime;

function nodeIsProxy(): ((value: unknown) => boolean) | undefined {
  try {
    const util = runtime.process?.getBuiltinModule?.('node:util') as { types?: { isProxy?: (value: unknown) => boolean } } | undefined;
    return util?.types?.isProxy;
  } catch {
    return undefined;
  }
}

const isProxyBuiltin = nodeIsProxy();
const clone = runtime.structuredClone;

/**
 * Whether `value` is a `Proxy` (or, where only structured cloning can tell,
 * holds something that cannot be cloned). `false` where the runtime has
 * neither way to tell.
 */
export function isProxy(value: object): boolean {
  if (isProxyBuiltin) return isProxyBuiltin(value);
  if (!clone) return false;
  try {
    clone(value);
    return false;
  } catch {
    return true;
  }
}
