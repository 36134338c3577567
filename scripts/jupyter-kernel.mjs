// Registers the project's own tslab as the Jupyter kernel "tslab", in
// .jupyter/kernels/tslab/kernel.json, for JUPYTER_PATH=<repo>/.jupyter.
// The kernel runs node_modules/.bin/tslab, never a global install; its path
// is absolute (Jupyter requires it), so the file is generated, not committed.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const kernelDir = join(root, '.jupyter/kernels/tslab');
const spec = {
  argv: [join(root, 'node_modules/.bin/tslab'), 'kernel', '--config-path', '{connection_file}'],
  display_name: 'TypeScript',
  language: 'typescript',
};
mkdirSync(kernelDir, { recursive: true });
// Written aside, then renamed: test files register it concurrently.
const temporary = join(kernelDir, `kernel.json.${process.pid}`);
writeFileSync(temporary, `${JSON.stringify(spec, null, 2)}\n`);
renameSync(temporary, join(kernelDir, 'kernel.json'));
console.log(`Registered the tslab kernel in ${kernelDir}: use it with JUPYTER_PATH=${join(root, '.jupyter')}`);
