"""How many large worker processes are alive at once when every job runs in a new process. Two ways, 8 jobs that each
hold about 0.5 GB, 2 at a time:
- one `ProcessPoolExecutor(2, max_tasks_per_child=1)` with `spawn_pool`'s initializer (it imports torch): it starts a
  replacement worker while the finished one is still leaving (tried first; two demos had three large workers alive at
  their peak);
- a one-worker pool per job, shut down before the next job's starts (what `runner.Runner.run` does).
It counts the children over 100 MB every 10 ms. Target: at most 2 (the number of workers) the runner's way.

    .venv/bin/python bench/bench_pool_overlap.py
"""
import multiprocessing as mp, os, threading, time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from manga_textloss.core import _init_worker, spawn_pool

def job(seconds:float)->int:
    import torch
    x = [torch.randn(1000, 1000) for _ in range(120)]   # about 0.5 GB
    time.sleep(seconds); return os.getpid()

def big_children(mb:int=100)->int:
    me, n = os.getpid(), 0
    for p in os.listdir('/proc'):
        if not p.isdigit(): continue
        try:
            st = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
            if int(st[1]) == me and st[0] != 'Z' and int(open(f'/proc/{p}/statm').read().split()[1]) * 4096 > mb * 1e6: n += 1
        except (OSError, ValueError, IndexError): pass
    return n

def most_alive(per_job_pool:bool)->int:
    most, stop = [0], [False]
    def watch():
        while not stop[0]: most[0] = max(most[0], big_children()); time.sleep(0.01)
    threading.Thread(target=watch, daemon=True).start()
    todo = [1.0, 1.5, 1.0, 2.0, 1.0, 1.2, 0.8, 1.0]
    shared = None if per_job_pool else ProcessPoolExecutor(2, mp.get_context('spawn'), _init_worker, (1, os.getpid()), max_tasks_per_child=1)   # the runner's first version
    def start():
        pool = spawn_pool(1, 1) if per_job_pool else shared
        return pool.submit(job, todo.pop()), pool
    running = [start() for _ in range(2)]
    while running:
        for item in [r for r in running if r[0] in wait([f for f, _ in running], return_when=FIRST_COMPLETED).done]:
            running.remove(item); item[0].result()
            if per_job_pool: item[1].shutdown(wait=True)
            if todo: running.append(start())
    if shared: shared.shutdown()
    stop[0] = True
    return most[0]

if __name__ == '__main__':
    a, b = most_alive(False), most_alive(True)
    print(f'2 at a time, every job in a new process: at most {a} large workers alive at once with one max_tasks_per_child=1 pool, '
          f'{b} with a pool per job (target: 2)')
