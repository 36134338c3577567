import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import { visit } from 'unist-util-visit';

/** The component that links KaTeX's stylesheet, as a page imports it. */
export const KATEX_STYLESHEET_COMPONENT = '@site/website/components/KatexStylesheet';
const NAME = 'KatexStylesheet';

/**
 * A remark plugin: a page with maths (remark-math's `math` and `inlineMath`
 * nodes) renders `<KatexStylesheet />`, which links KaTeX's stylesheet in
 * the page's head; a page without loads neither it nor its fonts.
 */
export default function remarkKatexStylesheet() {
  return (tree: Root): void => {
    let hasMaths = false;
    visit(tree, ['math', 'inlineMath'], () => {
      hasMaths = true;
      return false;
    });
    if (hasMaths) tree.children.unshift(defaultImport(NAME, KATEX_STYLESHEET_COMPONENT), element(NAME));
  };
}

/** `import <name> from '<source>';` as an MDX ESM node, with the estree MDX compiles from. */
export function defaultImport(name: string, source: string): MdxjsEsm {
  return {
    type: 'mdxjsEsm',
    value: `import ${name} from ${JSON.stringify(source)};`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
            attributes: [],
            source: { type: 'Literal', value: source, raw: JSON.stringify(source) },
          },
        ],
      },
    },
  };
}

function element(name: string): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: [], children: [] };
}
