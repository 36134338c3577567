/**
 * A log axis that spans whole decades and is labelled at each power of ten
 * only (10⁻², 10⁻¹, …): Plotly's own log ticks, on a range of less than a
 * decade or two, label the 2s, 3s and 5s between in no readable order.
 *
 * @param values - The positive values the axis shows; the others are left out.
 * @returns The axis attributes: `range` (in decades, as Plotly's log axes take it), `tickvals` and `ticktext`
 */
export function decadeTicks(values: readonly number[]): { range: [number, number]; tickvals: number[]; ticktext: string[] } {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  const low = positive.length === 0 ? -2 : Math.floor(Math.log10(Math.min(...positive)));
  // `+ 0`: Math.ceil(-0.5) is -0, and an axis range is no place for a signed zero.
  const high = positive.length === 0 ? 0 : Math.max(low + 1, Math.ceil(Math.log10(Math.max(...positive)))) + 0;
  const powers = Array.from({ length: high - low + 1 }, (_, index) => low + index);
  return {
    range: [low, high],
    tickvals: powers.map((power) => 10 ** power),
    ticktext: powers.map((power) => (power === 0 ? '1' : `10<sup>${power}</sup>`)),
  };
}
