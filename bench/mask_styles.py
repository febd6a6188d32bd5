"""Mask F1 per `synthetic.py` style: the tuning and validation harness of the mask fallbacks (never the held-out renderer).

For each text style of `synthetic.py` (12_styles) it writes a small root of that style alone (1654x1170, `--pages`
spreads per seed, `scan` together with `loose` boxes) and scores, against its ground truth, the paper's policy, the
classical fallback (`fallback='ink'`, 20_boxink) and the default (the learned segmenter, 22_textseg). Pixel counts are
summed over pages (micro-averaged). Seeds 100-301 are the fallbacks' tuning seeds, 302 the segmenter's validation seed;
the segmenter trained on seeds 1000-1008 (`textseg.TRAIN_SEEDS`). Roots with `masks_strokes/` (made since synthetic.py
writes it) add the default's F1 against strokes alone. `--font` renders the pages in another font (a name of
`core.packaged_fonts()` or a font file), `--segmenter` scores another segmenter folder as the default's fallback, and
`--rescan` scores copies of the pages put through an independent print and scan (`manga_textloss.maskeval.checks.rescan`). `--renderer third`
scores the pages of a third renderer instead (`manga_textloss.maskeval.checks.third_root`: code of its own, looks neither synthetic.py nor the
held-out renderer draws; its styles are `thirdpages.THIRD_STYLES`, and `--font` does not apply).

    .venv/bin/python bench/mask_styles.py --seeds 302 [--styles outside,tone] [--pages 2] [--work runs/mask-styles]
        [--font noto-serif] [--segmenter runs/seg] [--arms paper,ink,default] [--rescan] [--renderer third]
"""
import argparse
from pathlib import Path
import cv2
import pandas as pd
from manga_textloss.data.synthetic import synthesize, STYLES
from manga_textloss.masks.rule import MaskParams, ClassicalGenerator, score_pages, style_table
from manga_textloss.core import packaged_fonts
from manga_textloss.maskeval.checks import rescan, third_root, THIRD_STYLES

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--seeds', default='302'); ap.add_argument('--styles', default=None, help='default: every style of the renderer (synthetic.py: all but clean)')
    ap.add_argument('--renderer', choices=('synthetic', 'third'), default='synthetic', help="whose pages: synthetic.py's, or maskeval.checks's")
    ap.add_argument('--pages', type=int, default=2); ap.add_argument('--work', default='runs/mask-styles')
    ap.add_argument('--font', default=None); ap.add_argument('--segmenter', default=None); ap.add_argument('--arms', default='paper,ink,default')
    ap.add_argument('--rescan', action='store_true', help='score the pages after an independent print and scan (maskeval.checks.rescan)')
    a = ap.parse_args()
    if a.renderer == 'third' and a.font: ap.error('--font: the third renderer draws its own fonts; leave --font out with --renderer third')
    valid = THIRD_STYLES if a.renderer == 'third' else STYLES
    a.styles = a.styles or ','.join(s for s in valid if s != 'clean')
    bad = [s for s in a.styles.split(',') if s not in valid]
    if bad: ap.error(f"--styles: {', '.join(bad)} not among the {a.renderer} renderer's styles ({', '.join(valid)})")
    cv2.setNumThreads(1); gen = ClassicalGenerator()
    arms = {'paper': MaskParams(policy='paper'), 'ink fallback': MaskParams(fallback='ink'), 'default': MaskParams(segmenter=a.segmenter)}
    arms = {k: v for k, v in arms.items() if k.split()[0] in a.arms.split(',')}
    font = packaged_fonts().get(a.font, a.font) if a.font else None
    tag = f'-{Path(font).stem}' if font else ''
    rows = []
    for st in a.styles.split(','):
        for seed in (int(s) for s in a.seeds.split(',')):
            if a.renderer == 'third': root = third_root(Path(a.work)/f'third-{st}-{seed}-{a.pages}', st, seed, a.pages)
            else: root = synthesize(Path(a.work)/f'{st}-{seed}-{a.pages}{tag}', books=1, pages=a.pages, seed=seed, quirks=False, font=font,
                                    styles=('scan', 'loose') if st == 'scan' else (st,))
            if a.rescan: root = rescan(root, root.with_name(root.name + '-rescan'), seed)
            rows += [dict(r, style=st) for r in score_pages(root, {arm: (gen, prm) for arm, prm in arms.items()})]   # the scoring of notebook 03
    main = 'default' if 'default' in arms else list(arms)[-1]
    table = style_table(rows, list(arms), main=main, total=True)            # notebook 03's per-style table, worst style first
    print(f'pixel F1 per {"maskeval.checks" if a.renderer == "third" else "synthetic.py"} style, seeds {a.seeds}, {a.pages} spreads each (1654x1170), font {"its own" if a.renderer == "third" else font or "default"}, segmenter {a.segmenter or "shipped"}{", rescanned (maskeval.checks.rescan)" if a.rescan else ""}:')
    pd.set_option('display.width', 200); pd.set_option('display.max_columns', 20)
    print(table.round(3).to_string())
    if f'{main}, strokes' in table and table[f'{main}, strokes'].notna()['all']:
        print(f'strokes-only F1 of the {main} (masks_strokes/): {table.loc["all", f"{main}, strokes"]:.3f}')
