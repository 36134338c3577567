import Layout from '@theme/Layout';
import React from 'react';

export default function Home(): React.JSX.Element {
  return <Layout title="Leaky ReLU">TODO</Layout>;
}
