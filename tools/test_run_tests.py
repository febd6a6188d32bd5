"""Check of tools/run_tests.py's handling of hung checks (one check of `make test`; exit 0 = pass).

A check that never ends is killed after its limit, its stacks are printed (faulthandler on SIGABRT), and it is retried
once; one that hangs only the first time passes on the retry and is reported as FLAKY; an ordinary failure is not retried.
"""
import sys, tempfile, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_tests as rt

py = sys.executable
hang = [py, '-c', 'import threading, time; threading.Thread(target=time.sleep, args=(60,), name="worker").start(); time.sleep(60)']
t = time.time(); label, ok, secs, rep = rt.run_check('hang', hang, timeout=2, retries=1)
assert not ok and 'timed out after 2 s (killed)' in rep and 'FLAKY: attempt 1 timed out' in rep, rep
assert 'Thread' in rep and 'most recent call first' in rep, rep            # both threads' stacks were dumped
assert time.time() - t < 40, time.time() - t                                # killed, not waited for

with tempfile.TemporaryDirectory() as d:
    flag = Path(d)/'seen'
    once = [py, '-c', f'import pathlib, time, sys; f = pathlib.Path({str(flag)!r})\n'
                      'if f.exists(): sys.exit(0)\nf.write_text("x"); time.sleep(60)']
    label, ok, secs, rep = rt.run_check('once', once, timeout=2, retries=1)
    assert ok and label.endswith('(passed on retry after a timeout)') and rep.startswith('FLAKY'), (label, rep)

label, ok, secs, rep = rt.run_check('fails', [py, '-c', 'import sys; print("boom"); sys.exit(3)'], timeout=20, retries=1)
assert not ok and 'boom' in rep and 'FLAKY' not in rep, rep                 # a plain failure is final
label, ok, secs, rep = rt.run_check('no-retry', hang, timeout=2, retries=0)
assert not ok and 'FLAKY' not in rep and 'timed out' in rep, rep
print('run_tests: hung checks are killed, dumped, retried once; plain failures are final')
