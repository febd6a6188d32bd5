"""Wall time and peak memory of a command *and every process it starts* (the demo's worker processes included), sampled
every 0.2 s from /proc: `/usr/bin/time -v` reports only the largest single process, not the sum over a process tree.
Target for `mtl demo`: <= 15 min wall and <= 4 GiB peak summed RSS on 2 idle CPU cores (issue 11).

    .venv/bin/python bench/tree_rss.py -- .venv/bin/mtl demo --out runs/demo-budget
"""
import os, subprocess, sys, time
from pathlib import Path

def _rss_kib(pid:int)->int:
    try:
        for line in Path(f'/proc/{pid}/status').read_text().splitlines():
            if line.startswith('VmRSS:'): return int(line.split()[1])
    except (OSError, ValueError): pass
    return 0

def _tree(root:int)->list[int]:
    kids = {}
    for p in Path('/proc').iterdir():
        if not p.name.isdigit(): continue
        try: ppid = int((p/'stat').read_text().rsplit(')', 1)[1].split()[1])
        except (OSError, ValueError, IndexError): continue
        kids.setdefault(ppid, []).append(int(p.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop(); out.append(pid); todo += kids.get(pid, [])
    return out

if __name__ == '__main__':
    cmd = sys.argv[sys.argv.index('--') + 1:] if '--' in sys.argv else sys.argv[1:]
    if not cmd: sys.exit(__doc__)
    t0 = time.time(); proc = subprocess.Popen(cmd); peak, peak_n = 0, 0
    while proc.poll() is None:
        pids = _tree(proc.pid); rss = sum(_rss_kib(p) for p in pids)
        if rss > peak: peak, peak_n = rss, len(pids)
        time.sleep(0.2)
    wall = time.time() - t0
    print(f'tree_rss: exit {proc.returncode}, wall {wall:.0f} s ({wall / 60:.1f} min), peak RSS summed over the process tree '
          f'{peak / 2**20:.2f} GiB ({peak_n} processes at the peak)', flush=True)
    sys.exit(proc.returncode)
