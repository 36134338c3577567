import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { leakyReluFigure, toHtml } from 'leaky-relu/plot';

const plotlyBundle = readFileSync(createRequire(import.meta.url).resolve('plotly.js-dist-min'), 'utf8');

describe('toHtml(figure, options)', () => {
  const figure = leakyReluFigure();

  it('writes a standalone page that inlines the installed plotly.js and draws the figure', () => {
    const page = toHtml(figure);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain(`<script>${plotlyBundle}</script>`);
    expect(page).toContain('<title>Leaky ReLU Activation Function and Its Derivative</title>');
    expect(page).toContain("Plotly.newPlot('figure', figure.data, figure.layout, figure.config);");
    expect(page).toContain(JSON.stringify(figure.data[0]!.name));
  });

  it('with plotlyUrl, references plotly.js there and stays small', () => {
    const page = toHtml(figure, { plotlyUrl: 'https://cdn.plot.ly/plotly-3.0.1.min.js' });
    expect(page).toContain('<script src="https://cdn.plot.ly/plotly-3.0.1.min.js"></script>');
    expect(page).not.toContain('plotly.js v');
    expect(page.length).toBeLessThan(20_000);
  });

  it('escapes the title as HTML', () => {
    expect(toHtml(figure, { plotlyUrl: 'p.js', title: 'α < 1 & "x"' })).toContain('<title>α &lt; 1 &amp; &quot;x&quot;</title>');
  });

  it('throws a TypeError for something that is not a figure, or a title that is not a string', () => {
    expect(() => toHtml(undefined as never)).toThrow(TypeError);
    expect(() => toHtml(figure, { title: 3 as never })).toThrow(new TypeError('options.title must be a string, got 3'));
  });
});
