import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import AlphaExplorer from '@site/website/components/AlphaExplorer';
import CodeBlock from '@theme/CodeBlock';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import React from 'react';
import styles from './index.module.css';

const DOORS = [
  {
    to: '/notebooks',
    title: 'Notebooks',
    text: "The spec's examples and figure reproduced, the dying ReLU problem measured, the properties put to numbers.",
  },
  { to: '/api', title: 'API reference', text: 'Every function, its formula, its errors and an example whose output is checked.' },
  { to: '/benchmarks', title: 'Benchmarks', text: 'Forward, derivative and backward against a plain copy and against tfjs.' },
];

/** The landing page: what Leaky ReLU is, how to install it, the function live, and three doors. */
export default function Home(): React.JSX.Element {
  const { version, repositoryUrl } = useDocusaurusContext().siteConfig.customFields as { version: string; repositoryUrl?: string };
  return (
    <Layout title="Leaky ReLU" description="Leaky ReLU in TypeScript, exact for every input, explained with live charts.">
      <main className="container margin-vert--lg">
        <header className={styles.hero}>
          <Heading as="h1">
            leaky-relu <span className={styles.version}>v{version}</span>
          </Heading>
          <p className={styles.lead}>
            Leaky ReLU is the activation that passes a positive input unchanged and multiplies a negative one by a small slope α,
            so that a unit never stops learning; this library computes it, its derivative and its backward pass exactly, in
            TypeScript.
          </p>
          <div className={styles.install}>
            <CodeBlock language="bash">npm install leaky-relu</CodeBlock>
          </div>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/getting-started">
              Get started
            </Link>
            <Link className="button button--secondary button--lg" to="/api">
              API reference
            </Link>
            {repositoryUrl && (
              <Link className="button button--secondary button--lg" href={repositoryUrl}>
                Source on GitHub
              </Link>
            )}
          </div>
        </header>
        <AlphaExplorer />
        <div className="row">
          {DOORS.map((door) => (
            <div key={door.to} className="col col--4 margin-bottom--md">
              <section className={`card padding--md ${styles.door}`}>
                <Heading as="h2">
                  <Link to={door.to}>{door.title}</Link>
                </Heading>
                <p>{door.text}</p>
              </section>
            </div>
          ))}
        </div>
      </main>
    </Layout>
  );
}
