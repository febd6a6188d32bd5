"""Browser check of the offline docs preview (one check of tools/run_tests.py; exit 0 = pass).

Builds the preview with `tools/docs.py --preview` into a temporary folder and opens it from file:// in headless
Chromium (Debian package `chromium`, driven by pip `playwright`; no browser is downloaded), with every request that is
not file: or data: blocked. It requires:

- the build succeeds and `pages.json` names an existing page for every notebook of the sidebar;
- on every page: the sidebar links every page (links resolve to written files), every <img> has loaded
  (naturalWidth > 0), no remote request was attempted, no JavaScript error, and no widget output lacks its saved state;
- the index page (`index.html`, from nbs/index.ipynb) and the gallery page (from nbs/62_gallery.ipynb, `--gallery`)
  each show, in the notebook content, at least one loaded image and at least one <table> with a data row (<td>);
- every page of the numbered notebooks in FIGURE_NOTEBOOKS shows at least one loaded image in its content (a saved
  figure: `make outputs` regenerates them), so a notebook saved without outputs fails here;
- no notebook saves a progress bar (a tqdm widget or its text): `make outputs` runs with TQDM_DISABLE=1 and then
  `tools/no_progress.py`, which removes the bars of diffusers and transformers (their Jupyter widget ignores the variable).
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURE_NOTEBOOKS = ('11_manga109', '13_synthetic', '12_styles', '31_heldout', '23_masks', '20_boxink', '24_extract', '50_losses',
                    '14_crops', '51_train', '52_ddpm', '53_vae', '54_ldm', '44_evaluate', '41_judges', '42_learned', '63_report',
                    '60_legibility', '33_heldout_masks', '64_demo', '15_source', '32_checks', '34_score', '40_ocr', '61_runner', '10_reader', '30_heldout_draw', '21_maskgen', '43_ppocr')   # each must show a saved figure on its docs page

PROGRESS = re.compile(r'\d+%\|.*\|.*(it/s|s/it|\?it)')   # what a tqdm bar prints: '40%|████      | 2/5 [00:01<00:02, 1.9it/s]'

def progress_outputs(nbs:Path)->list:
    "`notebook: what` for every saved output that is a progress bar (a tqdm widget, or a bar's text in a stream)."
    found = []
    for f in sorted(nbs.glob('*.ipynb')):
        for c in json.loads(f.read_text(encoding='utf-8')).get('cells', []):
            for o in c.get('outputs', []):
                text = o.get('text') or (o.get('data') or {}).get('text/plain') or ''
                text = ''.join(text) if isinstance(text, list) else text
                if PROGRESS.search(text): found.append(f'{f.name}: {text.strip().splitlines()[-1][:70]!r}')
    return found

def find_chromium(given=None):
    cands = [given, os.environ.get('CHROMIUM'), '/usr/lib/chromium/chromium', shutil.which('chromium'), shutil.which('chromium-browser')]
    return next((c for c in cands if c and Path(c).is_file() and os.access(c, os.X_OK)), None)

JS_PAGE = """() => {
  const main = document.querySelector('main') || document.body;
  const imgs = [...document.images].map(i => ({src: (i.getAttribute('src') || '').slice(0, 60), ok: i.complete && i.naturalWidth > 0,
                                               inMain: main.contains(i)}));
  const tables = [...main.querySelectorAll('table')].map(t => t.querySelectorAll('tr td').length ? t.querySelectorAll('tr').length : 0);
  const nav = [...document.querySelectorAll('nav.preview-sidebar a')].map(a => a.getAttribute('href'));
  return {imgs, tables, nav, nostate: document.querySelectorAll('.widget-nostate, .widget-missing').length,
          widgets: document.querySelectorAll('.widget-static').length};
}"""

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--nbs', default=str(ROOT/'nbs'), help='notebook folder to build (default: nbs/)')
    ap.add_argument('--gallery', default='62_gallery', help='gallery notebook (name without .ipynb) whose page must show images and a table')
    ap.add_argument('--chromium', default=None, help='Chromium binary (default: $CHROMIUM, /usr/lib/chromium/chromium, chromium on PATH)')
    ap.add_argument('--keep', default=None, help='build into this folder and keep it (default: a temporary folder)')
    a = ap.parse_args()
    t0 = time.time()
    nbs = Path(a.nbs).resolve()
    fail = lambda msg: (print(f'FAIL: {msg}', flush=True), sys.exit(1))
    for nb, what in ((nbs/'index.ipynb', 'index'), (nbs/f'{a.gallery}.ipynb', 'gallery')):
        if not nb.is_file():
            fail(f'{nb} not found: the docs {what} page is checked for images and a table; add the notebook '
                 f'(with saved outputs: at least one image and one table){" or pass --gallery NAME" if what == "gallery" else ""}.')
    bars = progress_outputs(nbs)
    if bars: fail(f'{len(bars)} saved progress bar(s), e.g. {bars[:3]}: run `make outputs`, or `python tools/no_progress.py NOTEBOOK`.')
    chromium = find_chromium(a.chromium)
    if not chromium: fail('Chromium not found: install the Debian package `chromium` (`make setup` does: tools/setup.sh), or pass --chromium PATH.')
    try: from playwright.sync_api import sync_playwright
    except ImportError: fail('playwright is not installed: `make setup` installs it (settings.ini dev_requirements), or `.venv/bin/pip install playwright`.')

    tmp = Path(tempfile.mkdtemp(prefix='test_docs_'))
    out = Path(a.keep).resolve() if a.keep else tmp/'preview'
    try:
        r = subprocess.run([sys.executable, str(ROOT/'tools'/'docs.py'), '--preview', '--nbs', str(nbs), '--out', str(out)],
                           capture_output=True, text=True, cwd=ROOT)
        t_build = time.time() - t0
        if r.returncode: fail(f'tools/docs.py --preview failed (exit {r.returncode}):\n{(r.stdout + r.stderr)[-3000:]}')
        print(f'built the preview with tools/docs.py in {t_build:.0f} s', flush=True)
        pages = json.loads((out/'pages.json').read_text(encoding='utf-8'))
        by_nb = {p['notebook']: p['page'] for p in pages}
        problems = []
        for p in pages:
            if not (out/p['page']).is_file(): problems.append(f'{p["page"]} (from {p["notebook"]}) was not written')
        required = {by_nb.get('index.ipynb'): 'index.ipynb', by_nb.get(f'{a.gallery}.ipynb'): f'{a.gallery}.ipynb'}
        if None in required: fail(f'pages.json has no page for {required.pop(None)}: {by_nb}')
        if 'index.html' not in required: problems.append(f'index.ipynb became {by_nb["index.ipynb"]}, not index.html')
        remote, js_errors = [], []
        with sync_playwright() as pw:
            ctx = pw.chromium.launch_persistent_context(
                str(tmp/'profile'), executable_path=chromium, headless=True, viewport={'width': 1280, 'height': 900},
                args=['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage',
                      '--no-first-run', '--no-default-browser-check', '--disable-component-update', '--disable-sync'])
            def route(rt):
                u = rt.request.url
                if u.startswith(('file:', 'data:', 'about:')): return rt.continue_()
                remote.append(u); return rt.abort()
            ctx.route('**/*', route)
            page = ctx.new_page()
            page.on('pageerror', lambda e: js_errors.append(f'{page.url.rsplit("/", 1)[-1]}: {e}'))
            for p in pages:
                f = out/p['page']
                if not f.is_file(): continue
                page.goto(f.as_uri(), wait_until='load', timeout=60_000)
                info = page.evaluate(JS_PAGE)
                name = f'{p["page"]} ({p["notebook"]})'
                broken = [i['src'] for i in info['imgs'] if not i['ok']]
                if broken: problems.append(f'{name}: {len(broken)} image(s) did not load: {broken[:3]}')
                linked = {(f.parent/h.split('#')[0]).resolve() for h in info['nav']}
                missing = [q['page'] for q in pages if (out/q['page']).resolve() not in linked]
                if missing: problems.append(f'{name}: the sidebar does not link {missing}')
                dead = [h for h in info['nav'] if not (f.parent/h.split('#')[0]).is_file()]
                if dead: problems.append(f'{name}: sidebar links to missing files: {dead}')
                if info['nostate']: problems.append(f'{name}: {info["nostate"]} widget output(s) saved without their widget state (save the notebook with widget state)')
                n_img = sum(i['ok'] and i['inMain'] for i in info['imgs'])
                rows = [t for t in info['tables'] if t]
                line = f'{name}: {n_img} image(s) loaded, {len(rows)} table(s) with data rows {rows[:5]}, {info["widgets"]} static widget(s)'
                if p['notebook'].removesuffix('.ipynb') in FIGURE_NOTEBOOKS and not n_img:
                    problems.append(f'{name}: no saved figure in the notebook content: run `make outputs` (the notebook was saved without its outputs)')
                if p['page'] in required:
                    if not n_img: problems.append(f'{name}: no loaded image in the notebook content (needs at least one, e.g. a saved PNG output)')
                    if not rows: problems.append(f'{name}: no <table> with a data row in the notebook content (needs at least one, e.g. a Markdown table or a DataFrame output)')
                print(('check ' if p['page'] in required or p['notebook'].removesuffix('.ipynb') in FIGURE_NOTEBOOKS else 'ok    ') + line, flush=True)
            ctx.close()
        if remote: problems.append(f'{len(remote)} remote request(s) attempted (the preview must work offline): {sorted(set(remote))[:5]}')
        if js_errors: problems.append(f'JavaScript errors: {js_errors[:5]}')
        if problems:
            print('\n'.join(f'FAIL: {p}' for p in problems)); sys.exit(1)
        print(f'test_docs: {len(pages)} pages checked in headless Chromium, all requirements met ({time.time() - t0:.0f} s in all)')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

if __name__ == '__main__': main()
