"""Execute notebooks on the project's tslab and Deno kernels, compare them, and write tslab's outputs back.

    .venv/bin/python scripts/run-notebooks.py [--check] [--kernel tslab|deno|both] notebooks/*.ipynb

Runs with the nbclient of the project's .venv (scripts/python-env.sh). The
kernels are the two scripts/jupyter-kernel.mjs registers in .jupyter/:
tslab (node_modules/.bin/tslab) and Deno's (`deno jupyter`, from the deno
dev dependency).

With --kernel both (the default) every notebook runs on tslab, then on Deno,
and the two runs must agree: each cell prints the same lines, on stdout and
on stderr (an error Deno reports as an error output counts as its
"RangeError: …" line on stderr, where tslab writes the same line after the
place it was thrown), and displays the same figures (their Plotly JSON). A
difference fails the run unless notebooks/kernel-differences.json lists it,
with its reason; an entry that no longer matches a difference fails too.
Only tslab's outputs are written back: the committed notebooks are tslab's.

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
import itertools
import json
import math
import os
import queue
import re
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL_DIR = os.path.join(ROOT, '.jupyter')
KERNELS = ('tslab', 'deno')
DIFFERENCES = os.path.join(ROOT, 'notebooks', 'kernel-differences.json')
PLOTLY = 'application/vnd.plotly.v1+json'
# A static picture's budget in base64 characters, as src/plot/static-picture.ts keeps it.
MAX_PICTURE = 60_000
# tslab's execQueue.reset(200) in src/jupyter.ts, with a margin for slow machines.
TSLAB_ABORT_WINDOW_MS = 200
STACK_FRAME = re.compile(r'^\s+at .*\n?', re.MULTILINE)
# tslab binds its five sockets at once; a kernel_info_request that reaches the
# shell socket before the iopub one is bound makes tslab print this rejection.
# jupyter_client asks again until the kernel answers, so nothing is lost.
TSLAB_BIND_RACE = re.compile(
    r'UnhandledPromiseRejection: Error: Socket is blocked by a bind or unbind operation\n(?:[ \t]+.*\n)*\}\n')
# Deno's kernel says so on its stderr at every start.
DENO_UNSTABLE = re.compile(r'^(?:\x1b\[[0-9;]*m)*Warning(?:\x1b\[[0-9;]*m)* "deno jupyter" is unstable and might change in the future\.\n', re.MULTILINE)
# The pause after which a Deno cell's late outputs are taken to have all come.
DENO_LATE_OUTPUT_MS = 250
# Node's (tslab's) report of an uncaught error starts with where it was thrown: the file and line, the
# source line and a caret, then a blank line, before the "RangeError: …" line Deno's error output carries.
NODE_THROW_SITE = re.compile(r'^\S[^\n]*:\d+\n[^\n]*\n *\^+\n\n', re.MULTILINE)
ANSI = re.compile(r'\x1b\[[0-9;]*m')

os.environ['JUPYTER_PATH'] = os.pathsep.join(filter(None, [KERNEL_DIR, os.environ.get('JUPYTER_PATH')]))

import nbformat  # noqa: E402  (after JUPYTER_PATH, which jupyter_client reads)
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionComplete  # noqa: E402
from nbclient.util import ensure_async  # noqa: E402


class CellFailed(Exception):
    """A notebook that must not pass: a cell whose reply was not "ok" (or was
    "ok" when an error was expected), or outputs over the size limit."""


def stderr_of(cell):
    """What a cell wrote on stderr, and the error it raised: tslab writes an error there, Deno's kernel sends an error output."""
    parts = []
    for output in cell.get('outputs', []):
        if output.get('output_type') == 'stream' and output.get('name') == 'stderr':
            parts.append(output.get('text', ''))
        elif output.get('output_type') == 'error':
            parts.append(ANSI.sub('', f"{output.get('ename')}: {output.get('evalue')}\n"))
    return ''.join(parts)


def expects_error(cell):
    return 'raises-exception' in cell.metadata.get('tags', [])


class StrictNotebookClient(NotebookClient):
    """An nbclient that fails on any reply status but "ok", "abort" included."""

    error_grace_ms = TSLAB_ABORT_WINDOW_MS + 150
    # How long a cell's outputs are still taken after the kernel said it is done, until a pause this long.
    late_output_ms = 0

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        """nbclient's, then the cell's late outputs: Deno's kernel sends the cell's
        last printed lines and displays from another thread, and under load after
        its idle status (it waits 5 ms for them, denoland/deno#20337). JupyterLab
        keeps listening to a cell after that (requestExecute with disposeOnDone
        false) and shows them; nbclient alone would drop them."""
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        while self.late_output_ms > 0:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=self.late_output_ms / 1000))
            except queue.Empty:
                return
            if msg['parent_header'].get('msg_id') == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    pass

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


