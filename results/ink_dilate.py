"""ink_dilate 0/1/2 against the strokes ground truth: chosen on synthetic.py's validation seed 302 (training renderer), reported on heldout/third"""
import sys, json, pandas as pd
from manga_textloss.maskeval.score import render_root, RENDERERS
from manga_textloss.masks.rule import MaskParams, score_pages, summarise_scores
from manga_textloss.masks.maskgen import ClassicalGenerator
renderer, seed, pages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
gen = ClassicalGenerator(); arms = {f'ink_dilate={k}': (gen, MaskParams(ink_dilate=k)) for k in (0, 1, 2)}
work = f'runs/inkdilate/{renderer}'; rows = []
if renderer == 'heldout':
    root = render_root('heldout', None, seed, pages, work); rows = [dict(r, style=r['book']) for r in score_pages(root, arms)]
else:
    for st in RENDERERS[renderer]:
        root = render_root(renderer, st, seed, pages, work); rows += [dict(r, style=st) for r in score_pages(root, arms)]
pd.DataFrame(rows).to_csv(f'{work}-{seed}.csv', index=False)
print(renderer, seed, pages); print(summarise_scores(rows, 'arm')[['precision', 'recall', 'f1']].round(3).to_string())
