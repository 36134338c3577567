import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { indexedPng, RENDERER_SOURCE } from '../../src/plot/picture-renderer.js';

/** The chunks of a PNG, by type, in order. */
function chunks(png: Uint8Array): [string, Buffer][] {
  const bytes = Buffer.from(png);
  const found: [string, Buffer][] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length), type).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    found.push([type, data]);
    at += 12 + length;
  }
  return found;
}

describe('indexedPng(rgba, width, height, colours, zlib)', () => {
  // Three pixels of white, two of red, one of a red a shade off: a 3×2 picture.
  const rgba = new Uint8Array([
    [255, 255, 255, 255], [255, 0, 0, 255], [255, 255, 255, 255],
    [250, 0, 0, 255], [255, 255, 255, 255], [255, 0, 0, 255],
  ].flat());

  it('writes the signature, IHDR (8-bit, colour type 3), PLTE, IDAT and IEND, each with its CRC', () => {
    const png = indexedPng(rgba, 3, 2, 256, { deflateSync, crc32 });
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const found = chunks(png);
    expect(found.map(([type]) => type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect([...found[0]![1]]).toEqual([0, 0, 0, 3, 0, 0, 0, 2, 8, 3, 0, 0, 0]);
  });

  it('orders the palette by frequency and maps each pixel to its colour, or the nearest kept one', () => {
    const all = chunks(indexedPng(rgba, 3, 2, 256, { deflateSync, crc32 }));
    expect([...all[1]![1]]).toEqual([255, 255, 255, 255, 0, 0, 250, 0, 0]);
    expect([...inflateSync(all[2]![1])]).toEqual([0, 0, 1, 0, 0, 2, 0, 1]);
    const two = chunks(indexedPng(rgba, 3, 2, 2, { deflateSync, crc32 }));
    expect([...two[1]![1]]).toEqual([255, 255, 255, 255, 0, 0]);
    expect([...inflateSync(two[2]![1])]).toEqual([0, 0, 1, 0, 0, 1, 0, 1]);
  });
});

describe('RENDERER_SOURCE', () => {
  it('is a script that uses only what a worker has: no import, no name from the module it was written in', () => {
    expect(() => new Function('require', RENDERER_SOURCE)).not.toThrow();
    expect(RENDERER_SOURCE).not.toMatch(/\bimport\b|__vi|__name\(/);
    expect(RENDERER_SOURCE.startsWith('function indexedPng(')).toBe(true);
  });
});
