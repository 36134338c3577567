import { describe, expect, it } from 'vitest';
import { plainSummary } from '../../../website/plugins/typedoc-description.mjs';

const text = (value: string) => ({ kind: 'text', text: value });
const code = (value: string) => ({ kind: 'code', text: value });

describe('the API pages’ descriptions', () => {
  it('are the summary as plain text: code without backticks, links as their text, no Markdown escapes', () => {
    expect(plainSummary([text('A value the ops accept: a '), code('number'), text(' or an array, as [Errors](/errors) lists.')])).toBe(
      'A value the ops accept: a number or an array, as Errors lists.',
    );
    expect(plainSummary([text('Leaky ReLU,\n  exactly.')])).toBe('Leaky ReLU, exactly.');
  });

  it('keep a long summary’s first sentence, or cut it at 200 characters', () => {
    const sentence = 'The derivative of Leaky ReLU, as the spec defines it.';
    expect(plainSummary([text(`${sentence} ${'More words follow here. '.repeat(10)}`)])).toBe(sentence);
    const unbroken = plainSummary([text('word '.repeat(60))]);
    expect(unbroken).toHaveLength(200);
    expect(unbroken.endsWith('…')).toBe(true);
  });
});
