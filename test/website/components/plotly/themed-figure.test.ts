import { describe, expect, it } from 'vitest';
import { NARROW_CHART, themedFigure, wrapTitle } from '../../../../website/components/plotly/themed-figure.js';

const figure = {
  data: [
    { type: 'scatter', name: 'one', line: { color: 'blue' } },
    { type: 'scatter', name: 'two', line: { color: 'red' } },
    { type: 'scatter', name: 'hidden from the legend', showlegend: false },
  ],
  layout: { title: { text: 'Leaky ReLU and its derivative, alpha = 0.1' }, width: 1000, height: 600, legend: { x: 0.01, y: 0.99 } },
};
const desktop = { colorMode: 'light', height: 450, width: 900 } as const;
const phone = { colorMode: 'light', height: 450, width: 300, touch: true } as const;

describe('themedFigure', () => {
  it("drops the figure's fixed size: the chart is as wide as its container, as high as asked", () => {
    const { layout } = themedFigure(figure, desktop);
    expect(layout).toMatchObject({ autosize: true, height: 450 });
    expect(layout.width).toBeUndefined();
  });

  it("keeps a wide chart's legend where the figure puts it, and lets a mouse drag zoom", () => {
    const { layout } = themedFigure(figure, desktop);
    expect(layout.legend).toEqual({ x: 0.01, y: 0.99 });
    expect(layout.dragmode).toBeUndefined();
  });

  it('puts a narrow chart\'s legend under the plot, one row an entry, growing the chart rather than the plot shrinking', () => {
    const { layout } = themedFigure(figure, { ...phone, touch: false });
    expect(layout.legend).toMatchObject({ orientation: 'v', yref: 'container', y: 0, yanchor: 'bottom' });
    expect(layout.height).toBe(450 + 2 * 22);
    expect((layout.margin as { b: number }).b).toBe(50 + 2 * 22);
  });

  it('wraps a narrow chart\'s title and puts it below the mode bar', () => {
    const { layout } = themedFigure(figure, phone);
    const title = layout.title as { text: string; pad: { t: number } };
    expect(title.text.split('<br>').length).toBeGreaterThan(1);
    expect(title.pad.t).toBe(36);
    expect((layout.margin as { t: number }).t).toBeGreaterThanOrEqual(36 + 20 * title.text.split('<br>').length);
  });

  it('turns drag-to-zoom off for a finger, so a vertical swipe scrolls the page', () => {
    expect(themedFigure(figure, phone).layout.dragmode).toBe(false);
  });

  it("draws in the page's type and on the page's ground, in either mode", () => {
    for (const colorMode of ['light', 'dark'] as const) {
      const { layout } = themedFigure(figure, { ...desktop, colorMode, fontFamily: 'system-ui' });
      expect(layout).toMatchObject({ paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: 'rgba(0,0,0,0)', font: { family: 'system-ui' } });
    }
  });

  it("gives each curve the dark palette's colour of the same rank in dark mode", () => {
    const { data } = themedFigure(figure, { ...desktop, colorMode: 'dark' });
    expect(data.map((trace) => (trace.line as { color?: string } | undefined)?.color)).toEqual(['#6ea8fe', '#ff6b6b', undefined]);
  });
});

describe('wrapTitle', () => {
  it('cuts at spaces into lines that fit the width', () => {
    const lines = wrapTitle('forward: Float32Array, random signs, α = 0.01', 200);
    expect(lines.join(' ')).toBe('forward: Float32Array, random signs, α = 0.01');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.floor((200 - 20) / 7.5));
  });

  it('keeps a title on one line when it fits', () => {
    expect(wrapTitle('Dead units', NARROW_CHART - 1)).toEqual(['Dead units']);
  });
});
