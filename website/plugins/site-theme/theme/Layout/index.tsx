import { useLocation } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { Props } from '@theme/Layout';
// The classic theme's layout by its file: `@theme-init/Layout` is the core's
// fallback layout (no providers), and `@theme-original/Layout` is this file.
import InitLayout from '@docusaurus/theme-classic/lib/theme/Layout';
import React from 'react';

/**
 * The classic layout; on the search page it wraps the content in `<main>`.
 * The search plugin's page renders its results in a plain container, so it
 * had no main landmark for a screen reader to jump to.
 */
export default function Layout(props: Props): React.JSX.Element {
  const isSearchPage = useLocation().pathname === useBaseUrl('/search');
  return isSearchPage ? (
    <InitLayout {...props}>
      <main>{props.children}</main>
    </InitLayout>
  ) : (
    <InitLayout {...props} />
  );
}
