"""Reader and synthesiser throughput, as ratios measured in one run.

- Parsing: `Manga109` (expat with line numbers, typed objects, clipping) vs the floor of `xml.etree.ElementTree.parse`
  on the same XML files. Target: within 3x of the floor.
- Synthesis: seconds per full-size (1654x1170) spread.

    .venv/bin/python bench/bench_reader.py [--books 2 --pages 20 --repeat 5]
"""
import argparse, tempfile, time
import xml.etree.ElementTree as ET
from pathlib import Path

from manga_textloss.manga109 import Manga109
from manga_textloss.synthetic import synthesize

def best(fn, repeat):
    ts = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return min(ts)

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--books', type=int, default=2); ap.add_argument('--pages', type=int, default=20)
    ap.add_argument('--repeat', type=int, default=5); a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        root = synthesize(Path(d)/'syn', books=a.books, pages=a.pages, size='1654x1170', seed=0)
        synth_s = (time.perf_counter() - t) / (a.books * a.pages)
        xmls = sorted((root/'annotations').glob('*.xml')) + sorted((root/'annotations_COO').glob('*.xml'))  # the reader reads both
        n_boxes = sum(len(p.boxes) for p in Manga109(root).pages())
        t_reader = best(lambda: list(Manga109(root)), a.repeat)
        t_floor = best(lambda: [ET.parse(f) for f in xmls], a.repeat)
    print(f'{a.books * a.pages} pages, {n_boxes} boxes')
    print(f'synthesis: {synth_s:.3f} s per 1654x1170 spread')
    print(f'parse: Manga109 {t_reader*1e3:.2f} ms, ElementTree floor {t_floor*1e3:.2f} ms, ratio {t_reader/t_floor:.2f}x (target <= 3x)')
