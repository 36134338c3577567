import Head from '@docusaurus/Head';
import { useBreadcrumbsStructuredData } from '@docusaurus/plugin-content-docs/client';
import type { Props } from '@theme/DocBreadcrumbs/StructuredData';
import React from 'react';
import { jsonInScript } from '../../../json-in-script';

/**
 * The docs breadcrumb as JSON-LD, escaped for a `<script>` element. The
 * classic theme writes `JSON.stringify` of the page titles raw, so a title
 * holding `</script>` runs the script after it (the code came with
 * facebook/docusaurus#10888; the escaping bug is not reported upstream as
 * far as we found).
 */
export default function DocBreadcrumbsStructuredData({ breadcrumbs }: Props): React.JSX.Element {
  const structuredData = useBreadcrumbsStructuredData({ breadcrumbs });
  return (
    <Head>
      <script type="application/ld+json">{jsonInScript(structuredData)}</script>
    </Head>
  );
}
