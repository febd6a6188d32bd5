"""Latent arms with a frozen vs a trained (random, small) text encoder: share of samples the validated learned judge reads
as the requested text, on the demo's root (seed 0), same data, judge, VAE and training seed; the UNet and steps as
`BenchConfig`'s latent arms. The figures in notebook 11 (0.05 / 0.00 at 300 steps, 0.10 / 0.45 at 800) were made by an
uncommitted copy of this script with the same run logic (this file adds the `table` mode), each mode once, two at a
time as one-thread processes; `table` over those folders printed them again:

    TQDM_DISABLE=1 .venv/bin/python bench/latent_text_encoder.py prep
    THREADS=1 .venv/bin/python bench/latent_text_encoder.py frozen latent-baseline 800 &
    THREADS=1 .venv/bin/python bench/latent_text_encoder.py trained latent-baseline 800
    .venv/bin/python bench/latent_text_encoder.py table
"""
import csv, os, sys, time
from pathlib import Path
import torch
from manga_textloss.experiments.bench import Bench, BenchConfig, BENCH_TEXTS

mode = sys.argv[1]   # prep | frozen | trained | table
base = Path('runs/exp-te').absolute(); w1 = base/'w1'
if mode == 'table':
    for f in sorted(base.glob('*-*/runs/latent-*/*/seed0/samples.csv')):
        rows = [r for r in csv.DictReader(open(f, encoding='utf-8')) if r['text']]
        print(f'{f.relative_to(base).parts[0]:<14} {f.parts[-3]:<24} requested {sum(float(r["judge_ok"]) for r in rows) / len(rows):.2f}  '
              f'any {sum(r["judge"] != "" for r in rows) / len(rows):.2f}  (n = {len(rows)})')
    sys.exit()
torch.set_num_threads(int(os.environ.get('THREADS', '1')))
if mode == 'prep':   # data, masks, learned judge and VAE once, in w1
    torch.set_num_threads(2)
    b = Bench(w1, BenchConfig(tesseract=False, train_text_encoder=False)); b.learned_judge; b.vae; print('prep done'); sys.exit()
arm, steps = sys.argv[2], int(sys.argv[3])
w = base/f'{mode}-{steps}'; w.mkdir(parents=True, exist_ok=True)
Bench.vae = property(lambda self: w1/'vae'/'model')   # the shared VAE of w1
if not (w/'judge').exists(): os.symlink(w1/'judge', w/'judge')
cfg = BenchConfig(root=str(w1/'data'), masks=str(w1/'masks'), texts=','.join(BENCH_TEXTS), tesseract=False,
                  train_text_encoder=(mode == 'trained'), latent_steps=steps)
t = time.time(); Bench(w, cfg).run(arm, 0); print(mode, arm, steps, f'{time.time() - t:.0f} s')
