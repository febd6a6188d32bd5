"""Training-step cost of the masked loss on Stable Diffusion 1.5's UNet: plain MSE vs `F.mse_loss(p, t) + F.mse_loss(p * w, t * w)`
(w: a per-latent-pixel weight, 1 inside text boxes, 0 elsewhere), step = forward + backward + AdamW step, gradient
checkpointing on, batch 1, a random (1, 77, 768) text embedding. The UNet is built from SD 1.5's config with random weights
(no download; a step costs the same as with the real ones). Reports the median of the interleaved paired ratios
masked / plain (bench/_paired.py: after a warm-up of each arm, each pair times one step of each back to back, order
alternating) with its spread, and each arm's peak memory (CPU: resident set size, sampled; CUDA: max_memory_allocated).
Target: <= 1.05x (the masked loss adds a few latent-sized element-wise ops to a UNet step).

    .venv/bin/python bench/bench_sd15_step.py [--resolution 128 --pairs 3]                  # CPU, 16x16 latents, fp32
    python bench/bench_sd15_step.py --device cuda --resolution 512 --dtype bf16 --pairs 20  # a GPU: 64x64 latents, bf16 autocast

`--dtype bf16` runs forward and loss under bf16 autocast with fp32 weights and AdamW states (mixed precision, as
diffusers' training scripts do); fp32 runs everything in fp32.
"""
import argparse, threading, time
import torch
import torch.nn.functional as F

from _paired import paired_ratio

SD15_UNET = dict(sample_size=64, in_channels=4, out_channels=4, layers_per_block=2, block_out_channels=(320, 640, 1280, 1280),
                 down_block_types=('CrossAttnDownBlock2D', 'CrossAttnDownBlock2D', 'CrossAttnDownBlock2D', 'DownBlock2D'),
                 up_block_types=('UpBlock2D', 'CrossAttnUpBlock2D', 'CrossAttnUpBlock2D', 'CrossAttnUpBlock2D'),
                 cross_attention_dim=768, attention_head_dim=8, norm_num_groups=32)   # stable-diffusion-v1-5/unet/config.json

class PeakMemory:
    "Peak memory while each arm runs: CUDA max_memory_allocated, or on a CPU this process's RSS sampled every 2 ms."
    def __init__(self, device:str):
        self.cuda, self.peak, self.arm = device.startswith('cuda'), {}, None
        if not self.cuda:
            import psutil
            self.proc, self.stop = psutil.Process(), False
            threading.Thread(target=self._sample, daemon=True).start()
    def _sample(self):
        while not self.stop:
            if self.arm is not None: self.peak[self.arm] = max(self.peak.get(self.arm, 0), self.proc.memory_info().rss)
            time.sleep(0.002)
    def wrap(self, arm:str, fn):
        def run():
            if self.cuda: torch.cuda.reset_peak_memory_stats()
            self.arm = arm
            try: fn()
            finally:
                self.arm = None
                if self.cuda: self.peak[arm] = max(self.peak.get(arm, 0), torch.cuda.max_memory_allocated())
        return run

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    ap.add_argument('--resolution', type=int, default=128, help='image size in pixels; latents are 1/8 of it')
    ap.add_argument('--dtype', default='fp32', choices=['fp32', 'bf16'])
    ap.add_argument('--pairs', type=int, default=3, help='interleaved pairs'); ap.add_argument('--warmup', type=int, default=1, help='untimed steps of each arm first')
    a = ap.parse_args()
    from diffusers import UNet2DConditionModel, DDPMScheduler
    dev = torch.device(a.device); torch.manual_seed(0)
    t0 = time.perf_counter()
    unet = UNet2DConditionModel(**SD15_UNET).to(dev).train(); unet.enable_gradient_checkpointing()
    t_build = time.perf_counter() - t0
    opt = torch.optim.AdamW(unet.parameters(), 1e-5)
    sched = DDPMScheduler(num_train_timesteps=1000)
    h = a.resolution // 8
    g = torch.Generator().manual_seed(0)
    latents = torch.randn(1, 4, h, h, generator=g).to(dev); text = torch.randn(1, 77, 768, generator=g).to(dev)
    w = torch.zeros(1, 1, h, h)
    for _ in range(4):   # a few text-box-shaped regions of the latent
        y0, x0 = torch.randint(0, h - h // 4, (2,), generator=g).tolist(); w[..., y0:y0 + h // 4, x0:x0 + h // 8 + 1] = 1
    w = w.to(dev)
    autocast = torch.autocast(dev.type, dtype=torch.bfloat16, enabled=a.dtype == 'bf16')
    count = [0]
    def step(masked:bool):
        gi = torch.Generator().manual_seed(count[0] // 2); count[0] += 1   # both arms of a pair: same noise and timestep
        noise = torch.randn(latents.shape, generator=gi).to(dev); ts = torch.randint(0, 1000, (1,), generator=gi).to(dev)
        with autocast: p = unet(sched.add_noise(latents, noise, ts), ts, encoder_hidden_states=text).sample
        p, t = p.float(), noise
        loss = F.mse_loss(p, t) + F.mse_loss(p * w, t * w) if masked else F.mse_loss(p, t)
        loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
    mem = PeakMemory(a.device)
    r = paired_ratio(mem.wrap('masked', lambda: step(True)), mem.wrap('plain', lambda: step(False)), pairs=a.pairs, warmup=a.warmup,
                     sync=torch.cuda.synchronize if dev.type == 'cuda' else None)
    n_params = sum(p.numel() for p in unet.parameters())
    kind = 'max_memory_allocated' if dev.type == 'cuda' else 'peak RSS'
    print(f'SD 1.5 UNet2DConditionModel ({n_params / 1e6:.0f}M parameters, random weights, built in {t_build:.0f} s), {a.resolution} px '
          f'({h}x{h} latents), batch 1, {a.dtype}, gradient checkpointing, AdamW, {dev}{"" if dev.type == "cuda" else f" ({torch.get_num_threads()} threads)"}, '
          f'{r.n} interleaved pairs:')
    print(f'  plain {r.b_median:.3f} s | masked {r.a_median:.3f} s (medians per step) | ratio masked / plain {r.fmt(3)} (target <= 1.05x)')
    print(f'  {kind}: plain {mem.peak["plain"] / 2**30:.2f} GiB | masked {mem.peak["masked"] / 2**30:.2f} GiB')
