import React from 'react';
import styles from './notebook.module.css';

/** A cell's image output, as a `data:` URL. */
export default function ImageOutput({ src }: { readonly src: string }): React.JSX.Element {
  return <img className={styles.image} src={src} alt="A cell's image output" data-cell-output="image" />;
}
