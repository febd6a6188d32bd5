"""The legibility benchmark (notebook 11) without the `mtl` entry point: same options as `mtl bench-legibility`.

    export OMP_NUM_THREADS=1
    python bench/bench_legibility.py --model pixel  --prediction-type sample  --arms baseline,masked,masked-lam9-norm
    python bench/bench_legibility.py --model pixel  --prediction-type epsilon --arms baseline,masked
    python bench/bench_legibility.py --model latent --arms latent-baseline,latent-encoder,latent-maxpool-lam9-norm

Each arm × seed is its own folder under --work (default runs/legibility); a rerun skips finished ones; the report
(results/legibility.md/.csv/.png/.json) is rebuilt from every finished run after each invocation.

    python bench/bench_legibility.py --report-only --embed-notebook nbs/11_legibility.ipynb

rebuilds the report and saves the outputs of the notebook's Results cells (the docs do not execute notebooks, so this is
how the committed table reaches the docs); run `nbdev_clean --fname nbs/11_legibility.ipynb` afterwards.
"""
import argparse, json, sys
from pathlib import Path

from manga_textloss.core import DatasetError
from manga_textloss.legibility import add_bench_args, cmd_bench_legibility

def embed_results(nb_path:Path, results:str):
    "Run the code cells of the notebook's Results section (they only read `results`) and save their outputs in the notebook."
    from execnb.shell import CaptureShell
    nb = json.loads(nb_path.read_text(encoding='utf-8'))
    heads = [i for i, c in enumerate(nb['cells']) if c['cell_type'] == 'markdown' and ''.join(c['source']).startswith('## ')]
    first = next((i for i in heads if ''.join(nb['cells'][i]['source']).startswith('## Results')), None)
    if first is None: raise DatasetError(f'{nb_path}: no "## Results" section.')
    last = next((i for i in heads if i > first), len(nb['cells']))
    sh = CaptureShell(path=str(nb_path.parent.resolve()))
    sh.run(f"import json\nfrom pathlib import Path\nRESULTS = {str(Path(results).resolve())!r}")
    for i in range(first + 1, last):
        c = nb['cells'][i]
        if c['cell_type'] != 'code': continue
        outs = sh.run(''.join(c['source']))
        if any(o.get('output_type') == 'error' for o in outs): raise DatasetError(f'{nb_path}: Results cell {i} failed: {outs}')
        c['outputs'] = outs
    nb_path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
    print(f'saved the outputs of the Results section ({last - first - 1} cells) in {nb_path}')

if __name__ == '__main__':
    p = add_bench_args(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    p.add_argument('--embed-notebook', default=None, help='after the report, save the Results cell outputs of this notebook (nbs/11_legibility.ipynb)')
    a = p.parse_args()
    try:
        cmd_bench_legibility(a)
        if a.embed_notebook: embed_results(Path(a.embed_notebook), a.out)
    except DatasetError as e: sys.exit(f'error: {e}')
