import Head from '@docusaurus/Head';
import { usePluginData } from '@docusaurus/useGlobalData';
import useBaseUrl from '@docusaurus/useBaseUrl';
import React from 'react';

/**
 * Links KaTeX's stylesheet from the page's head: a page with maths renders
 * this (website/plugins/remark-katex-stylesheet.ts adds it), and only such a
 * page loads the stylesheet and its fonts.
 */
export default function KatexStylesheet(): React.JSX.Element {
  const { stylesheet } = usePluginData('katex-stylesheet') as { stylesheet: string };
  return (
    <Head>
      <link rel="stylesheet" href={useBaseUrl(stylesheet)} />
    </Head>
  );
}
