"""The project's test runner (called by `make test`).

1. Every notebook in nbs/ is tested with nbdev's own `test_nb` (what `nbdev_test` runs), in parallel, skipping the
   cells flagged with `tst_flags` (notest slow gpu) unless `--flags` forces them.
2. The exported library is checked with pyflakes for undefined names: a notebook's test cells run in the notebook's
   namespace, where an import missing from the exported cells goes unnoticed.
3. Every notebook that papermill can run as a job — one with a `parameters` cell, or one with no slow/gpu cells — is
   executed with papermill at its default (smoke-sized) parameters, as users run them.

Prints one line per check and a closing `N passed, N failed` line; exits non-zero on any failure.
"""
import argparse, json, os, sys, tempfile, time
from pathlib import Path

from fastcore.parallel import parallel
from nbdev.config import get_config
from nbdev.test import test_nb

ROOT = Path(__file__).resolve().parent.parent
NBS = ROOT/'nbs'

def _cells(nb:Path): return json.loads(nb.read_text(encoding='utf-8'))['cells']

def papermill_candidate(nb:Path)->bool:
    "A job notebook (has a `parameters` cell), or one with no slow/gpu cells."
    cells = _cells(nb)
    if any('parameters' in c.get('metadata', {}).get('tags', []) for c in cells): return True
    flagged = lambda c: any(l.strip().startswith(('#| slow', '#| gpu', '#|slow', '#|gpu')) for l in ''.join(c['source']).splitlines())
    return not any(c['cell_type'] == 'code' and flagged(c) for c in cells)

def run_papermill(nb:Path, out_dir:str):
    import papermill as pm
    t = time.time()
    try:
        pm.execute_notebook(str(nb), str(Path(out_dir)/nb.name), cwd=str(NBS), progress_bar=False, kernel_name='python3',
                            log_output=False)
        return True, time.time() - t, ''
    except Exception as e:
        return False, time.time() - t, f'{type(e).__name__}: {str(e)[-1500:]}'

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--path', default=None, help='only notebooks whose name contains this')
    ap.add_argument('--flags', default='', help='space-separated test flags to run anyway (e.g. "slow")')
    ap.add_argument('--n_workers', type=int, default=2)
    ap.add_argument('--no-papermill', action='store_true', help='skip the papermill stage')
    a = ap.parse_args()
    cfg = get_config()
    files = sorted(f for f in NBS.glob('*.ipynb') if not f.name.startswith('_') and (a.path is None or a.path in f.name))
    results = []
    os.chdir(NBS)
    res = parallel(test_nb, files, skip_flags=cfg.tst_flags.split(), force_flags=a.flags.split(), n_workers=a.n_workers,
                   basepath=cfg.config_path, pause=0.01)
    for f, (ok, t) in zip(files, res):
        results.append(ok); print(f"{'PASS' if ok else 'FAIL'}  nbdev_test  {f.name}  ({t:.1f}s)", flush=True)
    import subprocess
    r = subprocess.run([sys.executable, '-m', 'pyflakes', str(ROOT/'manga_textloss')], capture_output=True, text=True)
    undefined = [l for l in r.stdout.splitlines() if 'undefined name' in l]
    results.append(not undefined); print(f"{'PASS' if not undefined else 'FAIL'}  pyflakes    undefined names in manga_textloss/", flush=True)
    for l in undefined: print('      ' + l)
    if not a.no_papermill:
        jobs = [f for f in files if papermill_candidate(f)]
        with tempfile.TemporaryDirectory() as out:
            res = parallel(run_papermill, jobs, out_dir=out, n_workers=a.n_workers, pause=0.01)
        for f, (ok, t, err) in zip(jobs, res):
            results.append(ok); print(f"{'PASS' if ok else 'FAIL'}  papermill   {f.name}  ({t:.1f}s)", flush=True)
            if err: print('      ' + err.replace('\n', '\n      '))
    passed = sum(results)
    print(f'{passed} passed, {len(results) - passed} failed')
    sys.exit(0 if passed == len(results) and results else 1)

if __name__ == '__main__': main()
