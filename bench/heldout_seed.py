"""Score one held-out seed with a given segmenter: per style, the box rectangles, the classical fallback and the default.

For paired comparisons of two nets on the same held-out pages (notebook 03, "A fresh seed"), never for a choice: the
held-out renderer (`02b_heldout`) reports, it does not tune.

    .venv/bin/python bench/heldout_seed.py --seed 20261206 [--pages 4] [--segmenter FOLDER]
"""
import argparse, tempfile
from pathlib import Path
import pandas as pd
from manga_textloss.heldout import write_heldout_root
from manga_textloss.masks import BBoxGenerator, ClassicalGenerator, MaskParams, score_pages, summarise_scores

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--seed', type=int, required=True, help="the held-out renderer's seed")
    ap.add_argument('--pages', type=int, default=4, help='spreads per style (default 4, as notebook 03 fresh seeds)')
    ap.add_argument('--segmenter', default=None, help='a segmenter folder (mtl train-textseg); default: the shipped one')
    a = ap.parse_args()
    root = write_heldout_root(Path(tempfile.mkdtemp())/'held', pages=a.pages, seed=a.seed, size='1654x1170')
    arms = {'bbox': (BBoxGenerator(), MaskParams()), 'ink fallback': (ClassicalGenerator(), MaskParams(fallback='ink')),
            'default': (ClassicalGenerator(), MaskParams(segmenter=a.segmenter))}
    df = pd.DataFrame(score_pages(root, arms)).rename(columns={'book': 'style'})
    per = summarise_scores(df, ['style', 'arm']); d = per.xs('default', level='arm')
    table = per['f1'].unstack('arm')[list(arms)].assign(P=d['precision'], R=d['recall'], strokes=d['f1_strokes'], empty=d['empty'],
                                                        boxes=d['boxes'].astype(int)).sort_values('default')
    pd.set_option('display.width', 200); pd.set_option('display.max_columns', 20)
    print(f'held-out seed {a.seed}, {a.pages} spreads per style, segmenter {a.segmenter or "shipped"}:')
    print(table.round(3)); print(summarise_scores(df, 'arm')[['precision', 'recall', 'f1', 'f1_strokes', 'empty', 'boxes']].round(3))
