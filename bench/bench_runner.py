"""Why `mtl demo` / `mtl bench-legibility` run arms in worker processes on a CPU: training steps per second of the demo's pixel UNet
(`tiny-deep`, 48 px, batch 16, class-conditional) in one process with all cores vs N one-core-share processes side by side.
Ratio: the workers' throughput over the single process's; target: > 1.1x on 2 cores, else `--jobs` auto should be 1.

The two arms are timed interleaved (bench/_paired.py): the single process (this one) and the N workers (started once,
warmed up, then idle between blocks) take turns, each pair timing `workers x k` steps in this process right after `k`
steps in each of the N workers at once (order alternating), and the figure is the median of the paired ratios with its
spread. `--steps` is the number of timed steps per worker, cut into `--pairs` pairs.
Note that this is the one ratio here that load cannot cancel: a neighbour taking a core hurts N side-by-side workers
more than one process with N threads (or the other way round), so run it on an idle machine.

    .venv/bin/python bench/bench_runner.py [--workers 2 --steps 20 --pairs 5 --model-size tiny-deep --resolution 48 --batch-size 16]
"""
import argparse, multiprocessing as mp, os
import torch
import torch.nn.functional as F

from _paired import paired_ratio

def trainer(model_size:str, resolution:int, batch_size:int, threads:int):
    "A function running n train steps of one UNet (x0-style MSE) with `threads` torch threads."
    from manga_textloss.diffusion.ddpm import ddpm_unet
    torch.set_num_threads(threads); torch.manual_seed(0)
    m = ddpm_unet(model_size, resolution, 1, num_classes=11); opt = torch.optim.AdamW(m.parameters(), 2e-3)
    x, t, y = torch.randn(batch_size, 1, resolution, resolution), torch.randint(0, 1000, (batch_size,)), torch.randint(0, 11, (batch_size,))
    def steps(n:int):
        for _ in range(n):
            F.mse_loss(m(x, t, class_labels=y).sample, x).backward(); opt.step(); opt.zero_grad(set_to_none=True)
    return steps

def _worker(conn, args):
    "Build a trainer, then run as many steps as asked, each time, until asked for 0."
    steps = trainer(*args); conn.send('ready')
    while n := conn.recv(): steps(n); conn.send('done')

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--workers', type=int, default=2); ap.add_argument('--steps', type=int, default=20, help='timed steps per worker')
    ap.add_argument('--pairs', type=int, default=5, help='interleaved pairs the steps are cut into')
    ap.add_argument('--model-size', default='tiny-deep'); ap.add_argument('--resolution', type=int, default=48); ap.add_argument('--batch-size', type=int, default=16)
    a = ap.parse_args()
    cores = len(os.sched_getaffinity(0)); per = max(1, cores // a.workers); k = max(1, a.steps // a.pairs)
    one = trainer(a.model_size, a.resolution, a.batch_size, cores)
    ctx = mp.get_context('spawn'); conns, procs = [], []
    for _ in range(a.workers):
        mine, theirs = ctx.Pipe(); p = ctx.Process(target=_worker, args=(theirs, (a.model_size, a.resolution, a.batch_size, per)))
        p.start(); conns.append(mine); procs.append(p)
    for c in conns: c.recv()
    def side_by_side():
        for c in conns: c.send(k)
        for c in conns: c.recv()
    try: r = paired_ratio(lambda: one(a.workers * k), side_by_side, pairs=a.pairs, warmup=1)   # warm-up: k steps of each
    finally:
        for c in conns: c.send(0)
        for p in procs: p.join()
    n = a.workers * k
    print(f'{a.model_size} UNet, {a.resolution} px, batch {a.batch_size}, {cores} cores, {r.n} interleaved pairs of {n} steps per arm:')
    print(f'  one process, {cores} threads: {n / r.a_median:.2f} steps/s | {a.workers} workers × {per} thread(s): {n / r.b_median:.2f} steps/s '
          f'in all (medians) | ratio {r.fmt()} (target > 1.1x on 2 cores)')
