"""The project's test runner (called by `make test`).

1. Every notebook in nbs/ is tested with nbdev's own `test_nb` (what `nbdev_test` runs), skipping the cells flagged
   with `tst_flags` (notest slow gpu) unless `--flags` forces them.
2. The exported library is checked with pyflakes for undefined names: a notebook's test cells run in the notebook's
   namespace, where an import missing from the exported cells goes unnoticed.
3. Every job notebook (one with a `parameters` cell) is executed with papermill at its default (smoke-sized) parameters,
   as users run them. Papermill runs every cell, its tests and `slow` cells included, so a job notebook is not also run
   by `test_nb` (that would repeat a subset of the same cells; with `--no-papermill` it is).
4. Every `tools/test_*.py` script (checks that need more than a notebook, e.g. the docs preview in a browser).

All checks share one queue of `--n_workers` processes, the slowest first (`SLOW_FIRST`, from CI's timings), so no
worker idles between stages.

Each check runs in its own process group with a wall-clock limit (`--timeout`), so a hung check is killed instead of
stalling CI. Before the kill every process of the group is sent SIGABRT, which makes Python's faulthandler
(`PYTHONFAULTHANDLER=1`) print the stack of every thread: the log shows where it hung. A hung job notebook is also reported with
the cell papermill marked as running (`--cell-timeout` adds papermill's own per-cell limit). A check that timed out is run once
more (`--retries`); if it then passes it counts as passed, and the log keeps the timeout and its stacks
(`FLAKY` line), so an intermittent hang is visible without turning CI red. Any other failure is final. Results are
printed as they finish, then a closing `N passed, N failed` line. Exits non-zero on any failure.
"""
import argparse, json, os, signal, subprocess, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NBS = ROOT/'nbs'

def _cells(nb:Path): return json.loads(nb.read_text(encoding='utf-8'))['cells']

def papermill_candidate(nb:Path)->bool:
    "A job notebook: one with a cell tagged `parameters`."
    return any('parameters' in c.get('metadata', {}).get('tags', []) for c in _cells(nb))

SLOW_FIRST = ('90_cli.ipynb', '54_ldm.ipynb', '60_legibility.ipynb', '61_runner.ipynb', '41_judges.ipynb', '52_ddpm.ipynb',
              '62_gallery.ipynb', '33_heldout_masks.ipynb', '23_masks.ipynb', '42_learned.ipynb', 'test_docs.py', 'test_install_ranges.py', 'jobs/train_ldm.ipynb', '24_extract.ipynb')
# the checks that took longest in CI (2026-12-02, 2 cores), started first so the last to finish is a short one

def one_nbdev(nb:str, flags:str):
    "Child process: nbdev's `test_nb` on one notebook."
    from nbdev.config import get_config
    from nbdev.test import test_nb
    cfg = get_config()
    os.chdir(NBS)
    ok, _ = test_nb(Path(nb), skip_flags=cfg.tst_flags.split(), force_flags=flags.split(), basepath=cfg.config_path)
    sys.exit(0 if ok else 1)

def one_papermill(nb:str, out_dir:str, cell_timeout:float):
    "Child process: papermill on one notebook at its default parameters."
    import papermill as pm
    pm.execute_notebook(nb, str(Path(out_dir)/Path(nb).name), cwd=str(NBS), progress_bar=False, kernel_name='python3',
                        log_output=False, execution_timeout=int(cell_timeout) if cell_timeout > 0 else None)

def running_cell(out_nb:Path)->str:
    "The cell papermill marked as running in a (partial) output notebook, for a hung check's report."
    try: cells = json.loads(out_nb.read_text(encoding='utf-8'))['cells']
    except Exception: return ''
    for i, c in enumerate(cells):
        if c.get('metadata', {}).get('papermill', {}).get('status') == 'running':
            return f'running cell {i}: ' + ''.join(c['source']).strip().splitlines()[0][:120] if c['source'] else f'running cell {i}'
    return ''

