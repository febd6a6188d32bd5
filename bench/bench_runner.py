"""Why `mtl demo` / `mtl bench-legibility` run arms in worker processes on a CPU: training steps per second of the demo's pixel UNet
(`tiny-deep`, 48 px, batch 16, class-conditional) in one process with all cores vs N one-core-share processes side by side.
Ratio from one run (the workers' throughput over the single process's); target: > 1.1x on 2 cores, else `--jobs` auto should be 1.

    .venv/bin/python bench/bench_runner.py [--workers 2 --steps 20 --model-size tiny-deep --resolution 48 --batch-size 16]
"""
import argparse, multiprocessing as mp, os, time
import torch
import torch.nn.functional as F

def steps_per_second(model_size:str, resolution:int, batch_size:int, steps:int, threads:int, start=None)->float:
    "Train steps per second of one UNet (x0-style MSE) with `threads` torch threads; waits on `start` (a barrier) after warm-up."
    from manga_textloss.ddpm import ddpm_unet
    torch.set_num_threads(threads); torch.manual_seed(0)
    m = ddpm_unet(model_size, resolution, 1, num_classes=11); opt = torch.optim.AdamW(m.parameters(), 2e-3)
    x, t, y = torch.randn(batch_size, 1, resolution, resolution), torch.randint(0, 1000, (batch_size,)), torch.randint(0, 11, (batch_size,))
    def step():
        F.mse_loss(m(x, t, class_labels=y).sample, x).backward(); opt.step(); opt.zero_grad(set_to_none=True)
    for _ in range(3): step()
    if start is not None: start.wait()
    t0 = time.perf_counter()
    for _ in range(steps): step()
    return steps / (time.perf_counter() - t0)

def _worker(args): return steps_per_second(*args)

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--workers', type=int, default=2); ap.add_argument('--steps', type=int, default=20)
    ap.add_argument('--model-size', default='tiny-deep'); ap.add_argument('--resolution', type=int, default=48); ap.add_argument('--batch-size', type=int, default=16)
    a = ap.parse_args()
    cores = len(os.sched_getaffinity(0)); per = max(1, cores // a.workers)
    one = steps_per_second(a.model_size, a.resolution, a.batch_size, a.steps, cores)
    ctx = mp.get_context('spawn'); start = ctx.Manager().Barrier(a.workers)
    with ctx.Pool(a.workers) as pool:
        rates = pool.map(_worker, [(a.model_size, a.resolution, a.batch_size, a.steps, per, start)] * a.workers)
    print(f'{a.model_size} UNet, {a.resolution} px, batch {a.batch_size}, {cores} cores, {a.steps} steps each:')
    print(f'  one process, {cores} threads: {one:.2f} steps/s | {a.workers} workers × {per} thread(s): {sum(rates):.2f} steps/s in all '
          f'({", ".join(f"{r:.2f}" for r in rates)}) | ratio {sum(rates) / one:.2f}x (target > 1.1x on 2 cores)')
