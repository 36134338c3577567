import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * A rehype plugin, run after rehype-katex: display maths and tables scroll
 * sideways when they are wider than the page (KaTeX's display by
 * website/css/custom.css, a table by Infima), so each takes the keyboard
 * focus (`tabindex="0"`), or a keyboard user could not scroll it.
 */
export default function rehypeFocusableScroll() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (node.tagName === 'table' || (Array.isArray(classes) && classes.includes('katex-display'))) node.properties.tabIndex = 0;
    });
  };
}
