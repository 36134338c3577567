import { useLocation } from '@docusaurus/router';
import { useBaseUrlUtils } from '@docusaurus/useBaseUrl';
import type { Props } from '@theme/CodeBlock';
// The classic theme's component by its file, as in ../Layout.
import ClassicCodeBlock from '@docusaurus/theme-classic/lib/theme/CodeBlock';
import React from 'react';
import RunnableCode from '../../../../components/runner/RunnableCode';
import { runsOnThePage } from '../../../../components/runner/runnable-pages';

const TYPESCRIPT = new Set(['ts', 'typescript']);

/**
 * The classic theme's code block; a TypeScript block of a guide page whose
 * blocks the tests run in Node (components/runner/runnable-pages.ts) can
 * also be run, edited and reset on the page.
 */
export default function CodeBlock(props: Props): React.JSX.Element {
  const { pathname } = useLocation();
  const { withBaseUrl } = useBaseUrlUtils();
  const children = React.Children.toArray(props.children);
  const code = children.every((child) => typeof child === 'string') ? children.join('') : undefined;
  const language = props.language ?? /language-(\w+)/.exec(props.className ?? '')?.[1];
  const route = pathname.startsWith(withBaseUrl('/')) ? `/${pathname.slice(withBaseUrl('/').length)}` : pathname;
  if (code === undefined || !TYPESCRIPT.has(language ?? '') || !runsOnThePage(route, code)) return <ClassicCodeBlock {...props} />;
  const shown = code.replace(/\n$/, '');
  return (
    <RunnableCode code={shown} mode="snippet" runnerKey="guide">
      <ClassicCodeBlock {...props} />
    </RunnableCode>
  );
}
