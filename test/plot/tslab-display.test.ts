import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TSLAB_KERNEL_MODULE, tslabDisplay } from '../../src/plot/tslab-display.js';

const require = createRequire(import.meta.url);

// The installed tslab's kernel module, loaded as its kernel loads it: the writer figures use.
const kernelPath = require.resolve('tslab/dist/jupyter.js');
const kernel = require(kernelPath) as {
  lastWriteDisplayData: unknown;
  JupyterHandlerImpl: { prototype: { handleExecuteImpl: { toString(): string } } };
  ZmqServer: { prototype: { handleExecute: { toString(): string } } };
};

afterEach(() => {
  delete (globalThis as { __tslab__?: unknown }).__tslab__;
});

describe('tslabDisplay(), the one adapter that reaches into tslab 1.0.22', () => {
  it('is written against the installed tslab: the version this adapter was checked with', () => {
    expect((require('tslab/package.json') as { version: string }).version).toBe('1.0.22');
  });

  it('finds tslab’s kernel module under the name Node’s module cache gives it', () => {
    expect(kernelPath).toMatch(TSLAB_KERNEL_MODULE);
  });

  it('relies on the kernel module exporting lastWriteDisplayData, null until a cell runs', () => {
    expect(Object.keys(kernel)).toContain('lastWriteDisplayData');
    expect(kernel.lastWriteDisplayData).toBeNull();
  });

  it('relies on every cell setting it to the writer that sends its argument as a display_data’s content', () => {
    // Read from the kernel's own code: these are the lines that must not move without this adapter moving too.
    expect(kernel.JupyterHandlerImpl.prototype.handleExecuteImpl.toString()).toContain('exports.lastWriteDisplayData = writeDisplayData;');
    const execute = kernel.ZmqServer.prototype.handleExecute.toString().replace(/\s+/g, ' ');
    expect(execute).toContain('const writeDisplayData = (data, update) => {');
    expect(execute).toContain('reply.header.msg_type = update ? "update_display_data" : "display_data"; reply.content = data;');
  });

  it('sends a bundle through the running cell’s writer, as a display_data content', () => {
    const write = vi.fn();
    const cache = { [kernelPath]: { exports: { lastWriteDisplayData: write } } };
    (globalThis as { __tslab__?: unknown }).__tslab__ = { exports: {}, require: { cache } };
    tslabDisplay()!({ 'text/plain': 'x' });
    expect(write.mock.calls).toEqual([[{ data: { 'text/plain': 'x' }, metadata: {}, transient: {} }, false]]);
  });

  it('is undefined outside a tslab kernel', () => {
    expect(tslabDisplay()).toBeUndefined();
  });
});
