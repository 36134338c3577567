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
  it('draws the spec’s 1000×600 figure as a 900×540 indexed PNG under 60 KB, the same bytes every time, and another for another figure', () => {
    const spec = staticPicture(leakyReluFigure());
    expect(pngHeader(spec)).toMatchObject({ width: 900, height: 540, colourType: 3 });
    expect(pngHeader(spec).paletteColours).toBeGreaterThan(8);
    expect(spec.length).toBeLessThan(60_000);
    expect(staticPicture(leakyReluFigure())).toBe(spec);
    const small = staticPicture({ ...leakyReluFigure({ alpha: 0.3 }), layout: { ...leakyReluFigure().layout, width: 500, height: 300 } });
    expect(pngHeader(small)).toMatchObject({ width: 500, height: 300 });
    expect(small).not.toBe(spec);
  }, 300_000);

  it('keeps a picture of many translucent curves under 60 KB with fewer colours, as for notebook 04', () => {
    // 24 seeded random walks, each its own hue at 60% opacity: their crossings blend into thousands of colours.
    let seed = 1;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const x = Array.from({ length: 60 }, (_, index) => index);
    const data = Array.from({ length: 24 }, (_, trace) => {
      let level = 0;
      const y = x.map(() => (level += random() - 0.5));
      return { type: 'scatter' as const, mode: 'lines' as const, name: `walk ${trace}`, x, y, line: { color: `hsl(${trace * 15}, 70%, 45%)` }, opacity: 0.6 };
    });
    const picture = staticPicture({ data, layout: { width: 1000, height: 600, showlegend: false } });
    expect(pngHeader(picture)).toMatchObject({ width: 900, height: 540, colourType: 3 });
    expect(pngHeader(picture).paletteColours).toBeLessThan(256);
    expect(pngHeader(picture).paletteColours).toBeGreaterThanOrEqual(16);
    expect(picture.length).toBeLessThanOrEqual(60_000);
    // The spec's figure, far under the budget, keeps all 256.
    expect(pngHeader(staticPicture(leakyReluFigure())).paletteColours).toBe(256);
  }, 300_000);
});
