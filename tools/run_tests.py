"""The project's test runner (called by `make test`).

1. Every notebook in nbs/ is tested with nbdev's own `test_nb` (what `nbdev_test` runs), skipping the cells flagged
   with `tst_flags` (notest slow gpu) unless `--flags` forces them.
2. The exported library is checked with pyflakes for undefined names: a notebook's test cells run in the notebook's
   namespace, where an import missing from the exported cells goes unnoticed.
3. Every job notebook (one with a `parameters` cell) is executed with papermill at its default (smoke-sized) parameters,
   as users run them.
4. Every `tools/test_*.py` script (checks that need more than a notebook, e.g. the docs preview in a browser).

Each check runs in its own process group with a wall-clock limit (`--timeout`), so a hung check is killed and
reported as a failure instead of stalling CI; results are printed as they finish, then a closing
`N passed, N failed` line. Exits non-zero on any failure.
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

def one_nbdev(nb:str, flags:str):
    "Child process: nbdev's `test_nb` on one notebook."
    from nbdev.config import get_config
    from nbdev.test import test_nb
    cfg = get_config()
    os.chdir(NBS)
    ok, _ = test_nb(Path(nb), skip_flags=cfg.tst_flags.split(), force_flags=flags.split(), basepath=cfg.config_path)
    sys.exit(0 if ok else 1)

def one_papermill(nb:str, out_dir:str):
    "Child process: papermill on one notebook at its default parameters."
    import papermill as pm
    pm.execute_notebook(nb, str(Path(out_dir)/Path(nb).name), cwd=str(NBS), progress_bar=False, kernel_name='python3',
                        log_output=False)

def run_check(label:str, cmd:list, timeout:float):
    "Run `cmd` in a new process group; kill the whole group after `timeout` s. Returns (ok, seconds, output tail)."
    t = time.time()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True, cwd=ROOT)
    try:
        out, _ = p.communicate(timeout=timeout)
        ok = p.returncode == 0
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, _ = p.communicate()
        ok, out = False, (out or '') + f'\ntimed out after {timeout:.0f} s (killed): run `python tools/run_tests.py --path ...` to debug'
    out = '\n'.join(l for l in (out or '').splitlines() if 'Kernel is running over TCP' not in l)
    return label, ok, time.time() - t, '' if ok else out[-3000:]

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--path', default=None, help='only notebooks / tool tests whose name contains this')
    ap.add_argument('--flags', default='', help='space-separated test flags to run anyway (e.g. "slow")')
    ap.add_argument('--n_workers', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=900, help='wall-clock limit per check, seconds')
    ap.add_argument('--no-papermill', action='store_true', help='skip the papermill stage')
    ap.add_argument('--one', nargs=2, metavar=('KIND', 'NB'), help=argparse.SUPPRESS)
    ap.add_argument('--out', default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        kind, nb = a.one
        return one_nbdev(nb, a.flags) if kind == 'nbdev' else one_papermill(nb, a.out)
    files = sorted(f for f in [*NBS.glob('*.ipynb'), *NBS.glob('jobs/*.ipynb')]
                   if not f.name.startswith('_') and (a.path is None or a.path in f.name))
    tools = sorted(f for f in (ROOT/'tools').glob('test_*.py') if a.path is None or a.path in f.name)
    py = sys.executable
    results = []
    def report(label, ok, t, err):
        results.append(ok); print(f"{'PASS' if ok else 'FAIL'}  {label}  ({t:.1f}s)", flush=True)
        if err: print('      ' + err.replace('\n', '\n      '), flush=True)
    with tempfile.TemporaryDirectory() as out, ThreadPoolExecutor(a.n_workers) as ex:
        futs = [ex.submit(run_check, f'nbdev_test  {f.relative_to(NBS)}', [py, __file__, '--one', 'nbdev', str(f), '--flags', a.flags], a.timeout)
                for f in files]
        for fut in as_completed(futs): report(*fut.result())
        r = subprocess.run([py, '-m', 'pyflakes', str(ROOT/'manga_textloss')], capture_output=True, text=True)
        undefined = [l for l in r.stdout.splitlines() if 'undefined name' in l]
        report('pyflakes    undefined names in manga_textloss/', not undefined, 0, '\n'.join(undefined))
        futs = [] if a.no_papermill else [
            ex.submit(run_check, f'papermill   {f.relative_to(NBS)}', [py, __file__, '--one', 'papermill', str(f), '--out', out], a.timeout)
            for f in files if papermill_candidate(f)]
        futs += [ex.submit(run_check, f'tool test   {f.name}', [py, str(f)], a.timeout) for f in tools]
        for fut in as_completed(futs): report(*fut.result())
    passed = sum(results)
    print(f'{passed} passed, {len(results) - passed} failed')
    sys.exit(0 if passed == len(results) and results else 1)

if __name__ == '__main__': main()
