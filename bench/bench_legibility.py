"""The legibility benchmark (notebook 11) without the `mtl` entry point: `python bench/bench_legibility.py ARGS` runs
`mtl bench-legibility ARGS` (every option, its help and its choices: `python bench/bench_legibility.py --help`).

    OMP_NUM_THREADS=2 python bench/bench_legibility.py --seeds 0,1,2 --work runs/legibility --out results

Each arm × seed is its own folder under --work (a run folder of `train.train` plus its judged samples); a rerun skips
finished ones, and the report (results/legibility.md/.csv/.png/.json, legibility_gallery.png) is rebuilt from every
finished run after each invocation (`--report-only` rebuilds it without training).
"""
import sys

from manga_textloss.cli import main

if __name__ == '__main__': sys.exit(main(['bench-legibility', *sys.argv[1:]]))
