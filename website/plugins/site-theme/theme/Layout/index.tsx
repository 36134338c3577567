import { useLocation } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { Props } from '@theme/Layout';
// The classic theme's layout by its file: `@theme-init/Layout` is the core's
// fallback layout (no providers), and `@theme-original/Layout` is this file.
import InitLayout from '@docusaurus/theme-classic/lib/theme/Layout';
import React from 'react';

/** The search page's description, for search engines and link previews: the plugin's page gives none. */
export const SEARCH_PAGE_DESCRIPTION = 'Search the leaky-relu documentation: the guide, the notebooks and the API reference, offline.';

/**
 * The classic layout; on the search page it wraps the content in `<main>`
 * and gives the page a description. The search plugin's page renders its
 * results in a plain container, so it had no main landmark for a screen
 * reader to jump to, and no description.
 */
export default function Layout(props: Props): React.JSX.Element {
  const isSearchPage = useLocation().pathname === useBaseUrl('/search');
  return isSearchPage ? (
    <InitLayout description={SEARCH_PAGE_DESCRIPTION} {...props}>
      <main>{props.children}</main>
    </InitLayout>
  ) : (
    <InitLayout {...props} />
  );
}
