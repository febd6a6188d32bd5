"""Mask matching and SAM backends, as ratios of interleaved timings.

1. Matching on 1654x1170 pages, 100 SAM-like masks x 15 text-sized boxes: the IoU matrix by `mask_box_iou`
   (vectorised) vs a naive per-pair loop (full-page AND and OR per pair) vs the floor of one read pass over all masks
   (`np.count_nonzero` over the stack). Targets: >= 20x faster than the naive loop, <= 3x the floor. The full
   `match_masks` (the whole per-box decision and report) is timed too.
2. `sam-box` vs `sam-amg` seconds per page on the same SAM architecture with random weights (timing only).
3. The default mask pipeline (classical generator, policy `fallback`, the learned segmenter reading every box) on
   1654x1170 pages of the `mixed` synthetic styles, on one core (OpenCV, NumPy and torch single-threaded): seconds per
   page, beside the classical fallback (`fallback='ink'`) and the paper's policy. Target: <= 1 s per page.

Every ratio is timed interleaved (bench/_paired.py): after a warm-up of each arm, each pair times one arm right after the
other (order alternating), and the figure is the median of the paired ratios with its spread (IQR, min-max, n pairs), so
load from other jobs slows both arms of a pair alike. `--pairs` sets the pairs (the SAM pair: `--sam-pairs`, without a
warm-up, since one automatic-mask-generator page takes minutes on a CPU).

    .venv/bin/python bench/bench_masks.py [--sam vit_b] [--points-per-side 32] [--skip-sam] [--pages 6] [--pairs 5] [--sam-pairs 2]
"""
import argparse
import numpy as np
import cv2

from manga_textloss.masks.rule import mask_box_iou, naive_mask_box_iou, mask_record, match_masks, SamBoxGenerator, SamAMGGenerator, load_sam
from _paired import paired_ratio

def sam_like_masks(n, H, W, rng):
    "Blobs of many sizes, like an automatic mask generator's output."
    out = np.zeros((n, H, W), bool)
    for m in out:
        a, b = rng.integers(10, W // 3), rng.integers(10, H // 3)
        cv2.ellipse(m.view(np.uint8), (int(rng.integers(0, W)), int(rng.integers(0, H))), (int(a), int(b)), float(rng.uniform(0, 180)), 0, 360, 1, -1)
    return out

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--masks', type=int, default=100); ap.add_argument('--boxes', type=int, default=15)
    ap.add_argument('--sam', default='vit_b', help="architecture for the SAM timing (random weights), or 'tiny'")
    ap.add_argument('--points-per-side', type=int, default=32); ap.add_argument('--skip-sam', action='store_true')
    ap.add_argument('--pages', type=int, default=6, help='pages for the default-pipeline timing')
    ap.add_argument('--pairs', type=int, default=5, help='interleaved pairs per ratio')
    ap.add_argument('--sam-pairs', type=int, default=2, help='interleaved pairs for sam-amg / sam-box (no warm-up)')
    a = ap.parse_args()
    rng = np.random.default_rng(0); H, W = 1170, 1654
    masks = sam_like_masks(a.masks, H, W, rng)
    x0, y0 = rng.integers(0, W - 120, a.boxes), rng.integers(0, H - 260, a.boxes)
    boxes = np.stack([x0, y0, x0 + rng.integers(25, 110, a.boxes), y0 + rng.integers(50, 250, a.boxes)], 1)
    records = [mask_record(m, 0.5) for m in masks]
    assert np.allclose(mask_box_iou(records, boxes), naive_mask_box_iou(masks, boxes))
    vec = lambda: mask_box_iou(records, boxes); floor = lambda: np.count_nonzero(masks)
    naive_vec = paired_ratio(lambda: naive_mask_box_iou(masks, boxes), vec, pairs=a.pairs, warmup=1)
    vec_floor = paired_ratio(vec, floor, pairs=a.pairs, warmup=1, number=3)
    match_floor = paired_ratio(lambda: match_masks(records, boxes), floor, pairs=a.pairs, warmup=1, number=3)
    print(f'matching {a.masks} masks x {a.boxes} boxes on {W}x{H} (medians of interleaved pairs):')
    print(f'  vectorised {vec_floor.a_median/3*1e3:.1f} ms | naive loop {naive_vec.a_median*1e3:.0f} ms | '
          f'floor (one count_nonzero pass over the masks) {vec_floor.b_median/3*1e3:.1f} ms')
    print(f'  speed-up over naive: {naive_vec.fmt(0)} (target >= 20x); vectorised / floor: {vec_floor.fmt()} (target <= 3x)')
    print(f'  match_masks (whole per-box decision): {match_floor.a_median/3*1e3:.1f} ms, {match_floor.fmt()} the floor')
    cv2.setNumThreads(1)
    import tempfile, torch
    torch.set_num_threads(1)
    from pathlib import Path
    from manga_textloss.data.synthetic import synthesize
    from manga_textloss.data.manga109 import Manga109
    from manga_textloss.masks.rule import ClassicalGenerator, MaskParams, page_text_mask
    with tempfile.TemporaryDirectory() as d:
        pages = [p for p in Manga109(synthesize(Path(d)/'r', books=1, pages=a.pages, seed=1, styles='mixed')).pages() if p.texts]
        for p in pages: p.image('RGB')                     # warm the file cache; decoding is part of the timing below
        gen = ClassicalGenerator()
        run = lambda params: (lambda: [page_text_mask(p, gen, params) for p in pages])
        def_ink = paired_ratio(run(MaskParams()), run(MaskParams(fallback='ink')), pairs=a.pairs, warmup=1)
        pap_ink = paired_ratio(run(MaskParams(policy='paper')), run(MaskParams(fallback='ink')), pairs=a.pairs, warmup=1)
    n = len(pages); t_def, t_ink, t_pap = def_ink.a_median / n, def_ink.b_median / n, pap_ink.a_median / n
    print(f'default masks (classical, policy fallback, learned segmenter), {n} pages {W}x{H} (mixed styles), 1 thread, medians of {a.pairs} interleaved pairs:')
    print(f'  {t_def:.2f} s per page (target <= 1 s) | classical fallback (ink) {t_ink:.2f} s | policy paper {t_pap:.2f} s | '
          f'net / ink: {def_ink.fmt()} | paper / ink: {pap_ink.fmt()}')
    if not a.skip_sam:
        import torch
        from segment_anything import sam_model_registry
        torch.manual_seed(0)
        sam = load_sam('tiny', device='cpu') if a.sam == 'tiny' else sam_model_registry[a.sam]().eval()
        page = np.full((H, W, 3), 255, np.uint8)
        for m in masks[:20]: page[m] = rng.integers(0, 200)
        sam_r = paired_ratio(lambda: SamAMGGenerator(sam, points_per_side=a.points_per_side, stability_score_thresh=0.0)(page),
                             lambda: SamBoxGenerator(sam)(page, boxes), pairs=a.sam_pairs, warmup=0)
        print(f'SAM {a.sam} (random weights, {torch.get_num_threads()} CPU threads), one {W}x{H} page, {a.boxes} boxes:')
        print(f'  sam-box {sam_r.b_median:.1f} s | sam-amg ({a.points_per_side}x{a.points_per_side} points) {sam_r.a_median:.1f} s | '
              f'amg / box: {sam_r.fmt(1)}')
