"""Check that every public signature of `manga_textloss` is documented in fastcore docments style (issue 14; one check of
tools/run_tests.py; exit 0 = pass). Runs tools/check_docments.py for the whole package and prints its report on failure."""
import os, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
env = dict(os.environ, OMP_NUM_THREADS=os.environ.get('OMP_NUM_THREADS', '1'))
try: r = subprocess.run([sys.executable, str(ROOT/'tools'/'check_docments.py')], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
except subprocess.TimeoutExpired: sys.exit('FAIL: tools/check_docments.py did not finish within 300 s')
if r.returncode != 0:
    print(r.stdout + r.stderr)
    sys.exit(f'FAIL: tools/check_docments.py exited {r.returncode}: document the parameters listed above (a `# comment` per parameter)')
print(r.stdout.strip().splitlines()[-1] if r.stdout.strip() else 'check_docments: no output')
