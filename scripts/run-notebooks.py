"""Execute notebooks on the project's own tslab kernel and write the outputs back.

    .venv/bin/python scripts/run-notebooks.py [--check] notebooks/*.ipynb

Runs with the nbclient of the project's .venv (scripts/python-env.sh). The
kernel is the one scripts/jupyter-kernel.mjs registers in .jupyter/
(node_modules/.bin/tslab).

A cell fails the run when its execute_reply status is not "ok". nbclient
itself only fails on "error", but tslab answers "abort" to every cell that
arrives within 200 ms after an error, and such a cell has silently not run.
A cell tagged "raises-exception" is expected to fail instead (a notebook may
show an error on purpose); the runner then waits out tslab's abort window
before the next cell (https://github.com/yunabe/tslab/issues/19).

A notebook whose outputs would make it 1 MB or more fails too: committed
notebooks stay small (a figure's output is about 19 KB, since plotly.js is
loaded from the Jupyter server, never embedded).

Outputs are written deterministically: no execution timestamps, no stack
frames (Node's internals) in stderr, and paths relative to the repository.
"""
import argparse
import asyncio
import os
import re
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL_DIR = os.path.join(ROOT, '.jupyter')
KERNEL_NAME = 'tslab'
# tslab's execQueue.reset(200) in src/jupyter.ts, with a margin for slow machines.
TSLAB_ABORT_WINDOW_MS = 200
STACK_FRAME = re.compile(r'^\s+at .*\n?', re.MULTILINE)
# tslab binds its five sockets at once; a kernel_info_request that reaches the
# shell socket before the iopub one is bound makes tslab print this rejection.
# jupyter_client asks again until the kernel answers, so nothing is lost.
TSLAB_BIND_RACE = re.compile(
    r'UnhandledPromiseRejection: Error: Socket is blocked by a bind or unbind operation\n(?:[ \t]+.*\n)*\}\n')

os.environ['JUPYTER_PATH'] = os.pathsep.join(filter(None, [KERNEL_DIR, os.environ.get('JUPYTER_PATH')]))

import nbformat  # noqa: E402  (after JUPYTER_PATH, which jupyter_client reads)
from nbclient import NotebookClient  # noqa: E402


class CellFailed(Exception):
    """A notebook that must not pass: a cell whose reply was not "ok" (or was
    "ok" when an error was expected), or outputs over the size limit."""


def stderr_of(cell):
    return ''.join(output.get('text', '') for output in cell.get('outputs', [])
                   if output.get('output_type') == 'stream' and output.get('name') == 'stderr')


def expects_error(cell):
    return 'raises-exception' in cell.metadata.get('tags', [])


class StrictNotebookClient(NotebookClient):
    """An nbclient that fails on any reply status but "ok", "abort" included."""

    error_grace_ms = TSLAB_ABORT_WINDOW_MS + 150

    async def _check_raise_for_error(self, cell, cell_index, exec_reply):
        status = exec_reply['content'].get('status') if exec_reply else 'missing'
        if status == 'error' and expects_error(cell):
            await asyncio.sleep(self.error_grace_ms / 1000)
            return
        if status == 'ok' and not expects_error(cell):
            return
        if status == 'ok':
            reason = 'is tagged raises-exception but ran without an error'
        elif status == 'abort':
            reason = ('was aborted by the kernel: it never ran, because it arrived right after '
                      'an error (tslab aborts cells for 200 ms after one)')
        else:
            reason = f'failed with status "{status}"'
        stderr = stderr_of(cell).rstrip() or '(nothing on stderr)'
        raise CellFailed(f'cell {cell_index} {reason}\n--- source\n{cell.source}\n--- stderr\n{stderr}')


def merge_streams(outputs):
    """Merges consecutive stream outputs of the same name into one, as
    JupyterLab's output area does before it saves: a notebook run here and
    one run and saved in JupyterLab are then the same file."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.get('output_type') == 'stream' and previous is not None
                and previous.get('output_type') == 'stream' and previous.get('name') == output.get('name')):
            previous['text'] += output['text']
        else:
            merged.append(output)
    return merged


def clean(notebook):
    """Drops what differs between two runs of the same notebook."""
    for cell in notebook.cells:
        cell.metadata.pop('execution', None)
        if 'outputs' in cell:
            cell.outputs = merge_streams(cell.outputs)
        for output in cell.get('outputs', []):
            if output.get('output_type') == 'stream' and output.get('name') == 'stderr':
                text = STACK_FRAME.sub('', output['text'])
                output['text'] = text.replace(f'file://{ROOT}/', '').replace(f'{ROOT}/', '')


def run(path, check, error_grace_ms, timeout, max_bytes):
    notebook = nbformat.read(path, as_version=4)
    client = StrictNotebookClient(
        notebook,
        kernel_name=KERNEL_NAME,
        timeout=timeout,
        startup_timeout=120,
        record_timing=False,
        # The reply check above decides what fails, not nbclient's own.
        allow_errors=True,
        resources={'metadata': {'path': os.path.dirname(os.path.abspath(path))}},
    )
    client.error_grace_ms = error_grace_ms
    # The kernel's own stderr (not a cell's, which tslab sends to the notebook).
    with tempfile.TemporaryFile('w+', encoding='utf-8') as kernel_stderr:
        try:
            client.execute(stderr=kernel_stderr)
        finally:
            kernel_stderr.seek(0)
            kernel_log = TSLAB_BIND_RACE.sub('', kernel_stderr.read())
            if kernel_log.strip():
                sys.stderr.write(f'{path}: the kernel wrote on its stderr:\n{kernel_log}')
    clean(notebook)
    text = nbformat.writes(notebook)
    text += '' if text.endswith('\n') else '\n'  # as nbformat.write ends the file
    size = len(text.encode('utf-8'))
    if size >= max_bytes:
        raise CellFailed(f'would be {size} bytes with its outputs, over the limit of {max_bytes}')
    if not check:
        with open(path, 'w', encoding='utf-8') as file:
            file.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('notebooks', nargs='*', help='the .ipynb files to execute, in order')
    parser.add_argument('--check', action='store_true', help='execute without writing the outputs back')
    parser.add_argument('--error-grace-ms', type=int, default=StrictNotebookClient.error_grace_ms,
                        help='pause after an expected error, past tslab\'s abort window (default %(default)s)')
    parser.add_argument('--timeout', type=int, default=600, help='seconds a cell may take (default %(default)s)')
    parser.add_argument('--max-bytes', type=int, default=1_000_000,
                        help='the size a notebook with its outputs must stay under (default %(default)s)')
    args = parser.parse_args()
    if not os.path.exists(os.path.join(KERNEL_DIR, 'kernels', KERNEL_NAME, 'kernel.json')):
        sys.exit('The tslab kernel is not registered: run node scripts/jupyter-kernel.mjs first.')
    if not args.notebooks:
        print('No notebooks to run.')
    for path in args.notebooks:
        try:
            run(path, args.check, args.error_grace_ms, args.timeout, args.max_bytes)
        except CellFailed as failure:
            sys.exit(f'{path}: {failure}')
        print(f'{path}: ran{"" if args.check else ", outputs written"}')


if __name__ == '__main__':
    main()
