"""An installed package runs the main job with no file of the repository (one check of tools/run_tests.py; exit 0 = pass).

`pip install .` (no editable install) into a fresh virtual environment outside the repository, then `mtl demo --scale
smoke` from an empty folder outside it: the demo must reach its report, its exploration stage running the notebook the
wheel ships (`manga_textloss/assets/notebooks`, copied there by setup.py's build step), and the package must import from
the environment, not from the clone. The dependencies are not downloaded again: the new environment sees those of
.venv through a path file (their resolution beside another torch is tools/test_install_ranges.py's check)."""
import os, site, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
had_build = (ROOT/'build').exists()   # setuptools builds in the clone's build/ (ignored by git); removed again if this check made it
try:
  with tempfile.TemporaryDirectory() as d:
      d = Path(d); env_dir, work = d/'venv', d/'work'; work.mkdir()
      subprocess.run([sys.executable, '-m', 'venv', str(env_dir)], check=True)
      py = env_dir/'bin'/'python'
      sp = subprocess.run([str(py), '-c', 'import site; print(site.getsitepackages()[0])'], capture_output=True, text=True, check=True).stdout.strip()
      (Path(sp)/'mtl_deps.pth').write_text(site.getsitepackages()[0] + '\n')   # the dependencies of .venv, after the new environment's own
      with tempfile.TemporaryDirectory() as build:   # the build's scratch outside the clone
          r = subprocess.run([str(py), '-m', 'pip', 'install', '--quiet', '--no-deps', '--no-build-isolation', str(ROOT)], capture_output=True, text=True,
                             cwd=build, env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK='1', TMPDIR=build))
      assert r.returncode == 0, r.stderr[-3000:]
      env = {k: v for k, v in os.environ.items() if k not in ('PYTHONPATH', 'MTL_RUNS', 'VIRTUAL_ENV')} | dict(TQDM_DISABLE='1')
      where = subprocess.run([str(py), '-c', 'import manga_textloss, manga_textloss.experiments.demo as d; print(manga_textloss.__file__); print(d._nbs_dir())'],
                             capture_output=True, text=True, cwd=work, env=env, check=True).stdout.split()
      assert where[0].startswith(sp) and not where[0].startswith(str(ROOT)), where   # the installed copy, not the clone
      assert where[1].startswith(sp) and where[1].endswith('assets/notebooks'), where
      r = subprocess.run([str(env_dir/'bin'/'mtl'), 'demo', '--scale', 'smoke', '--output-dir', str(work/'demo')], capture_output=True, text=True,
                         cwd=work, env=env, timeout=1500)
      assert r.returncode == 0, (r.stdout[-2000:], r.stderr[-3000:])
      out = work/'demo'
      for f in ('report.md', 'report.html', 'stats.json', '11_manga109.ipynb', 'legibility.md', 'demo.json'): assert (out/f).is_file(), f'{f} missing: {sorted(p.name for p in out.iterdir())}'
      assert 'explore (papermill 11_manga109)' in r.stdout + r.stderr
      print(f'test_install_demo: pip install . into a fresh venv, mtl demo --scale smoke from {work.name}/: report.md written ({(out/"report.md").stat().st_size} bytes)')
finally:
    if not had_build: import shutil; shutil.rmtree(ROOT/'build', ignore_errors=True)
