"""Pool held-out CSVs (`heldout_seed.py --csv`) and give each style's F1 an interval by resampling its pages.

The pooled tables of notebook 03 ("A fresh seed") and `results/textseg-fonts.md` come from here. Each `--arm` names one
segmenter's rows: a name, then CSV@ARM pairs (the arm's name inside that CSV, e.g. `default` or `default: compare`).
The first arm is the main one: its F1 gets a 95% interval and the chance of falling under `--line` (pages of each style
drawn with replacement, `--draws` times). With a second arm, the difference first - second is bootstrapped with the
pages paired (seed, style, page), so both arms must have scored the same pages.

    .venv/bin/python bench/pool_heldout.py --arm P=a.csv@default,b.csv@default [--arm s=a.csv@'default: compare',...] [--draws 4000]
"""
import argparse
import numpy as np, pandas as pd
from manga_textloss.masks.rule import style_table

def f1(c): return 2 * c[:, 0].sum() / max(1, 2 * c[:, 0].sum() + c[:, 1].sum() + c[:, 2].sum())   # c: pages × (tp, fp, fn)

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--arm', action='append', required=True, help='NAME=CSV@ARM[,CSV@ARM...]; the first --arm is the main one, a second is compared with it')
    ap.add_argument('--draws', type=int, default=4000, help='bootstrap draws (default 4000)')
    ap.add_argument('--line', type=float, default=0.85, help="the F1 whose chance of being missed is shown (default 0.85, issue 10's target)")
    ap.add_argument('--seed', type=int, default=0, help='the bootstrap random seed (default 0)')
    a = ap.parse_args()
    if len(a.arm) > 2: ap.error('--arm: one or two arms')
    parts = []
    for spec in a.arm:
        name, _, srcs = spec.partition('=')
        if not name or not srcs: ap.error(f'--arm {spec}: NAME=CSV@ARM[,CSV@ARM...]')
        for src in srcs.split(','):
            path, _, arm = src.rpartition('@')
            if not path: ap.error(f'--arm {spec}: {src} is not CSV@ARM')
            d = pd.read_csv(path)
            if arm not in set(d.arm): ap.error(f'--arm {spec}: {path} has no arm {arm!r} (it has {", ".join(sorted(set(d.arm)))})')
            parts.append(d[d.arm == arm].assign(arm=name))
    df = pd.concat(parts, ignore_index=True); names = [s.partition('=')[0] for s in a.arm]; main = names[0]
    key = ['seed', 'style', 'page']
    if df.duplicated(key + ['arm']).any(): ap.error('the same page (seed, style, page) appears twice in one arm: a CSV given twice?')
    t = style_table(df, names[::-1], main=main, total=True)
    rng = np.random.default_rng(a.seed); cols = {k: {} for k in ('lo', 'hi', 'under')}; diff = {}
    for st in t.index[:-1]:
        x = df[(df.arm == main) & (df['style'] == st)].sort_values(key)
        c = x[['tp', 'fp', 'fn']].to_numpy(); idx = rng.integers(0, len(c), (a.draws, len(c)))
        bs = np.array([f1(c[i]) for i in idx])
        cols['lo'][st], cols['hi'][st], cols['under'][st] = *np.percentile(bs, [2.5, 97.5]), (bs < a.line).mean()
        if len(names) == 2:
            y = df[(df.arm == names[1]) & (df['style'] == st)].sort_values(key)
            if len(y) != len(x) or not (y[key].to_numpy() == x[key].to_numpy()).all(): ap.error(f'{st}: the two arms did not score the same pages')
            e = y[['tp', 'fp', 'fn']].to_numpy(); bd = np.array([f1(c[i]) - f1(e[i]) for i in idx])
            diff[st] = '{:+.3f} to {:+.3f}'.format(*np.percentile(bd, [2.5, 97.5]))
    t[f'{main} 95% lo'], t[f'{main} 95% hi'], t[f'P({main} < {a.line})'] = (pd.Series(cols[k]) for k in ('lo', 'hi', 'under'))
    if diff: t[f'{main} - {names[1]} 95%'] = pd.Series(diff)
    pd.set_option('display.width', 250); pd.set_option('display.max_columns', 20)
    print(f'{df.seed.nunique()} seeds pooled ({", ".join(map(str, sorted(df.seed.unique())))}), {int(t.loc["all", "boxes"])} boxes, {a.draws} draws:')
    print(t.round(3).to_string())
    m = df[df.arm == main]
    for st in t.index[:2]:
        p = sorted(round(2 * r.tp / max(1, 2 * r.tp + r.fp + r.fn), 2) for r in m[m['style'] == st].itertuples())
        print(f'{st}: the lowest pages {p[:6]} of {len(p)}')
