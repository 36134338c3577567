import type { BenchmarkResults } from '@benchmark-results';
import type { PlotlyFigure } from '../components/plotly/figure';

const GROUP_STYLE: Record<string, { dash: string; width: number }> = {
  ours: { dash: 'solid', width: 3 },
  peer: { dash: 'dot', width: 2 },
  limit: { dash: 'dash', width: 1.5 },
};

/** The ops the results have rows for, in their order; the chart opens on the first. */
export function benchmarkOps(results: BenchmarkResults): string[] {
  return [...new Set(results.rows.flatMap((row) => (row.op ? [row.op] : [])))];
}

/** Throughput against input length for the rows of one op (plus the limits), both axes logarithmic. */
export function benchmarkFigure(results: BenchmarkResults, op: string): PlotlyFigure {
  const rows = results.rows.filter((row) => row.group === 'limit' || row.op === op);
  return {
    data: rows.map((row) => ({
      type: 'scatter',
      mode: 'lines+markers',
      name: row.name.replace(/`/g, ''),
      x: results.sizes,
      y: results.sizes.map((n) => (row.rates[String(n)] ?? Number.NaN) / 1e9),
      line: GROUP_STYLE[row.group] ?? GROUP_STYLE.peer,
    })),
    layout: {
      title: { text: `${op}: Float32Array, random signs, α = ${results.alpha}` },
      xaxis: { title: { text: 'Elements (n)' }, type: 'log', showgrid: true },
      yaxis: { title: { text: 'Gelem/s (median)' }, type: 'log', showgrid: true },
      legend: { orientation: 'h', y: -0.25 },
    },
  };
}
