import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { XSS_CORPUS } from './fixtures/hostile-notebooks.mjs';
import { isDataImage, sanitizeHtml } from '../../website/build/sanitize-html.mjs';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Every element of a tree, with its tag name and properties. */
const elementsOf = (node: HastNode): { tagName: string; properties: Record<string, unknown> }[] => [
  ...(node.type === 'element' ? [{ tagName: node.tagName!, properties: node.properties ?? {} }] : []),
  ...(node.children ?? []).flatMap(elementsOf),
];

describe('sanitizeHtml(html)', () => {
  it('balances tags and drops scripts, styles and handlers', () => {
    expect(sanitizeHtml('<p onclick="x()">a<script>b()</script><style>p{}</style><i>c')).toEqual({ html: '<p>a<i>c</i></p>', blocked: [] });
  });

  it('prefixes every class, so notebook HTML cannot take the classes of the site', () => {
    expect(sanitizeHtml('<div class="navbar-sidebar navbar-sidebar--show"><table class="dataframe"></table></div>').html).toBe(
      '<div class="nb-navbar-sidebar nb-navbar-sidebar--show"><table class="nb-dataframe"></table></div>',
    );
  });

  it('keeps images from data: URLs, and replaces any other by a note of its URL', () => {
    expect(sanitizeHtml('<img src="data:image/png;base64,AA" alt="a"><img src="https://evil.example/t.png"><img src="//evil.example/p.png">')).toEqual({
      html: '<img src="data:image/png;base64,AA" alt="a">[image not loaded from https://evil.example/t.png][image not loaded from //evil.example/p.png]',
      blocked: ['https://evil.example/t.png', '//evil.example/p.png'],
    });
  });

  it('leaves no element, attribute or URL of the XSS corpus that runs script or loads from another host', () => {
    for (const payload of XSS_CORPUS) {
      // The result read back as a browser reads it, element by element.
      for (const { tagName, properties } of elementsOf(fromHtml(sanitizeHtml(payload).html, { fragment: true }))) {
        expect(tagName, payload).not.toMatch(/^(script|style|iframe|object|embed|base|meta|link|form|svg|math|template|video|audio|source|noscript|xmp|listing)$/);
        if (tagName === 'input') expect(properties.type, payload).toBe('checkbox');
        for (const [name, value] of Object.entries(properties)) {
          expect(name, payload).not.toMatch(/^(on|style$|srcSet$|background$|poster$|action$|data$)/i);
          if (name === 'src') expect(isDataImage(String(value)), payload).toBe(true);
          if (name === 'href') expect(String(value), payload).toMatch(/^(https?:|mailto:|#|\/(?!\/))/);
          if (name === 'className') for (const className of value as string[]) expect(className, payload).toMatch(/^nb-/);
        }
      }
    }
  });

  it('gives the same HTML when the result is cleaned again', () => {
    for (const payload of XSS_CORPUS) {
      const { html } = sanitizeHtml(payload);
      expect(sanitizeHtml(html).html, payload).toBe(html.replace(/id="user-content-/g, 'id="user-content-user-content-').replace(/name="user-content-/g, 'name="user-content-user-content-'));
    }
  });
});

describe('isDataImage(url)', () => {
  it('is true for a data: image URL only, however written', () => {
    expect(['data:image/png;base64,AA', 'DATA:image/svg+xml,<svg/>', ' data:image/gif;base64,R0'].map(isDataImage)).toEqual([true, true, true]);
    expect(['data:text/html,x', 'https://x/y.png', '//x/y.png', 'y.png', 'javascript:alert(1)'].map(isDataImage)).toEqual([false, false, false, false, false]);
  });
});
