"""Training-step time of the masked loss vs plain MSE: same model, same batch. Target: <= 1.05x.

The two arms are timed interleaved (bench/_paired.py): after a warm-up of each, every pair times one masked step and one
plain step back to back (order alternating), and the figure is the median of the paired ratios masked / plain with its
spread, so load from other jobs slows both arms of a pair alike. `--steps` is the number of timed steps per arm, cut
into `--pairs` pairs (default: one step per arm in each pair).

    .venv/bin/python bench/bench_ddpm_step.py [--model-size small --resolution 64 --batch-size 8 --steps 20 --pairs 20]
"""
import argparse, tempfile
from pathlib import Path
import torch

from manga_textloss.diffusion.ddpm import DDPMConfig, DDPMTask
from manga_textloss.data.synthetic import synthesize
from _paired import paired_ratio

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--model-size', default='small'); ap.add_argument('--resolution', type=int, default=64)
    ap.add_argument('--batch-size', type=int, default=8); ap.add_argument('--steps', type=int, default=20, help='timed steps per arm')
    ap.add_argument('--pairs', type=int, default=None, help='interleaved pairs the steps are cut into (default: --steps, one step per arm a pair)')
    ap.add_argument('--warmup', type=int, default=3, help='untimed steps of each arm first')
    a = ap.parse_args()
    pairs = a.pairs or a.steps; per = max(1, a.steps // pairs)
    dev = 'cuda' if torch.cuda.is_available() else 'cpu'
    with tempfile.TemporaryDirectory() as d:
        root = synthesize(Path(d)/'syn', books=1, pages=2, size='827x585', seed=0)
        task = DDPMTask(DDPMConfig(data_root=str(root), model_size=a.model_size, resolution=a.resolution), Path(d)/'run')
        model = task.model.to(dev); opt = torch.optim.AdamW(model.parameters(), 1e-4)
        batch = {k: torch.stack([task.dataset[i % len(task.dataset)][k] for i in range(a.batch_size)]).to(dev) for k in ('image', 'mask')}
        count = [0]
        def step(kind):
            task.cfg.loss = kind; count[0] += 1
            loss, _ = task.loss(model, batch, torch.Generator(device=dev).manual_seed(count[0] // 2))   # both arms of a pair: same noise
            loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
        r = paired_ratio(lambda: step('masked'), lambda: step('baseline'), pairs=pairs, warmup=a.warmup, number=per,
                         sync=torch.cuda.synchronize if dev == 'cuda' else None)
    print(f'{a.model_size} UNet2DModel, {a.resolution}px, batch {a.batch_size}, {dev}, {r.n} interleaved pairs of {per} step(s) per arm:')
    print(f'  baseline {r.b_median/per*1e3:.1f} ms | masked {r.a_median/per*1e3:.1f} ms (medians per step) | '
          f'ratio masked / baseline {r.fmt(3)} (target <= 1.05x)')
