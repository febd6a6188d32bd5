"""Digests of what the same seeds make: a synthetic root, its mask PNGs, training losses and samples (DDPM, VAE, LDM).

Run before and after a change that must not move the numbers, and compare:
    .venv/bin/python tools/digests.py --out /tmp/d_before.json   # on the old commit
    .venv/bin/python tools/digests.py --out /tmp/d_after.json --compare /tmp/d_before.json
Only the CLI is used, so the same script measures any layout of the package. Small sizes: about 3 min on 2 cores.
"""
import argparse, hashlib, json, subprocess, sys, tempfile
from pathlib import Path

MTL = str(Path(sys.executable).parent/'mtl')

def sha(f:Path)->str: return hashlib.sha256(Path(f).read_bytes()).hexdigest()[:16]

def tree(d:Path, pattern:str='*')->str:
    "One digest over every file under `d` matching `pattern` (paths and bytes), skipping run records that hold times or paths."
    h = hashlib.sha256()
    for f in sorted(p for p in Path(d).rglob(pattern) if p.is_file() and p.name not in ('run.json', 'params.json', 'metrics.json', 'report.md')
                    and 'logs' not in p.parts and not p.name.startswith('.')):
        h.update(f.relative_to(d).as_posix().encode()); h.update(f.read_bytes())
    return h.hexdigest()[:16]

def losses(run:Path)->str:
    "loss.csv's step and loss columns (the time column is dropped)."
    import csv
    rows = list(csv.DictReader(open(run/'loss.csv')))
    keep = [k for k in rows[0] if k not in ('time', 'seconds', 'elapsed', 'lr')]
    return hashlib.sha256(json.dumps([[r[k] for k in keep] for r in rows]).encode()).hexdigest()[:16]

def mtl(*args):
    r = subprocess.run([MTL, *map(str, args), '--quiet'], capture_output=True, text=True)
    if r.returncode: sys.exit(f'mtl {" ".join(map(str, args))} failed:\n{r.stderr[-3000:]}')

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', required=True, help='JSON file to write the digests to')
    ap.add_argument('--compare', help='a digests JSON of the same script to compare with (exit 1 on any difference)')
    a = ap.parse_args()
    d = {}
    with tempfile.TemporaryDirectory() as t:
        t = Path(t)
        mtl('synth', '--output-dir', t/'root', '--books', 2, '--pages', 3, '--size', '256x384', '--seed', 7)
        d['synthetic root'] = tree(t/'root')
        mtl('masks', '--data-root', t/'root', '--output-dir', t/'masks')
        d['mask PNGs'] = tree(t/'masks', '*.png')
        common = ['--max-steps', 6, '--batch-size', 2, '--num-samples', 2, '--sample-steps', 3, '--eval-items', 0, '--report-to', 'none', '--seed', 3]
        mtl('train-ddpm', '--data-root', t/'root', '--masks', t/'masks', '--output-dir', t/'ddpm', '--model-size', 'tiny', '--resolution', 32, *common)
        d['ddpm losses'], d['ddpm samples'] = losses(t/'ddpm'), tree(t/'ddpm'/'samples')
        mtl('train-ddpm', '--output-dir', t/'ddpm-default', '--model-size', 'tiny', '--resolution', 32, '--synthetic-books', 1, '--synthetic-pages', 2, *common)
        d['ddpm (synthetic default) losses'], d['ddpm (synthetic default) samples'] = losses(t/'ddpm-default'), tree(t/'ddpm-default'/'samples')
        d['synthetic default root'] = tree(next(p for p in (t/'ddpm-default').rglob('books.txt')).parent)
        mtl('train-vae', '--data-root', t/'root', '--masks', t/'masks', '--output-dir', t/'vae', '--vae-size', 'tiny', '--max-steps', 6, '--batch-size', 2, '--num-samples', 2, '--report-to', 'none', '--seed', 3)
        d['vae losses'], d['vae model'] = losses(t/'vae'), tree(t/'vae'/'model')
        ldm = [x for x in common if x not in ('--eval-items', 0)]
        mtl('train-ldm', '--data-root', t/'root', '--masks', t/'masks', '--output-dir', t/'ldm', '--vae', t/'vae'/'model', '--unet-size', 'tiny', '--text-encoder-size', 'tiny', '--resolution', 32, *ldm)
        d['ldm losses'], d['ldm samples'] = losses(t/'ldm'), tree(t/'ldm'/'samples')
    Path(a.out).write_text(json.dumps(d, indent=1) + '\n')
    for k, v in d.items(): print(f'{k:<34} {v}')
    if a.compare:
        old = json.loads(Path(a.compare).read_text())
        diff = [k for k in old if old[k] != d.get(k)]
        print('identical' if not diff else f'DIFFERENT: {diff}')
        sys.exit(1 if diff else 0)

if __name__ == '__main__': main()