def run_once(cmd:list, timeout:float, out_nb:Path|None=None):
    "Run `cmd` in a new process group; after `timeout` s dump its stacks (SIGABRT) and kill the group. `(ok, timed_out, output)`."
    env = dict(os.environ, PYTHONFAULTHANDLER='1')
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True, cwd=ROOT, env=env)
    try:
        out, _ = p.communicate(timeout=timeout)
        return p.returncode == 0, False, out or ''
    except subprocess.TimeoutExpired:
        where = running_cell(out_nb) if out_nb else ''
        try: os.killpg(p.pid, signal.SIGABRT)       # faulthandler prints every thread's stack
        except ProcessLookupError: pass
        try: out, _ = p.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL); out, _ = p.communicate()
        try: os.killpg(p.pid, signal.SIGKILL)      # children that outlived the abort
        except ProcessLookupError: pass
        out = out or ''
        return False, True, out + f'\ntimed out after {timeout:.0f} s (killed){"; " + where if where else ""}: run `python tools/run_tests.py --path ...` to debug'

def run_check(label:str, cmd:list, timeout:float, retries:int=1, out_nb:Path|None=None):
    "Run a check (retrying only a timeout, `retries` times). Returns (label, ok, seconds, report text)."
    t = time.time(); notes = []
    for attempt in range(retries + 1):
        ok, timed_out, out = run_once(cmd, timeout, out_nb)
        out = '\n'.join(l for l in out.splitlines() if 'Kernel is running over TCP' not in l)
        if ok or not timed_out or attempt == retries: break
        notes.append(f'FLAKY: attempt {attempt + 1} timed out; its stacks (last 6000 characters):\n' + out[-6000:] + '\nretrying …')
    if ok and notes: label += '  (passed on retry after a timeout)'
    report = '\n'.join(notes + ([] if ok else [out[-3000:]]))
    return label, ok, time.time() - t, report

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--path', default=None, help='only notebooks / tool tests whose name contains this')
    ap.add_argument('--flags', default='', help='space-separated test flags to run anyway (e.g. "slow")')
    ap.add_argument('--n_workers', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=900, help='wall-clock limit per check, seconds')
    ap.add_argument('--cell-timeout', type=float, default=0, help='papermill: limit per cell, seconds (0: none; the check\'s --timeout still applies)')
    ap.add_argument('--retries', type=int, default=1, help='times a timed-out check is run again (other failures are final)')
    ap.add_argument('--no-papermill', action='store_true', help='skip the papermill stage')
    ap.add_argument('--one', nargs=2, metavar=('KIND', 'NB'), help=argparse.SUPPRESS)
    ap.add_argument('--out', default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        kind, nb = a.one
        return one_nbdev(nb, a.flags) if kind == 'nbdev' else one_papermill(nb, a.out, a.cell_timeout)
    files = sorted(f for f in [*NBS.glob('*.ipynb'), *NBS.glob('jobs/*.ipynb')]
                   if not f.name.startswith('_') and (a.path is None or a.path in f.name))
    tools = sorted(f for f in (ROOT/'tools').glob('test_*.py') if a.path is None or a.path in f.name)
    py = sys.executable
    results = []
    def report(label, ok, t, err):
        results.append(ok); print(f"{'PASS' if ok else 'FAIL'}  {label}  ({t:.1f}s)", flush=True)
        if err: print('      ' + err.replace('\n', '\n      '), flush=True)
    r = subprocess.run([py, '-m', 'pyflakes', str(ROOT/'manga_textloss')], capture_output=True, text=True)
    undefined = [l for l in r.stdout.splitlines() if 'undefined name' in l]
    report('pyflakes    undefined names in manga_textloss/', not undefined, 0, '\n'.join(undefined))
    with tempfile.TemporaryDirectory() as out, ThreadPoolExecutor(a.n_workers) as ex:
        jobs = {f for f in files if papermill_candidate(f)} if not a.no_papermill else set()
        checks = [(f'nbdev_test  {f.relative_to(NBS)}', [py, __file__, '--one', 'nbdev', str(f), '--flags', a.flags], None) for f in files if f not in jobs]
        checks += [(f'papermill   {f.relative_to(NBS)}', [py, __file__, '--one', 'papermill', str(f), '--out', out, '--cell-timeout', str(a.cell_timeout)],
                    Path(out)/f.name) for f in sorted(jobs)]
        checks += [(f'tool test   {f.name}', [py, str(f)], None) for f in tools]
        rank = lambda c: next((i for i, k in enumerate(SLOW_FIRST) if c[0].endswith(k)), len(SLOW_FIRST))
        futs = [ex.submit(run_check, label, cmd, a.timeout, a.retries, nb) for label, cmd, nb in sorted(checks, key=rank)]
        for fut in as_completed(futs): report(*fut.result())
    passed = sum(results)
    print(f'{passed} passed, {len(results) - passed} failed')
    sys.exit(0 if passed == len(results) and results else 1)

if __name__ == '__main__': main()
