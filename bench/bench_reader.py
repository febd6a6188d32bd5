"""Reader and synthesiser throughput.

- Parsing: `Manga109` (expat with line numbers, typed objects, clipping) vs the floor of `xml.etree.ElementTree.parse`
  on the same XML files. Target: within 3x of the floor. The two arms are timed interleaved (bench/_paired.py): after a
  warm-up of each, every pair times `--repeat` passes of one right after `--repeat` passes of the other (order
  alternating); the figure is the median of the `--pairs` paired ratios with its spread, so load from other jobs slows
  both arms of a pair alike.
- Synthesis: seconds per full-size (1654x1170) spread.

    .venv/bin/python bench/bench_reader.py [--books 2 --pages 20 --repeat 5 --pairs 10]
"""
import argparse, tempfile, time
import xml.etree.ElementTree as ET
from pathlib import Path

from manga_textloss.data.manga109 import Manga109
from manga_textloss.data.synthetic import synthesize
from _paired import paired_ratio

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--books', type=int, default=2); ap.add_argument('--pages', type=int, default=20)
    ap.add_argument('--repeat', type=int, default=5, help='passes over all the files per arm in each pair')
    ap.add_argument('--pairs', type=int, default=10, help='interleaved pairs'); a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        root = synthesize(Path(d)/'syn', books=a.books, pages=a.pages, size='1654x1170', seed=0)
        synth_s = (time.perf_counter() - t) / (a.books * a.pages)
        xmls = sorted((root/'annotations').glob('*.xml')) + sorted((root/'annotations_COO').glob('*.xml'))  # the reader reads both
        n_boxes = sum(len(p.boxes) for p in Manga109(root).pages())
        r = paired_ratio(lambda: list(Manga109(root)), lambda: [ET.parse(f) for f in xmls], pairs=a.pairs, warmup=1, number=a.repeat)
    print(f'{a.books * a.pages} pages, {n_boxes} boxes')
    print(f'synthesis: {synth_s:.3f} s per 1654x1170 spread')
    print(f'parse: Manga109 {r.a_median/a.repeat*1e3:.2f} ms, ElementTree floor {r.b_median/a.repeat*1e3:.2f} ms (medians per pass), '
          f'ratio {r.fmt()} (target <= 3x)')
