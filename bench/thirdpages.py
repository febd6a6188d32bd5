"""A third page renderer, for evaluation only (`mask_styles.py --renderer third`).

Written apart from `synthetic.py` (the pages the segmenter trains on and the fallback was tuned on) and from
`heldout.py` (the held-out renderer the issue's targets are reported on): its own layout, glyph drawing (supersampled
2x, then area-resampled), bubbles (ellipses, rounded boxes, spiky bursts), art (Bezier strokes, filled blobs, speed
lines, cross-hatching, drawn dot tone) and print. Its styles are looks neither generator draws:

- `warped-hand`: hand-lettered text, glyphs bent by a smooth random warp and thinned or thickened;
- `coarse-print`: the whole page through a coarse AM screen (4-7 px cells, edges of the text too), blur, noise, JPEG 40-70;
- `on-art`: text straight on busy art (strokes through it), half with a thin white halo;
- `grey-ink`: text in mid grey in white bubbles, or light text in dark captions;
- `horizontal`: horizontal lines of text in boxes and signs;
- `small-dense`: small glyphs (11-16 px) in many close columns.
- `tone-print`: the page printed as manga are: art, grey bubbles and grounds through an AM screen (4-8 px cells), the
  lettering solid black on top; a third of the blocks sit on the art with no bubble; JPEG 60-90. Added on 2026-12-06
  *after* reading the held-out renderer's `scan-halftone` code, to reproduce that style's failure: it is a diagnostic,
  not an independent check (see results/textseg-fonts.md, seventh round).

Ground truth follows the package's convention: strokes are glyph coverage >= 1/2 on the final grid (`masks_strokes/`),
`masks/` is strokes dilated by 2 px. No default is tuned on these pages; they are a check beside the validation pages.
"""
import json, shutil
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr
import cv2, numpy as np
from PIL import Image, ImageDraw, ImageFont
from manga_textloss.core import ellipse, packaged_fonts, stroke_mask

THIRD_STYLES = ('warped-hand', 'coarse-print', 'on-art', 'grey-ink', 'horizontal', 'small-dense', 'tone-print')  # new styles go last: the seed streams index this tuple
PHRASES = ('ちょっと待って', 'それ本当なの', 'なんでだよ', 'あとで電話する', '雨が降りそうだ', 'もう遅いよ', '僕のせいじゃない',
           'ここはどこ', '急げ', 'やっぱりね', '明日また来るよ', 'お腹すいた', '信じられない', 'だから言ったのに', '静かにして',
           '今行くから', 'まさか', 'ありがとう', '気をつけて', 'それでいいの', '約束だよ', 'うるさいな', '見て', 'どうしよう')
SIZE = (1654, 1170)

def _fonts():
    fs = [str(p) for p in packaged_fonts().values()]
    fs += [f for f in ('/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf', '/usr/share/fonts/opentype/ipafont-mincho/ipamp.ttf') if Path(f).is_file()]
    return fs

def _glyphs(lines, s2, font, horizontal):
    "Coverage (uint8, 2x grid) of `lines` at glyph size `s2` px: vertical columns right to left, or horizontal rows."
    f = ImageFont.truetype(font, s2); step = int(s2 * 1.08); gap = int(s2 * 1.35)
    n = max(len(l) for l in lines)
    w, h = (n * step, len(lines) * gap) if horizontal else (len(lines) * gap, n * step)
    im = Image.new('L', (w + 2 * s2, h + 2 * s2), 0); d = ImageDraw.Draw(im)
    for i, line in enumerate(lines):
        for j, ch in enumerate(line):
            x, y = (s2 + j * step + step / 2, s2 + i * gap + gap / 2) if horizontal else (s2 + w - i * gap - gap / 2, s2 + j * step + step / 2)
            d.text((x, y), ch, fill=255, font=f, anchor='mm')
    return np.asarray(im)

def _warp(cov, rng, amp):
    "A smooth random warp of a coverage image (amplitude `amp` px) and a stroke width change."
    h, w = cov.shape
    dx, dy = (cv2.GaussianBlur(rng.normal(size=(h, w)).astype(np.float32), (0, 0), 14) for _ in range(2))
    k = amp / max(1e-6, np.abs(np.stack([dx, dy])).max())
    yy, xx = np.mgrid[:h, :w].astype(np.float32)
    out = cv2.remap(cov, xx + dx * k, yy + dy * k, cv2.INTER_LINEAR, borderValue=0)
    r = rng.integers(-1, 2)
    if r > 0: out = cv2.dilate(out, ellipse(3))
    if r < 0: out = cv2.erode(out, ellipse(3))
    return out

