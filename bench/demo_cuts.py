"""Can the demo spend less compute per arm and still show text? Each variant trains the demo's two best arms (pixel
masked-λ9-norm, latent max-pool-λ9-norm) on a finished demo's root, masks, learned judge and VAE, with training seed 7
(not one of the seeds the results report: 0, 1, 2), and prints the share of 60 samples (the five requested texts × 12)
the validated learned judge reads as the requested text. Learning-rate schedule and EMA are `TrainConfig` fields the
benchmark does not expose: this script sets them on each arm's loop settings. Runs are resumed by folder, so a second
call with the same variant prints the figure again.

    .venv/bin/python bench/demo_cuts.py VARIANT ARM [--demo runs/demo-d]   # one run, one thread (two side by side on 2 cores)
    .venv/bin/python bench/demo_cuts.py table                                # every finished run
VARIANT is STEPS[-cosine][-emaDECAY][-bBATCH][-snrGAMMA][-lrRATE][-vae4], e.g. 800, 500-cosine, 600-ema0.995, 800-b12,
600-snr5, 600-lr0.003, 800-vae4 (Min-SNR-γ loss weighting, `LossConfig.snr_gamma`, which the benchmark does not expose
either; the peak learning rate, `BenchConfig.learning_rate`, 2e-3 by default; -vae4: the latent arms on a VAE of the
`tiny` preset, 4× down, trained by the engine in the variant's folder, instead of the finished demo's own VAE).
"""
import csv, dataclasses, json, os, re, sys
from pathlib import Path
import torch
import manga_textloss.experiments.bench as B
from manga_textloss.judging.learned import LearnedJudge

base = Path('runs/demo-cuts').absolute()
args = [a for a in sys.argv[1:] if not a.startswith('--')]
demo = Path(sys.argv[sys.argv.index('--demo') + 1] if '--demo' in sys.argv else 'runs/demo-d').absolute()
if args[0] == 'table':
    print(f'{"variant":<16} {"arm":<24} {"requested":>9} {"train s":>8}')
    for f in sorted(base.glob('*/runs/*/*/seed7/samples.csv')):
        rows = [r for r in csv.DictReader(open(f, encoding='utf-8')) if r['text']]
        secs = list(csv.DictReader(open(f.parent/'train'/'loss.csv')))[-1]['seconds']
        print(f'{f.relative_to(base).parts[0]:<16} {f.parts[-3]:<24} {sum(float(r["judge_ok"]) for r in rows) / len(rows):>9.2f} '
              f'{float(secs):>8.0f}   (n = {len(rows)})')
    sys.exit()
variant, arm = args[0], B.ASCII_ARMS.get(args[1], args[1])
m = re.fullmatch(r'(\d+)(-cosine)?(?:-ema([0-9.]+))?(?:-b(\d+))?(?:-snr([0-9.]+))?(?:-lr([0-9.]+))?(-vae4)?', variant)
if not m: sys.exit(f'variant {variant!r}: STEPS[-cosine][-emaDECAY][-bBATCH][-snrGAMMA][-lrRATE][-vae4]')
steps, cosine, ema, batch, snr, lr = int(m[1]), bool(m[2]), float(m[3] or 0), int(m[4] or 16), float(m[5] or 0), float(m[6] or 2e-3)
own_vae = bool(m[7])
torch.set_num_threads(int(os.environ.get('THREADS', '1')))
loop = B.train_config
def train_config(cfg, out, seed, device='auto', steps=None):
    c = loop(cfg, out, seed, device, steps)
    return dataclasses.replace(c, lr_scheduler='cosine' if cosine else c.lr_scheduler, use_ema=ema > 0, ema_decay=ema or c.ema_decay)
B.train_config = train_config
arms = B.arm_configs
def arm_configs(*a, **k):
    c = arms(*a, **k)
    return dataclasses.replace(c, snr_gamma=snr) if snr else c
B.arm_configs = arm_configs
class Shared(B.Bench):   # the finished demo's VAE (unless -vae4) and judge, not new ones
    vae = property(lambda s: super().vae if own_vae else demo/'vae'/'model')
demo_vae = json.load(open(demo/'vae'/'params.json', encoding='utf-8'))['task']['vae_size']   # the preset the demo's VAE was made with
cfg = B.BenchConfig(root=str(demo/'data'), masks=str(demo/'masks'), texts=','.join(B.BENCH_TEXTS), steps=steps, latent_steps=steps,
                    batch_size=batch, learning_rate=lr, vae_size='tiny' if own_vae else demo_vae, samples_per_text=12, tesseract=False)
b = Shared(base/variant, cfg, progress=False, device='cpu'); b._learned = LearnedJudge.load(demo/'judge')
b.run(arm, 7); print(f'{variant} {arm}: done ({base/variant})')
