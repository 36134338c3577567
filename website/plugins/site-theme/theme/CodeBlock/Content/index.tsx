import type { Props } from '@theme/CodeBlock/Content';
// The classic theme's component by its file, as in ../../Layout.
import ClassicContent from '@docusaurus/theme-classic/lib/theme/CodeBlock/Content';
import prismIncludeLanguages from '@theme/prism-include-languages';
import { Prism } from 'prism-react-renderer';
import React from 'react';

// The classic theme registers the extra languages (`prism.additionalLanguages`)
// from a client module, which puts Prism in the bundle every page evaluates
// before it is interactive; here they are registered by the first code block.
// The site theme's plugin (../../../index.ts) replaces that client module.
prismIncludeLanguages(Prism);

/** The classic theme's highlighted code, with Prism's extra languages registered. */
export default function Content(props: Props): React.JSX.Element {
  return <ClassicContent {...props} />;
}
