"""Latent diffusion training throughput: cached latents and weights vs encoding every step (as diffusers' examples do),
same model, batch and weight. Target: cached >= 2x.

    .venv/bin/python bench/bench_ldm_cache.py [--weight encoder --unet-size small --vae-size small --resolution 64 --steps 20 --pairs 20]
    .venv/bin/python bench/bench_ldm_cache.py --vae-size sd15 --resolution 128   # Stable Diffusion 1.5's VAE architecture

What caching saves is the VAE encode (two per step with the encoder weight: the image and the masked image), so the ratio
is (UNet step + encodes) / UNet step: small when the UNet dominates, large with SD's VAE at high resolution.

The two arms are timed interleaved (bench/_paired.py): after a warm-up of each, every pair times steps of one arm right
after the same number of steps of the other (order alternating), and the figure is the median of the paired ratios
(encode-every-step time / cached time = cached speed-up) with its spread, so load from other jobs slows both arms of a
pair alike. `--steps` is the number of timed steps per arm, cut into `--pairs` pairs (default: one step per arm a pair).
"""
import argparse, tempfile, time
from pathlib import Path
import torch

from manga_textloss.diffusion.ldm import LDMConfig, LDMTask, CachedItems, small_vae
from manga_textloss.data.synthetic import synthesize
from _paired import paired_ratio

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--weight', default='encoder'); ap.add_argument('--unet-size', default='small'); ap.add_argument('--vae-size', default='small')
    ap.add_argument('--resolution', type=int, default=64); ap.add_argument('--batch-size', type=int, default=8)
    ap.add_argument('--steps', type=int, default=20, help='timed steps per arm')
    ap.add_argument('--pairs', type=int, default=None, help='interleaved pairs the steps are cut into (default: --steps, one step per arm a pair)')
    ap.add_argument('--warmup', type=int, default=2, help='untimed steps of each arm first')
    a = ap.parse_args()
    pairs = a.pairs or a.steps; per = max(1, a.steps // pairs)
    with tempfile.TemporaryDirectory() as d:
        d = Path(d); root = synthesize(d/'syn', books=1, pages=3, size='1654x1170', seed=0)
        if a.vae_size == 'sd15':   # the architecture of stable-diffusion-v1-5/vae (random weights: same cost)
            from diffusers import AutoencoderKL
            AutoencoderKL(in_channels=3, out_channels=3, block_out_channels=(128, 256, 512, 512), layers_per_block=2, latent_channels=4,
                          down_block_types=('DownEncoderBlock2D',) * 4, up_block_types=('UpDecoderBlock2D',) * 4).save_pretrained(d/'vae')
        else: small_vae(a.vae_size).save_pretrained(d/'vae')   # random weights: the cost is the same as a trained VAE's
        common = dict(data_root=str(root), vae=str(d/'vae'), weight=a.weight, unet_size=a.unet_size, resolution=a.resolution, crops_per_page=8)
        t = time.perf_counter(); cached = LDMTask(LDMConfig(**common), d/'c'); t_cache = time.perf_counter() - t
        live = LDMTask(LDMConfig(cache_latents=False, **common), d/'l'); live.model.load_state_dict(cached.model.state_dict())
        def stepper(task):
            opt = torch.optim.AdamW(p for p in task.model.parameters() if p.requires_grad)
            dl = torch.utils.data.DataLoader(task.dataset, batch_size=a.batch_size, shuffle=False, drop_last=True)
            batches, i = [b for _, b in zip(range(4), dl)], [0]
            def step():   # the two arms walk the same batches with the same noise, step for step
                loss, _ = task.loss(task.model, batches[i[0] % len(batches)], torch.Generator().manual_seed(i[0]))
                loss.backward(); opt.step(); opt.zero_grad(set_to_none=True); i[0] += 1
            return step
        r = paired_ratio(stepper(live), stepper(cached), pairs=pairs, warmup=a.warmup, number=per)
    print(f'{a.unet_size} UNet, {a.vae_size} VAE, {a.resolution}px, batch {a.batch_size}, weight {a.weight}, '
          f'{r.n} interleaved pairs of {per} step(s) per arm (CPU):')
    print(f'  cached {per / r.b_median:.2f} steps/s | encode every step {per / r.a_median:.2f} steps/s (medians) | '
          f'ratio cached speed-up {r.fmt()} (target >= 2x); building the cache took {t_cache:.1f} s')