def execute(path, kernel, error_grace_ms, timeout, timing):
    """The notebook at path, executed on a kernel, its outputs cleaned; the file is not written.
    timing['ready'] is set to when the kernel had started, before the first cell."""
    notebook = nbformat.read(path, as_version=4)
    client = StrictNotebookClient(
        notebook,
        kernel_name=kernel,
        timeout=timeout,
        startup_timeout=120,
        record_timing=False,
        # The reply check above decides what fails, not nbclient's own.
        allow_errors=True,
        resources={'metadata': {'path': os.path.dirname(os.path.abspath(path))}},
        on_notebook_start=lambda **_: timing.update(ready=time.monotonic()),
    )
    client.error_grace_ms = error_grace_ms
    client.late_output_ms = DENO_LATE_OUTPUT_MS if kernel == 'deno' else 0
    # The kernel's own stderr (not a cell's, which tslab sends to the notebook).
    with tempfile.TemporaryFile('w+', encoding='utf-8') as kernel_stderr:
        try:
            client.execute(stderr=kernel_stderr)
        finally:
            kernel_stderr.seek(0)
            kernel_log = DENO_UNSTABLE.sub('', TSLAB_BIND_RACE.sub('', kernel_stderr.read()))
            if kernel_log.strip():
                sys.stderr.write(f'{path}: the {kernel} kernel wrote on its stderr:\n{kernel_log}')
    clean(notebook)
    return notebook


def serialised(notebook, max_bytes):
    """The notebook file's text, which must stay under max_bytes."""
    text = nbformat.writes(notebook)
    text += '' if text.endswith('\n') else '\n'  # as nbformat.write ends the file
    size = len(text.encode('utf-8'))
    if size >= max_bytes:
        raise CellFailed(f'would be {size} bytes with its outputs, over the limit of {max_bytes}')
    return text


