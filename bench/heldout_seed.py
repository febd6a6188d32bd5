"""Score held-out seeds with a given segmenter: per style, the box rectangles, the classical fallback and the default.

For paired comparisons of two nets on the same held-out pages (notebook 03, "A fresh seed"), never for a choice: the
held-out renderer (`31_heldout`) reports, it does not tune. With several seeds (comma-separated) the table pools their
pixel counts (micro-averaged), and a second table gives the default's F1 per style and seed: one seed's 4 spreads are
about 30 boxes per style, and a style's F1 moves by up to 0.1 between seeds.

    .venv/bin/python bench/heldout_seed.py --seed 20261206[,20261207,...] [--pages 4] [--segmenter FOLDER] [--csv OUT.csv]
    .venv/bin/python bench/heldout_seed.py --seed ... --compare FOLDER [--no-baselines]   # two segmenters on the same pages
"""
import argparse, tempfile
from pathlib import Path
import pandas as pd
from manga_textloss.maskeval.heldout import write_heldout_root
from manga_textloss.masks.rule import BBoxGenerator, ClassicalGenerator, MaskParams, score_pages, style_table, summarise_scores

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--seed', required=True, help="the held-out renderer's seed, or several, comma-separated")
    ap.add_argument('--pages', type=int, default=4, help='spreads per style and seed (default 4, as notebook 03 fresh seeds)')
    ap.add_argument('--segmenter', default=None, help='a segmenter folder (mtl train-textseg); default: the shipped one')
    ap.add_argument('--compare', default=None, help="a second segmenter folder, scored on the same pages as the arm 'default: compare' (a paired comparison)")
    ap.add_argument('--no-baselines', action='store_true', help="leave out the box rectangles and the classical fallback (faster when only segmenters are compared)")
    ap.add_argument('--csv', default=None, help="also write the scored rows (one per page and arm, with its seed) to this CSV")
    a = ap.parse_args()
    try: seeds = [int(s) for s in a.seed.split(',')]
    except ValueError: ap.error(f'--seed {a.seed}: whole numbers, comma-separated')
    arms = {'bbox': (BBoxGenerator(), MaskParams()), 'ink fallback': (ClassicalGenerator(), MaskParams(fallback='ink')),
            'default': (ClassicalGenerator(), MaskParams(segmenter=a.segmenter))}
    if a.no_baselines: arms = {'default': arms['default']}
    if a.compare: arms['default: compare'] = (ClassicalGenerator(), MaskParams(segmenter=a.compare))
    tmp, dfs = Path(tempfile.mkdtemp()), []
    for s in seeds:
        root = write_heldout_root(tmp/f'held-{s}', pages=a.pages, seed=s, size='1654x1170')
        dfs.append(pd.DataFrame(score_pages(root, arms)).rename(columns={'book': 'style'}).assign(seed=s))
    df = pd.concat(dfs, ignore_index=True)
    if a.csv: df.to_csv(a.csv, index=False)
    table = style_table(df, list(arms))                          # notebook 03's per-style table, worst style first
    pd.set_option('display.width', 200); pd.set_option('display.max_columns', 20)
    print(f'held-out seed{"s" * (len(seeds) > 1)} {a.seed}, {a.pages} spreads per style{" and seed, pooled" * (len(seeds) > 1)}, segmenter {a.segmenter or "shipped"}{f", compare {a.compare}" if a.compare else ""}:')
    print(table.round(3)); print(summarise_scores(df, 'arm')[['precision', 'recall', 'f1', 'f1_strokes', 'empty', 'boxes']].round(3))
    if len(seeds) > 1:
        per_seed = summarise_scores(df[df.arm == 'default'], ['style', 'seed'])['f1'].unstack('seed').loc[table.index]
        print('the default F1 per style and seed:'); print(per_seed.round(3))
