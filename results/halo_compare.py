"""The loss-time halo (`--mask-halo`, px at 1654 px), measured on the benchmark: the masked arms' samples of two work
folders that differ only in the width of the training masks, read by one judge, paired by seed.

    .venv/bin/python results/halo_compare.py NO_HALO_DIR HALO_DIR JUDGE_DIR [SEEDS] > results/legibility-halo.md

NO_HALO_DIR: `mtl bench-legibility --mask-halo 0` on masks at the strokes' thickness; HALO_DIR: the same with a 2 px halo
(or the pre-registered table's work folder, whose masks are the same to one pixel in 180 pages); JUDGE_DIR: the learned
judge every sample is read with (one judge for both, so a difference is the models', not the judges')."""
import json, sys
from pathlib import Path
import numpy as np
from manga_textloss.judging.learned import LearnedJudge
from manga_textloss.experiments.report import sign_flip_p

ARMS = {'masked': 'pixel-sample', 'latent-maxpool-λ9-norm': 'latent-sample'}

def share(judge, folder:Path)->float:
    "The learned judge's share of a run's samples read as their requested text (the benchmark's metric; the unprompted ones left out)."
    z = np.load(folder/'samples.npz'); t = [str(s) for s in z['texts']]; keep = [i for i, s in enumerate(t) if s]
    return float(judge.correct(judge.to_tensor(list(z['images'][keep])), [judge.texts.index(t[i]) for i in keep]).mean())

if __name__ == '__main__':
    h0, h2, jd = map(Path, sys.argv[1:4]); seeds = [int(s) for s in (sys.argv[4] if len(sys.argv) > 4 else '0,1,2').split(',')]
    judge = LearnedJudge.load(jd)
    print("# The loss-time halo: masks at the strokes' thickness, with and without a 2 px halo for the loss\n")
    print(f'Made by `.venv/bin/python results/halo_compare.py {" ".join(sys.argv[1:])}`. Samples of `{h0}` (`--mask-halo 0`) and '
          f'`{h2}` (a 2 px halo), all read by the learned judge of `{jd}`; the share of samples read as the requested text.\n')
    print('| arm | seed | no halo | 2 px halo | halo − none |\n|---|---|---|---|---|')
    rows = []
    for arm, kind in ARMS.items():
        d = []
        for s in seeds:
            a, b = (w/'runs'/kind/arm/f'seed{s}' for w in (h0, h2))
            if not ((a/'done.json').is_file() and (b/'done.json').is_file()): continue
            x, y = share(judge, a), share(judge, b); d.append((x, y)); print(f'| {arm} | {s} | {x:.2f} | {y:.2f} | {y - x:+.2f} |')
        if d: rows.append((arm, len(d), np.mean([x for x, _ in d]), np.mean([y for _, y in d]), sign_flip_p([y - x for x, y in d])))
    print('\n| arm | seeds | no halo | 2 px halo | mean difference | sign-flip p (two-sided) |\n|---|---|---|---|---|---|')
    for arm, n, m0, m2, p in rows: print(f'| {arm} | {n} | {m0:.2f} | {m2:.2f} | {m2 - m0:+.2f} | {p:.2f} |')