def _bezier(img, rng, W, H, width, grey):
    p = rng.uniform([0, 0], [W, H], size=(4, 2)); t = np.linspace(0, 1, 40)[:, None]
    c = (1 - t) ** 3 * p[0] + 3 * (1 - t) ** 2 * t * p[1] + 3 * (1 - t) * t ** 2 * p[2] + t ** 3 * p[3]
    cv2.polylines(img, [c.astype(np.int32)], False, int(grey), int(width), cv2.LINE_AA)

def _art(canvas, rng, busy):
    "Panels and drawings on the 2x canvas (float, 255 = paper)."
    H, W = canvas.shape; img = canvas.astype(np.uint8)
    xs = np.sort(rng.integers(W // 5, 4 * W // 5, rng.integers(1, 3)))
    for x0, x1 in zip(np.r_[20, xs + 14], np.r_[xs - 14, W - 20]):
        cv2.rectangle(img, (int(x0), 20), (int(x1), H - 20), 0, int(rng.integers(3, 7)))
    for _ in range(int(rng.integers(2, 5))):                       # filled blobs in greys
        c = rng.uniform([0, 0], [W, H]); r = rng.uniform(60, 260); a = np.linspace(0, 2 * np.pi, 24, endpoint=False)
        rr = r * (1 + 0.3 * np.sin(3 * a + rng.uniform(0, 6)))
        cv2.fillPoly(img, [np.c_[c[0] + rr * np.cos(a), c[1] + rr * np.sin(a)].astype(np.int32)], int(rng.integers(140, 235)), cv2.LINE_AA)
    for _ in range(int(rng.integers(3, 8))):                        # drawn dot tone: circles on a grid inside a rectangle
        x0, y0 = rng.integers(0, W - 200), rng.integers(0, H - 200); ww, hh = rng.integers(120, 420, 2); p = int(rng.integers(8, 16)); rad = int(rng.integers(2, p // 2))
        for yy in range(int(y0), int(min(H, y0 + hh)), p):
            for xx in range(int(x0) + (yy // p % 2) * p // 2, int(min(W, x0 + ww)), p): cv2.circle(img, (xx, yy), rad, 60, -1, cv2.LINE_AA)
    for _ in range(int(rng.integers(8, 20) * (3 if busy else 1))):    # ink strokes
        _bezier(img, rng, W, H, rng.integers(2, 12), rng.integers(0, 90))
    if busy:                                                         # speed lines and cross-hatching
        c = rng.uniform([0, 0], [W, H]); 
        for a in rng.uniform(0, 2 * np.pi, 60):
            r0 = rng.uniform(150, 400); cv2.line(img, (int(c[0] + r0 * np.cos(a)), int(c[1] + r0 * np.sin(a))),
                                                 (int(c[0] + 3000 * np.cos(a)), int(c[1] + 3000 * np.sin(a))), 0, int(rng.integers(1, 4)), cv2.LINE_AA)
        for _ in range(3):
            x0, y0 = rng.integers(0, W - 300), rng.integers(0, H - 300); sp = int(rng.integers(7, 14))
            for ang in rng.choice([30, 60, 120, 150], 2, replace=False):
                m = np.zeros_like(img); d = np.deg2rad(ang)
                for k in range(-40, 40): o = k * sp; cv2.line(m, (int(x0 + o / np.sin(d)), int(y0)), (int(x0 + o / np.sin(d) + 400 / np.tan(d)), int(y0 + 400)), 255, 2)
                box = np.zeros_like(img); cv2.rectangle(box, (int(x0), int(y0)), (int(x0 + 300), int(y0 + 300)), 255, -1)
                img[(m > 0) & (box > 0)] = 30
    return img.astype(np.float32)

def _bubble(canvas, rng, x0, y0, x1, y1, fill):
    "A bubble around (x0, y0, x1, y1) on the 2x canvas: ellipse, rounded box or spiky burst, filled, outlined."
    shape = rng.choice(['ellipse', 'round', 'burst']); cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    lw = int(rng.integers(3, 8)); img = canvas.astype(np.uint8)
    if shape == 'ellipse':
        ax = (int((x1 - x0) * 0.72 + 20), int((y1 - y0) * 0.72 + 20))
        cv2.ellipse(img, (int(cx), int(cy)), ax, 0, 0, 360, fill, -1, cv2.LINE_AA); cv2.ellipse(img, (int(cx), int(cy)), ax, 0, 0, 360, 0, lw, cv2.LINE_AA)
    elif shape == 'round':
        m = 24; r = 30
        corners = [((x1 + m - r), (y1 + m - r), 0), ((x0 - m + r), (y1 + m - r), 90), ((x0 - m + r), (y0 - m + r), 180), ((x1 + m - r), (y0 - m + r), 270)]
        poly = np.concatenate([cv2.ellipse2Poly((int(a), int(b)), (r, r), 0, s, s + 90, 10) for a, b, s in corners])
        cv2.fillPoly(img, [poly], fill, cv2.LINE_AA); cv2.polylines(img, [poly], True, 0, lw, cv2.LINE_AA)
    else:
        n = int(rng.integers(14, 26)); a = np.linspace(0, 2 * np.pi, 2 * n, endpoint=False)
        rx, ry = (x1 - x0) * 0.75 + 30, (y1 - y0) * 0.75 + 30; k = np.where(np.arange(2 * n) % 2, 1.0, rng.uniform(1.15, 1.4, 2 * n))
        poly = np.c_[cx + rx * k * np.cos(a), cy + ry * k * np.sin(a)].astype(np.int32)
        cv2.fillPoly(img, [poly], fill, cv2.LINE_AA); cv2.polylines(img, [poly], True, 0, lw, cv2.LINE_AA)
    canvas[:] = img

def _am_threshold(H, W, p, a):
    "An AM round-dot screen's threshold (0-255) on an HxW grid: cells of `p` px at angle `a` (radians); a grey above it prints as paper."
    yy, xx = np.mgrid[:H, :W].astype(np.float32)
    u, v = (xx * np.cos(a) + yy * np.sin(a)) * 2 * np.pi / p, (-xx * np.sin(a) + yy * np.cos(a)) * 2 * np.pi / p
    return 127.5 + 63.75 * (np.cos(u) + np.cos(v))

def _print(img, rng, style):
    "Print and scan of the final page (uint8); coarse-print: an AM screen over the whole page first."
    f = img.astype(np.float32); H, W = f.shape
    if style == 'coarse-print':
        p = rng.uniform(4, 7); a = rng.uniform(0, np.pi / 2)
        f = np.where(cv2.GaussianBlur(f, (0, 0), 0.8) > _am_threshold(H, W, p, a), 255.0, 0.0)
        f = cv2.GaussianBlur(f, (0, 0), rng.uniform(0.6, 1.0)) + rng.normal(0, 6, f.shape); q = int(rng.integers(40, 71))
    else: f = f + rng.normal(0, 2.5, f.shape); q = int(rng.integers(60, 91) if style == 'tone-print' else rng.integers(80, 96))
    ok, buf = cv2.imencode('.jpg', np.clip(f, 0, 255).round().astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, q])
    return buf.tobytes()

def _screen(canvas, rng):
    "tone-print: the 2x canvas's greys through an AM round-dot screen of 4-8 px cells at page size; near-black and near-white stay solid."
    H, W = canvas.shape; p = 2 * rng.uniform(4, 8); a = rng.uniform(0, np.pi / 2)
    dots = np.where(canvas > _am_threshold(H, W, p, a), 255.0, 0.0)
    canvas[:] = np.where(canvas < 35, 0.0, np.where(canvas > 245, 255.0, dots))

def render_page(style, rng):
    "One spread: (jpeg bytes, strokes HxW bool, [(xmin, ymin, xmax, ymax, text)])."
    W, H = SIZE; canvas = np.full((2 * H, 2 * W), 255, np.float32)
    canvas = _art(canvas, rng, busy=style == 'on-art')
    cov_all = np.zeros((2 * H, 2 * W), np.float32); taken, blocks = [], []
    fonts = _fonts()
    for _ in range(int(rng.integers(4, 8))):                            # layout first: every block's glyphs and place
        s = rng.uniform(11, 16) if style == 'small-dense' else rng.uniform(20, 34)
        k = int(rng.integers(3, 7) if style == 'small-dense' else rng.integers(1, 4))
        lines = [PHRASES[i] for i in rng.choice(len(PHRASES), k)]
        cov = _glyphs(lines, int(2 * s), fonts[int(rng.integers(len(fonts)))], style == 'horizontal')
        if style == 'warped-hand': cov = _warp(cov, rng, rng.uniform(3, 7))
        ys, xs = np.nonzero(cov > 0)
        if not len(ys): continue
        cov = cov[ys.min():ys.max() + 1, xs.min():xs.max() + 1]; h, w = cov.shape
        if w + 240 >= 2 * W or h + 240 >= 2 * H: continue
        for _try in range(60):
            x, y = int(rng.integers(120, 2 * W - w - 120)), int(rng.integers(120, 2 * H - h - 120))
            if all(x > b[2] + 160 or x + w < b[0] - 160 or y > b[3] + 160 or y + h < b[1] - 160 for b in taken): break
        else: continue
        taken.append((x, y, x + w, y + h)); ink, fill = 0.0, 255
        if style == 'grey-ink':
            if rng.random() < 0.5: ink = float(rng.uniform(70, 150))
            else: ink, fill = float(rng.uniform(215, 255)), int(rng.integers(20, 90))
        blocks.append((cov, x, y, w, h, ink, fill, ''.join(lines), rng.random()))
    for cov, x, y, w, h, ink, fill, text, u in blocks:                   # then the grounds: bubbles, captions, halos
        if style == 'on-art':
            if u < 0.5:                                                 # a thin white halo
                halo = cv2.dilate(cov, ellipse(int(rng.integers(5, 10)))).astype(np.float32) / 255
                sl = canvas[y:y + h, x:x + w]; sl[:] = sl * (1 - halo) + 255 * halo
        elif fill < 128: cv2.rectangle(canvas, (x - 30, y - 30), (x + w + 30, y + h + 30), fill, -1)
        elif style == 'tone-print':
            if u < 1 / 3: continue                                      # straight on the (screened) art
            _bubble(canvas, rng, x, y, x + w, y + h, int(rng.integers(110, 226)) if u < 2 / 3 else 255)
        else: _bubble(canvas, rng, x, y, x + w, y + h, fill)
    if style == 'tone-print': _screen(canvas, rng)
    boxes = []
    for cov, x, y, w, h, ink, fill, text, u in blocks:                   # then the ink, over everything
        a = cov.astype(np.float32) / 255; sl = canvas[y:y + h, x:x + w]; sl[:] = sl * (1 - a) + ink * a
        cov_all[y:y + h, x:x + w] = np.maximum(cov_all[y:y + h, x:x + w], a)
        boxes.append((x, y, w, h, text))
    img = cv2.resize(canvas, SIZE, interpolation=cv2.INTER_AREA)
    strokes = cv2.resize(cov_all, SIZE, interpolation=cv2.INTER_AREA) >= 0.5
    out = []
    for x, y, w, h, text in boxes:                                      # human-like loose boxes around each block's strokes
        sl = np.s_[y // 2:(y + h + 1) // 2, x // 2:(x + w + 1) // 2]; yy, xx = np.nonzero(strokes[sl])
        if not len(yy): continue
        sx = rng.integers(2, 15, 4)
        out.append((max(0, x // 2 + xx.min() - sx[0]), max(0, y // 2 + yy.min() - sx[1]),
                    min(SIZE[0], x // 2 + xx.max() + 1 + sx[2]), min(SIZE[1], y // 2 + yy.max() + 1 + sx[3]), text))
    return _print(np.clip(img, 0, 255).round().astype(np.uint8), rng, style), strokes, out

def third_root(out, style, seed=0, pages=2):
    "A Manga109-format root at `out` (made once; kept if there): `pages` spreads of `style`, deterministic per seed, with masks/ and masks_strokes/."
    out = Path(out)
    if out.is_dir(): return out
    if style not in THIRD_STYLES: raise ValueError(f'{style!r} is not a third-renderer style ({", ".join(THIRD_STYLES)})')
    tmp = out.with_name(out.name + '.tmp'); shutil.rmtree(tmp, ignore_errors=True)
    book = style.replace('-', '_'); xml = ['<?xml version="1.0" encoding="utf-8"?>', f'<book title={quoteattr(book)}>', '  <characters/>', '  <pages>']
    for d in ('images', 'masks', 'masks_strokes'): (tmp/d/book).mkdir(parents=True)
    n = 0
    for i in range(pages):
        rng = np.random.default_rng([seed, THIRD_STYLES.index(style), i])
        jpg, strokes, boxes = render_page(style, rng)
        (tmp/'images'/book/f'{i:03d}.jpg').write_bytes(jpg)
        cv2.imwrite(str(tmp/'masks_strokes'/book/f'{i:03d}.png'), strokes.astype(np.uint8) * 255)
        cv2.imwrite(str(tmp/'masks'/book/f'{i:03d}.png'), stroke_mask(strokes).astype(np.uint8) * 255)
        xml.append(f'    <page index="{i}" width="{SIZE[0]}" height="{SIZE[1]}">')
        for x0, y0, x1, y1, text in boxes:
            n += 1; xml.append(f'      <text id="t{n:07x}" xmin="{x0}" ymin="{y0}" xmax="{x1}" ymax="{y1}">{escape(text)}</text>')
        xml.append('    </page>')
    (tmp/'annotations').mkdir(); (tmp/'annotations'/f'{book}.xml').write_text('\n'.join(xml + ['  </pages>', '</book>']) + '\n', encoding='utf-8')
    (tmp/'books.txt').write_text(book + '\n')
    (tmp/'third.json').write_text(json.dumps(dict(style=style, seed=seed, pages=pages)))
    tmp.rename(out); return out
