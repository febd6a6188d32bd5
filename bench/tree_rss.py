"""Wall time and peak memory of a command *and every process it starts* (the demo's worker processes included), sampled
every 0.2 s from /proc: `/usr/bin/time -v` reports only the largest single process, not the sum over a process tree.
At the end it also prints when the peak came and what each process held then (its command line, shortened).
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

def _cmd(pid:int)->str:
    try: c = Path(f'/proc/{pid}/cmdline').read_bytes().replace(b'\0', b' ').decode(errors='replace').strip()
    except OSError: return '?'
    return c if len(c) <= 110 else c[:107] + '...'

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
    t0 = time.time(); proc = subprocess.Popen(cmd); peak, peak_n, peak_t, peak_at = 0, 0, 0.0, []
    while proc.poll() is None:
        pids = _tree(proc.pid); each = [(_rss_kib(p), p) for p in pids]; rss = sum(r for r, _ in each)
        if rss > peak: peak, peak_n, peak_t, peak_at = rss, len(pids), time.time() - t0, [(r, _cmd(p)) for r, p in each]
        time.sleep(0.2)
    wall = time.time() - t0
    print(f'tree_rss: exit {proc.returncode}, wall {wall:.0f} s ({wall / 60:.1f} min), peak RSS summed over the process tree '
          f'{peak / 2**20:.2f} GiB ({peak_n} processes at the peak, {peak_t:.0f} s in)', flush=True)
    for r, c in sorted(peak_at, reverse=True): print(f'  {r / 2**20:5.2f} GiB  {c}', flush=True)
    sys.exit(proc.returncode)
