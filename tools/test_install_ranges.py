"""Check that the package installs beside a researcher's own torch (one check of tools/run_tests.py; exit 0 = pass).

install_requires holds ranges (settings.ini `requirements`); the exact versions CI uses live in constraints.txt. Here pip's
resolver is asked, without installing anything, to put the package beside an older torch/torchvision pair inside the range.
The resolution reads each wheel's metadata through HTTP range requests (pip's `fast-deps`, in a throwaway venv with the
pip of PIP): a plain `--dry-run` downloads every wheel it considers, torch's CUDA libraries included (4.1 GB of scratch,
which filled CI's disk). Without the package index (an offline machine) the resolution step is skipped and only the
static checks run."""
import configparser, json, os, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
cfg = configparser.ConfigParser(delimiters=['=']); cfg.read(ROOT/'settings.ini', encoding='utf-8')
reqs = cfg['DEFAULT']['requirements'].split()
pinned = [r for r in reqs if '==' in r]
assert not pinned, f'install_requires pins exact versions ({pinned}): give ranges in settings.ini and exact versions in constraints.txt'
torch_req = next(r for r in reqs if r.startswith('torch') and not r.startswith('torchvision'))
assert '>=' in torch_req and '<3' in torch_req, torch_req
cons = {l.split('==')[0].lower(): l.split('==')[1] for l in (ROOT/'constraints.txt').read_text().splitlines() if '==' in l and not l.startswith('#')}
for name in ('torch', 'torchvision', 'diffusers', 'accelerate', 'tensorboard'): assert name in cons, f'constraints.txt lacks {name}'
assert 'constraints.txt' in (ROOT/'tools'/'setup.sh').read_text(), 'tools/setup.sh must install with -c constraints.txt'

OTHER = ('torch==2.9.1', 'torchvision==0.24.1')   # in range, not the version CI uses
PIP = 'pip==26.3'   # a pip whose fast-deps reads metadata without downloading the wheel (pip 23.2's still downloads in --dry-run)
MAX_SCRATCH_MB = 200   # the metadata of ~170 packages; a full download of torch's would be ~4000
assert OTHER[0].split('==')[1] != cons['torch']

def _offline(r): return r.returncode != 0 and ('No matching distribution' in r.stderr or 'Could not fetch' in r.stderr)

def _mb(d):   # blocks on disk: fast-deps keeps each wheel as a sparse file of its full size, holding only the ranges it read
    total = 0
    for root, _, files in os.walk(d):   # os.walk skips a folder pip removes meanwhile (Path.rglob raised FileNotFoundError in CI)
        for f in files:
            try: total += os.lstat(os.path.join(root, f)).st_blocks * 512
            except FileNotFoundError: pass   # pip removed it meanwhile
    return total / 2**20

with tempfile.TemporaryDirectory() as d:
    scratch = Path(d)/'tmp'; scratch.mkdir()
    env = dict(os.environ, PIP_CONSTRAINT='', PIP_DISABLE_PIP_VERSION_CHECK='1', PIP_NO_CACHE_DIR='1', TMPDIR=str(scratch))   # no machine-wide cap: the ranges alone decide
    subprocess.run([sys.executable, '-m', 'venv', f'{d}/v'], check=True)
    r = subprocess.run([f'{d}/v/bin/python', '-m', 'pip', 'install', '--quiet', PIP], capture_output=True, text=True, env=env, timeout=600)
    if _offline(r): print(f'test_install_ranges: static checks pass; resolution skipped (no package index with {PIP} here)'); sys.exit(0)
    assert r.returncode == 0, r.stderr[-2000:]
    cmd = [f'{d}/v/bin/python', '-m', 'pip', 'install', '--dry-run', '--use-feature=fast-deps', '--ignore-installed', '--quiet', '--report', f'{d}/r.json', str(ROOT), *OTHER]
    log = open(f'{d}/pip.log', 'w+')   # a file, not a pipe: pip's warnings could fill a pipe while nobody reads it
    p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, text=True, env=env)
    peak = 0.
    while p.poll() is None:   # the scratch it uses, sampled: a regression to full downloads fails here, not by filling the disk
        peak = max(peak, _mb(scratch))
        if peak > MAX_SCRATCH_MB: p.kill(); p.wait(); raise AssertionError(f'pip downloaded {peak:.0f} MB to resolve (more than {MAX_SCRATCH_MB}): fast-deps is not reading metadata by range requests any more')
        time.sleep(0.2)
    log.seek(0); r = subprocess.CompletedProcess(cmd, p.returncode, '', log.read()); log.close()
    if _offline(r) and 'torch' in r.stderr:
        print(f'test_install_ranges: static checks pass; resolution skipped (no package index with {OTHER[0]} here)'); sys.exit(0)
    assert r.returncode == 0, r.stderr[-2000:]
    got = {i['metadata']['name'].lower(): i['metadata']['version'] for i in json.load(open(f'{d}/r.json'))['install']}
assert got.get('torch') == OTHER[0].split('==')[1] and 'manga-textloss' in got, got
print(f'test_install_ranges: manga-textloss resolves beside torch {got["torch"]} / torchvision {got["torchvision"]} '
      f'(CI installs torch {cons["torch"]}); {len(got)} packages, {peak:.0f} MB of scratch')