def printed_and_shown(notebook):
    """Per code cell: its stdout lines, its stderr lines, and the Plotly JSON of each figure it displayed."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != 'code':
            continue
        stdout = ''.join(output.get('text', '') for output in cell.outputs
                         if output.get('output_type') == 'stream' and output.get('name') == 'stdout')
        figures = [output['data'][PLOTLY] for output in cell.outputs if PLOTLY in output.get('data', {})]
        stderr = NODE_THROW_SITE.sub('', stderr_of(cell))
        cells.append({'stdout': stdout.splitlines(), 'stderr': stderr.splitlines(), 'figures': figures})
    return cells


def differences(name, tslab, deno):
    """Every line and figure in which the two runs of a notebook differ, as notebooks/kernel-differences.json lists them."""
    found = []
    for index, (left, right) in enumerate(zip(printed_and_shown(tslab), printed_and_shown(deno))):
        for stream in ('stdout', 'stderr'):
            for line, (ours, theirs) in enumerate(itertools.zip_longest(left[stream], right[stream])):
                if ours != theirs:
                    found.append({'notebook': name, 'cell': index, stream: line, 'tslab': ours, 'deno': theirs})
        for figure, (ours, theirs) in enumerate(itertools.zip_longest(left['figures'], right['figures'])):
            if ours == theirs:
                continue
            entry = {'notebook': name, 'cell': index, 'figure': figure}
            apart = relative_gap(ours, theirs)
            if apart is not None:
                # Recorded as a power of ten, so that the entry states how close the numbers are and still matches the next run.
                entry['numbers'] = f'within 1e{math.floor(math.log10(apart))+1}'
            else:
                entry.update({'tslab': summary(ours), 'deno': summary(theirs)})
            found.append(entry)
    return found


def relative_gap(ours, theirs):
    """The largest relative difference between two figures' numbers, when they are
    the same but for numbers; None when anything else (or any number's sign) differs."""
    if isinstance(ours, (int, float)) and isinstance(theirs, (int, float)) and not isinstance(ours, bool) and not isinstance(theirs, bool):
        if ours == theirs:
            return 0.0
        if ours * theirs <= 0:
            return None
        return abs(ours - theirs) / max(abs(ours), abs(theirs))
    if isinstance(ours, dict) and isinstance(theirs, dict) and ours.keys() == theirs.keys():
        gaps = [relative_gap(ours[key], theirs[key]) for key in ours]
    elif isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        gaps = [relative_gap(a, b) for a, b in zip(ours, theirs)]
    else:
        return 0.0 if ours == theirs else None
    return None if None in gaps else max(gaps, default=0.0)


def summary(figure):
    return None if figure is None else json.dumps(figure, sort_keys=True)[:200]


def listed_differences():
    """notebooks/kernel-differences.json: the differences between the kernels that are known, each with its reason."""
    with open(DIFFERENCES, encoding='utf-8') as file:
        listed = json.load(file)
    for entry in listed:
        if not str(entry.get('reason', '')).strip():
            raise CellFailed(f'{DIFFERENCES}: an entry has no reason: {json.dumps(entry)}')
    return listed


def compare(path, tslab, deno, listed):
    """Fails on a difference between the two runs that is not listed, and on a listed one of this notebook that did not occur."""
    name = os.path.basename(path)
    known = [{key: value for key, value in entry.items() if key != 'reason'} for entry in listed if entry['notebook'] == name]
    found = differences(name, tslab, deno)
    unlisted = [entry for entry in found if entry not in known]
    stale = [entry for entry in known if entry not in found]
    for picture in (output['data']['image/png'] for cell in deno.cells for output in cell.get('outputs', [])
                    if 'image/png' in output.get('data', {})):
        if len(picture) > MAX_PICTURE:
            raise CellFailed(f'a static picture drawn on Deno is {len(picture)} base64 characters, over {MAX_PICTURE}')
    if unlisted or stale:
        report = [f'tslab and Deno differ where {os.path.relpath(DIFFERENCES, ROOT)} does not say why:']
        report += [json.dumps(entry, ensure_ascii=False) for entry in unlisted]
        if stale:
            report.append('and these listed differences no longer occur (remove them):')
            report += [json.dumps(entry, ensure_ascii=False) for entry in stale]
        raise CellFailed('\n'.join(report))


def run(path, kernels, check, error_grace_ms, timeout, max_bytes, listed):
    """Runs a notebook on the kernels; writes tslab's outputs back unless check; compares both runs when both ran."""
    runs = {}
    for kernel in kernels:
        started = time.monotonic()
        timing = {}
        runs[kernel] = execute(path, kernel, error_grace_ms, timeout, timing)
        text = serialised(runs[kernel], max_bytes)
        ready = timing['ready'] - started
        print(f'{path}: ran on {kernel} in {time.monotonic() - started:.1f} s '
              f'(kernel start {ready:.1f} s, cells {time.monotonic() - timing["ready"]:.1f} s)', flush=True)
        if kernel == 'tslab' and not check:
            with open(path, 'w', encoding='utf-8') as file:
                file.write(text)
    if len(runs) == 2:
        compare(path, runs['tslab'], runs['deno'], listed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('notebooks', nargs='*', help='the .ipynb files to execute, in order')
    parser.add_argument('--check', action='store_true', help='execute without writing the outputs back')
    parser.add_argument('--kernel', choices=[*KERNELS, 'both'], default='both',
                        help='the kernel to run on; both compares the runs (default %(default)s); only tslab\'s outputs are written')
    parser.add_argument('--error-grace-ms', type=int, default=StrictNotebookClient.error_grace_ms,
                        help='pause after an expected error, past tslab\'s abort window (default %(default)s)')
    parser.add_argument('--timeout', type=int, default=600, help='seconds a cell may take (default %(default)s)')
    parser.add_argument('--max-bytes', type=int, default=1_000_000,
                        help='the size a notebook with its outputs must stay under (default %(default)s)')
    args = parser.parse_args()
    kernels = KERNELS if args.kernel == 'both' else (args.kernel,)
    for kernel in kernels:
        if not os.path.exists(os.path.join(KERNEL_DIR, 'kernels', kernel, 'kernel.json')):
            sys.exit(f'The {kernel} kernel is not registered: run node scripts/jupyter-kernel.mjs first.')
    if not args.notebooks:
        print('No notebooks to run.')
    for path in args.notebooks:
        try:
            run(path, kernels, args.check, args.error_grace_ms, args.timeout, args.max_bytes,
                listed_differences() if len(kernels) == 2 else [])
        except CellFailed as failure:
            sys.exit(f'{path}: {failure}')
        written = '' if args.check or 'tslab' not in kernels else ', outputs written'
        print(f'{path}: ran{" and agreed" if len(kernels) == 2 else ""}{written}')


if __name__ == '__main__':
    main()
