// Registers the project's two TypeScript kernels in .jupyter/kernels/, for
// JUPYTER_PATH=<repo>/.jupyter: "tslab" (node_modules/.bin/tslab) and "deno"
// (the deno binary of the `deno` dev dependency, `deno jupyter --kernel`).
// Neither is a global install, and nothing is written to the user's Jupyter
// folder (which `deno jupyter --install` would do). The paths are absolute
// (Jupyter requires it), so the files are generated, not committed.
import { createRequire } from 'node:module';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

/** The deno binary the `deno` package takes from its platform's optional dependency (@deno/linux-x64-glibc here). */
function denoBinary() {
  try {
    return require('deno/install_api.cjs').runInstall();
  } catch (error) {
    throw new Error(`the deno dev dependency is not installed (${error.message.split('\n')[0]}): run npm install`);
  }
}

const kernels = {
  // The display name stays the one the committed notebooks record, so that saving one rewrites nothing.
  tslab: {
    argv: [join(root, 'node_modules/.bin/tslab'), 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript',
    language: 'typescript',
  },
  deno: {
    argv: [denoBinary(), 'jupyter', '--kernel', '--conn', '{connection_file}'],
    display_name: 'TypeScript (Deno)',
    language: 'typescript',
  },
};

for (const [name, spec] of Object.entries(kernels)) {
  const kernelDir = join(root, '.jupyter/kernels', name);
  mkdirSync(kernelDir, { recursive: true });
  // Written aside, then renamed: test files register them concurrently.
  const temporary = join(kernelDir, `kernel.json.${process.pid}`);
  writeFileSync(temporary, `${JSON.stringify(spec, null, 2)}\n`);
  renameSync(temporary, join(kernelDir, 'kernel.json'));
}
console.log(`Registered the tslab and Deno kernels in ${join(root, '.jupyter/kernels')}: use them with JUPYTER_PATH=${join(root, '.jupyter')}`);
