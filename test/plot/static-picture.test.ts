import { describe, expect, it } from 'vitest';
import { leakyReluFigure, staticPicture } from 'leaky-relu/plot';
import { describeWithJupyter } from '../support/jupyter.js';

/** The width, height, colour type and palette size of a PNG. */
function pngHeader(base64: string): { width: number; height: number; colourType: number; paletteColours: number } {
  const png = Buffer.from(base64, 'base64');
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const plte = png.indexOf('PLTE', 0, 'latin1');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25]!, paletteColours: png.readUInt32BE(plte - 4) / 3 };
}

describe('staticPicture(figure) checks its argument', () => {
  it('throws a TypeError naming a value that is not a figure', () => {
    expect(() => staticPicture('figure' as never)).toThrow(
      new TypeError('figure must be a Plotly figure { data: [...], layout: {...} }, got "figure" (string)'),
    );
  });
});

describeWithJupyter('staticPicture(figure) in headless Chromium', () => {
  it('draws a 1000×600 indexed PNG under 60 KB, the same bytes every time, and another for another figure', () => {
    const spec = staticPicture(leakyReluFigure());
    expect(pngHeader(spec)).toMatchObject({ width: 1000, height: 600, colourType: 3 });
    expect(pngHeader(spec).paletteColours).toBeGreaterThan(8);
    expect(spec.length).toBeLessThan(60_000);
    expect(staticPicture(leakyReluFigure())).toBe(spec);
    const small = staticPicture({ ...leakyReluFigure({ alpha: 0.3 }), layout: { ...leakyReluFigure().layout, width: 500, height: 300 } });
    expect(pngHeader(small)).toMatchObject({ width: 500, height: 300 });
    expect(small).not.toBe(spec);
  }, 300_000);
});
