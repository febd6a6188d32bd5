"""An independent print-and-scan check for the mask harness (`mask_styles.py --rescan`): evaluation code only.

`rescan(root, out, seed)` copies a Manga109-format root and degrades its page images with artefacts written apart from
the ones the segmenter trains with (`textseg._scan_window`: AM halftone, resampling, Gaussian blur, Gaussian noise, JPEG)
and from `synthetic.py`'s `scan` style: ordered (Bayer) dither of the greys, ink spreading, uneven light, the facing
page showing through, motion blur, aliased resampling, dust specks, JPEG. Nothing moves, so masks/ and masks_strokes/
stay the ground truth. No default is tuned on it; it decides between trained segmenters (see results/textseg-fonts.md).
"""
import shutil
from pathlib import Path
import cv2, numpy as np

def _bayer(n):
    "The n x n Bayer threshold matrix (n a power of 2), values in (0, 1)."
    m = np.zeros((1, 1))
    while m.shape[0] < n: m = np.block([[4 * m, 4 * m + 2], [4 * m + 3, 4 * m + 1]])
    return (m + 0.5) / m.size

def degrade(img, other, rng):
    "`img` (uint8 grey page) through a random print and scan; `other`: another page of the same size, to show through."
    H, W = img.shape; f = img.astype(np.float32)
    if rng.random() < 0.6:                                    # ordered dither of the greys, dots of 1-3 px
        k = int(rng.integers(1, 4)); t = np.kron(_bayer(int(rng.choice([4, 8]))), np.ones((k, k)))
        t = np.tile(t, (H // t.shape[0] + 1, W // t.shape[1] + 1))[:H, :W] * 255
        grey = (f > 30) & (f < 225); f[grey] = np.where(f > t, 255, 0)[grey]
    if rng.random() < 0.5:                                    # ink spreading on the paper
        f = np.minimum(f, cv2.GaussianBlur(cv2.erode(f, np.ones((2, 2), np.uint8)), (0, 0), 0.7) * rng.uniform(0.9, 1.1))
    if rng.random() < 0.6 and other is not None:              # the facing page showing through, mirrored
        f = np.minimum(f, 255 - rng.uniform(0.06, 0.2) * (255 - cv2.GaussianBlur(other[:, ::-1].astype(np.float32), (0, 0), 1.5)))
    if rng.random() < 0.6:                                    # uneven light across the page
        a = rng.uniform(0, 2 * np.pi); yy, xx = np.mgrid[:H, :W].astype(np.float32)
        r = (xx * np.cos(a) + yy * np.sin(a)); r = (r - r.min()) / max(1, np.ptp(r))
        f = f * (rng.uniform(0.75, 0.95) + rng.uniform(0.03, 0.2) * r)
    if rng.random() < 0.4:                                    # motion blur
        n = int(rng.integers(3, 6)); kern = np.zeros((n, n), np.float32); kern[n // 2] = 1
        kern = cv2.warpAffine(kern, cv2.getRotationMatrix2D(((n - 1) / 2, (n - 1) / 2), float(rng.uniform(0, 180)), 1.0), (n, n))
        f = cv2.filter2D(f, -1, kern / kern.sum())
    if rng.random() < 0.5:                                    # a lower resolution without anti-aliasing, brought back
        s = rng.uniform(0.55, 0.8); small = cv2.resize(f, (round(W * s), round(H * s)), interpolation=cv2.INTER_NEAREST)
        f = cv2.resize(small, (W, H), interpolation=cv2.INTER_CUBIC)
    if rng.random() < 0.5:                                    # dust: dark and light specks
        n = int(H * W * rng.uniform(2e-4, 1e-3)); ys, xs = rng.integers(0, H, n), rng.integers(0, W, n)
        f[ys, xs] = np.where(rng.random(n) < 0.5, rng.uniform(0, 80, n), 255)
    ok, buf = cv2.imencode('.jpg', np.clip(f, 0, 255).round().astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(50, 96))])
    return cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)

def rescan(root, out, seed=0):
    "A copy of `root` at `out` (made once; kept if there) with every page image degraded by `degrade`, deterministic per seed."
    root, out = Path(root), Path(out)
    if out.is_dir(): return out
    tmp = out.with_name(out.name + '.tmp'); shutil.rmtree(tmp, ignore_errors=True); shutil.copytree(root, tmp)
    ims = sorted((tmp/'images').glob('*/*.jpg'))
    for i, f in enumerate(ims):
        rng = np.random.default_rng([seed, i]); img = cv2.imread(str(f), cv2.IMREAD_GRAYSCALE)
        other = cv2.imread(str(ims[(i + 1) % len(ims)]), cv2.IMREAD_GRAYSCALE)
        cv2.imwrite(str(f), degrade(img, other if other is not None and other.shape == img.shape else None, rng), [cv2.IMWRITE_JPEG_QUALITY, 100])
    tmp.rename(out); return out
