import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import Heading from '@theme/Heading';
import clsx from 'clsx';
import React from 'react';

const SECTIONS = [
  { to: '/getting-started', label: 'Getting started', text: 'install the package and call leakyRelu' },
  { to: '/semantics', label: 'Semantics', text: 'the exact contract: -0, NaN, infinities, float32' },
  { to: '/notebooks', label: 'Notebooks', text: "the spec's examples and figures, with their outputs" },
  { to: '/api', label: 'API reference', text: 'every function, its formula and its errors' },
  { to: '/benchmarks', label: 'Benchmarks', text: 'throughput against a copy and against tfjs' },
];

/** The 404 page: a search of the site's pages, and the main sections. */
export default function NotFoundContent({ className }: { readonly className?: string }): React.JSX.Element {
  return (
    <main className={clsx('container margin-vert--xl', className)}>
      <div className="row">
        {/* `markdown`: the type of a docs page, links in running text underlined. */}
        <div className="col col--8 col--offset-2 markdown">
          <Heading as="h1">This page does not exist</Heading>
          <p>The address may be mistyped, or the page may have moved. Search the documentation:</p>
          {/* A plain form: the search page reads `q`, and it works before any script runs. */}
          <form action={useBaseUrl('/search')} method="get" role="search" className="margin-bottom--lg">
            <label htmlFor="not-found-search">Search the documentation</label>{' '}
            <input id="not-found-search" name="q" type="search" className="navbar__search-input" />{' '}
            <button type="submit" className="button button--primary button--sm">
              Search
            </button>
          </form>
          <p>Or start from one of the main sections:</p>
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.to}>
                <Link to={section.to}>{section.label}</Link>: {section.text}.
              </li>
            ))}
          </ul>
        </div>
      </div>
    </main>
  );
}
