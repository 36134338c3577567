import Link from '@docusaurus/Link';
import AlphaExplorer from '@site/website/components/AlphaExplorer';
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

/** The landing page: what Leaky ReLU is, the function live, and three doors. */
export default function Home(): React.JSX.Element {
  return (
    <Layout title="Leaky ReLU" description="Leaky ReLU in TypeScript, exact for every input, explained with live charts.">
      <main className="container margin-vert--lg">
        <Heading as="h1">leaky-relu</Heading>
        <p className={styles.lead}>
          Leaky ReLU is the activation that passes a positive input unchanged and multiplies a negative one by a small slope α,
          so that a unit never stops learning; this library computes it, its derivative and its backward pass exactly, in
          TypeScript.
        </p>
        <AlphaExplorer />
        <div className="row">
          {DOORS.map((door) => (
            <div key={door.to} className="col col--4 margin-bottom--md">
              <Link to={door.to} className={`card padding--md ${styles.door}`}>
                <Heading as="h2">{door.title}</Heading>
                <p>{door.text}</p>
              </Link>
            </div>
          ))}
        </div>
        <p>
          New here? <Link to="/getting-started">Get started</Link>.
        </p>
      </main>
    </Layout>
  );
}
