"""Training-step time of the masked loss vs plain MSE: same model, same batch, ratio from one run. Target: <= 1.05x.

    .venv/bin/python bench/bench_ddpm_step.py [--model-size small --resolution 64 --batch-size 8 --steps 20]
"""
import argparse, tempfile, time
from pathlib import Path
import torch

from manga_textloss.ddpm import DDPMConfig, DDPMTask
from manga_textloss.synthetic import synthesize

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--model-size', default='small'); ap.add_argument('--resolution', type=int, default=64)
    ap.add_argument('--batch-size', type=int, default=8); ap.add_argument('--steps', type=int, default=20)
    a = ap.parse_args()
    dev = 'cuda' if torch.cuda.is_available() else 'cpu'
    with tempfile.TemporaryDirectory() as d:
        root = synthesize(Path(d)/'syn', books=1, pages=2, size='827x585', seed=0)
        task = DDPMTask(DDPMConfig(data_root=str(root), model_size=a.model_size, resolution=a.resolution), Path(d)/'run')
        model = task.model.to(dev); opt = torch.optim.AdamW(model.parameters(), 1e-4)
        batch = {k: torch.stack([task.dataset[i % len(task.dataset)][k] for i in range(a.batch_size)]).to(dev) for k in ('image', 'mask')}
        times = {'baseline': [], 'masked': []}
        def step(kind, i):
            task.cfg.loss = kind
            if dev == 'cuda': torch.cuda.synchronize()
            t = time.perf_counter()
            loss, _ = task.loss(model, batch, torch.Generator(device=dev).manual_seed(i))
            loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
            if dev == 'cuda': torch.cuda.synchronize()
            return time.perf_counter() - t
        for i in range(3): step('baseline', i); step('masked', i)          # warm-up
        for i in range(a.steps):                                           # interleaved, so drift hits both alike
            for kind in (('baseline', 'masked') if i % 2 else ('masked', 'baseline')): times[kind].append(step(kind, i))
    med = {k: sorted(v)[len(v) // 2] for k, v in times.items()}
    print(f'{a.model_size} UNet2DModel, {a.resolution}px, batch {a.batch_size}, {dev}, median of {a.steps} steps:')
    print(f"  baseline {med['baseline']*1e3:.1f} ms | masked {med['masked']*1e3:.1f} ms | ratio {med['masked']/med['baseline']:.3f}x (target <= 1.05x)")
