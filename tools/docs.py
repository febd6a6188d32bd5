"""Build the docs (called by `make docs`).

With Quarto on PATH this runs `nbdev_docs`: the Quarto website in `_docs/` (config: `_quarto.yml`, `nbs/nbdev.yml`; the
sidebar, `nbs/sidebar.yml`, is generated from the notebooks by `nbdev_sidebar` on every build, so a new notebook
appears in it without editing anything).

Without Quarto (or with `--preview`) it builds an offline preview instead, into `_docs/preview/` by default:

1. every notebook the Quarto sidebar lists, in the sidebar's order (`nbs/sidebar.yml` when `custom_sidebar` is set,
   else what `nbdev_sidebar` generates: index first, then the numbered notebooks);
2. each processed by nbdev's own docs processors (`nbdev.processors.FilterDefaults`, what `nbdev_docs` feeds Quarto):
   `#| hide` / `#| export` cells dropped, `show_doc` rendered for every exported name, title and description from the
   first cell, links to the API docs. One difference, reported: a cell that mixes imports with other code is not run
   for `show_doc` (nbdev runs it, which re-runs tests and trainings and fails when they need earlier cells); `--strict`
   runs nbdev's processors unchanged and so fails where `nbdev_docs` would;
3. rendered with nbconvert into one HTML page per notebook, named as Quarto names it (the frontmatter `output-file`,
   e.g. `62_gallery.ipynb` -> `gallery.html`), with a sidebar linking the pages in order. Images (outputs,
   attachments, files referenced by relative path) are embedded as data URIs and no remote script is loaded, so the
   pages work from file:// without a network. Saved ipywidgets state is rendered statically (controls with their
   values, Output widgets with their images): the JavaScript widget manager cannot load offline. `pages.json` lists
   notebook -> page -> title.

`--refresh-widgets nbs/23_masks.ipynb` reruns a notebook and saves only its widget cells' outputs and the widget state
they need (nbdev_clean keeps notebook metadata `widgets`), which is how the saved tuner state in 23_masks was made.

Exits non-zero with a message naming the notebook when a step fails.
"""
import argparse, base64, html, io, json, os, re, shutil, subprocess, sys, time
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDGET_VIEW = 'application/vnd.jupyter.widget-view+json'
WIDGET_STATE = 'application/vnd.jupyter.widget-state+json'

class DocsError(Exception): pass

def log(msg): print(f'docs: {msg}', flush=True)

# ---------------------------------------------------------------------------------------------------- sidebar order
def sidebar_notebooks(nbs:Path)->list[tuple[str,Path]]:
    "(section, notebook) in the order of the Quarto sidebar (custom `sidebar.yml`, else what `nbdev_sidebar` generates)."
    import yaml
    from nbdev.config import get_config
    from nbdev.quarto import nbdev_sidebar
    yml = nbs/'sidebar.yml'
    if get_config().custom_sidebar and yml.exists(): text = yml.read_text(encoding='utf-8')
    else:
        buf = io.StringIO()
        with redirect_stdout(buf): nbdev_sidebar.__wrapped__(path=nbs, printit=True, force=True)
        text = buf.getvalue()
    try: contents = yaml.safe_load(text)['website']['sidebar']['contents'] or []
    except (TypeError, KeyError, yaml.YAMLError) as e: raise DocsError(f'cannot read the sidebar (website.sidebar.contents): {e}')
    out = []
    def walk(items, section):
        for it in items:
            if isinstance(it, str): out.append((section, it))
            elif isinstance(it, dict):
                sec = str(it.get('section') or it.get('text') or section)
                if isinstance(it.get('href'), str): out.append((sec, it['href']))
                walk(it.get('contents') or [], sec)
    walk(contents, '')
    return [(sec, nbs/p) for sec, p in out if p.endswith('.ipynb') and (nbs/p).is_file()]

# ------------------------------------------------------------------------------------------------ nbdev processing
def _mixed(cell)->bool:
    "A code cell that nbdev's `exec_show_docs` would run only because it has an import among other code."
    from nbdev.processors import _ast_contains, _show_docs, cell_lang
    import ast
    if cell.cell_type != 'code' or cell_lang(cell) != 'python' or not cell.source: return False
    if cell.directives_.keys() & {'export', 'exports', 'exporti', 'exec_doc'}: return False
    trees = cell.parsed_()
    if not trees or _show_docs(trees): return False
    return bool(_ast_contains(trees, (ast.Import, ast.ImportFrom)) and _ast_contains(trees, (ast.Expr, ast.Assign)))

def make_filter(strict:bool):
    "nbdev's `FilterDefaults`; unless `strict`, its `exec_show_docs` skips cells mixing imports with other code."
    from nbdev.processors import FilterDefaults, exec_show_docs
    class exec_show_docs_safe(exec_show_docs):
        skipped = []
        def __call__(self, cell):
            from fastcore.basics import str2bool
            if not self.nb.has_docs_ or not hasattr(self, 'k'): return  # as nbdev: nothing runs without docs
            if str2bool(getattr(self.nb, 'frontmatter_', {}).get('skip_showdoc', False)): return
            if _mixed(cell):
                first = next((l for l in cell.source.strip().splitlines() if not l.lstrip().startswith('#|')), '')
                type(self).skipped.append(first if len(first) <= 40 else first[:39] + '…')
                return
            return super().__call__(cell)
    class PreviewFilter(FilterDefaults):
        def base_procs(self):
            procs = super().base_procs()
            return procs if strict else [exec_show_docs_safe if p is exec_show_docs else p for p in procs]
    return PreviewFilter(), exec_show_docs_safe

def process_notebook(src:Path, strict:bool):
    "The notebook as nbdev's docs processors leave it; returns (nb, first lines of the mixed cells not run)."
    from execnb.nbio import read_nb
    filt, proc = make_filter(strict)
    proc.skipped = []
    nb = read_nb(src)
    cwd, env = os.getcwd(), os.environ.get('IN_TEST')
    os.environ['IN_TEST'] = '1'  # as nbdev.serve_drv does
    try:
        os.chdir(src.parent)
        filt(nb)
    finally:
        os.chdir(cwd)
        if env is None: os.environ.pop('IN_TEST', None)
        else: os.environ['IN_TEST'] = env
    return nb, list(proc.skipped)

# ------------------------------------------------------------------------------------------ static widget rendering
def _esc(x)->str: return html.escape(str(x), quote=True)

def _fmt(v)->str: return f'{v:.4g}' if isinstance(v, float) else str(v)

def output_html(o:dict)->str:
    "HTML for one nbformat output (used for the outputs an Output widget saved)."
    t = o.get('output_type')
    txt = lambda v: ''.join(v) if isinstance(v, list) else str(v)
    if t == 'stream': return f'<pre class="widget-stream">{_esc(txt(o.get("text", "")))}</pre>'
    if t == 'error':
        tb = re.sub(r'\x1b\[[0-9;]*m', '', '\n'.join(o.get('traceback', [])))
        return f'<pre class="widget-error">{_esc(tb)}</pre>'
    d = o.get('data', {})
    for mime in ('image/png', 'image/jpeg', 'image/gif'):
        if mime in d: return f'<img src="data:{mime};base64,{txt(d[mime]).strip()}" alt="widget output">'
    if 'image/svg+xml' in d: return txt(d['image/svg+xml'])
    if 'text/html' in d: return txt(d['text/html'])
    if 'text/markdown' in d:
        from nbconvert.filters.markdown import markdown2html
        return markdown2html(txt(d['text/markdown']))
    if 'text/plain' in d: return f'<pre>{_esc(txt(d["text/plain"]))}</pre>'
    return ''

def widget_html(mid:str, state:dict, depth:int=0)->str:
    "Static HTML for the widget `mid` and its children from the saved widget state (controls show their values)."
    m = state.get(mid)
    if m is None or depth > 50: return f'<span class="widget-missing">[widget {_esc(mid[:8])}: no saved state]</span>'
    name, s = m.get('model_name', ''), m.get('state', {})
    desc = s.get('description') or ''
    lab = f'<span class="widget-label">{_esc(desc)}</span>' if desc else ''
    kid = lambda c: widget_html(str(c).removeprefix('IPY_MODEL_'), state, depth + 1)
    if 'children' in s and isinstance(s['children'], list):
        cls = 'widget-hbox' if name in ('HBoxModel', 'GridBoxModel') else 'widget-vbox'
        titles = s.get('titles') or []
        kids = [(f'<div class="widget-title">{_esc(titles[i])}</div>' if i < len(titles) and titles[i] else '') + kid(c)
                for i, c in enumerate(s['children'])]
        return f'<div class="{cls}">{"".join(kids)}</div>'
    if name == 'OutputModel':
        return '<div class="widget-output">' + ''.join(output_html(o) for o in s.get('outputs', [])) + '</div>'
    if name in ('HTMLModel', 'HTMLMathModel'): return f'<div class="widget-row widget-html">{lab}<span>{s.get("value", "")}</span></div>'
    if name == 'LabelModel': return f'<div class="widget-row">{lab}<span>{_esc(s.get("value", ""))}</span></div>'
    if name == 'ImageModel':
        buf = next((b for b in m.get('buffers', []) if b.get('path') == ['value']), None)
        if buf and buf.get('encoding', 'base64') == 'base64':
            fmt = s.get('format', 'png')
            return f'<img src="data:image/{_esc(fmt)};base64,{buf["data"]}" alt="{_esc(desc or "image widget")}">'
        return f'<div class="widget-row">{lab}[image]</div>'
    if '_options_labels' in s:
        labels, idx = s.get('_options_labels') or [], s.get('index')
        sel = set(idx) if isinstance(idx, (list, tuple)) else {idx}
        if name in ('ToggleButtonsModel', 'RadioButtonsModel'):
            opts = ''.join(f'<span class="widget-option{" selected" if i in sel else ""}">{_esc(l)}</span>' for i, l in enumerate(labels))
            return f'<div class="widget-row">{lab}<span class="widget-options">{opts}</span></div>'
        opts = ''.join(f'<option{" selected" if i in sel else ""}>{_esc(l)}</option>' for i, l in enumerate(labels))
        multi = ' multiple' if isinstance(idx, (list, tuple)) else ''
        return f'<div class="widget-row">{lab}<select disabled{multi}>{opts}</select></div>'
    v = s.get('value')
    if 'Slider' in name or 'Progress' in name:
        if isinstance(v, list): return f'<div class="widget-row">{lab}<span class="widget-value">{" – ".join(map(_fmt, v))}</span></div>'
        rng = ''.join(f' {k}="{_esc(s[k])}"' for k in ('min', 'max', 'step') if isinstance(s.get(k), (int, float)))
        if 'Log' in name: rng = ''
        return f'<div class="widget-row">{lab}<input type="range" disabled{rng} value="{_esc(v)}"><span class="widget-value">{_esc(_fmt(v))}</span></div>'
    if name == 'ButtonModel': return f'<div class="widget-row"><button disabled>{_esc(desc or "button")}</button></div>'
    if name in ('CheckboxModel', 'ToggleButtonModel'):
        return f'<div class="widget-row"><label><input type="checkbox" disabled{" checked" if v else ""}> {_esc(desc)}</label></div>'
    if isinstance(v, (str, int, float)) and not isinstance(v, bool):
        return f'<div class="widget-row">{lab}<input type="text" disabled value="{_esc(v)}"></div>'
    return f'<div class="widget-row">{lab}<span class="widget-other">[{_esc(name.removesuffix("Model") or "widget")}]</span></div>'

def static_widget(view:dict, state:dict, plain:str)->str:
    mid = view.get('model_id', '')
    if mid not in state:
        return (f'<div class="widget-static widget-nostate"><pre>{_esc(plain)}</pre><p class="widget-note">Widget state was not saved with '
                'this notebook: run it in Jupyter to see the widget.</p></div>')
    return (f'<div class="widget-static">{widget_html(mid, state)}<p class="widget-note">Static rendering of the widget '
            'state saved with the notebook; open the notebook in Jupyter to use the controls.</p></div>')

# ------------------------------------------------------------------------------ processed notebook -> nbconvert-ready
_re_opt = re.compile(r'^\s*#\|\s*([\w-]+)\s*:\s*(.*?)\s*$')
_re_attr_link = re.compile(r'\[([^\]]*)\]\(([^)\s]+)\)\{([^}]*)\}')  # pandoc [text](url){attrs}: show_doc's source link

def _attr_links(text:str)->str:
    def a(m):
        attrs = ''.join(f' {k}="{_esc(v)}"' for k, v in re.findall(r'([\w-]+)="([^"]*)"', m.group(3)))
        return f'<a href="{_esc(m.group(2))}"{attrs}>{_esc(m.group(1))}</a>'
    return _re_attr_link.sub(a, text)

_re_md_img = re.compile(r'(!\[[^\]]*\]\()([^)\s]+)((?:\s+"[^"]*")?\))')
_re_html_img = re.compile(r'(<img\b[^>]*?\bsrc=)(["\'])([^"\']+)\2', re.IGNORECASE)

def embed_local_images(text:str, base:Path)->str:
    "Image files referenced by relative path (Markdown or <img>) -> data URIs, so the page works anywhere."
    import mimetypes
    def uri(src):
        if re.match(r'^(?:[a-z][\w+.-]*:|/|#)', src, re.IGNORECASE): return src  # data:, http:, attachment:, absolute
        f = base/src.split('#')[0].split('?')[0]
        mime = mimetypes.guess_type(f.name)[0]
        if not f.is_file() or not mime or not mime.startswith('image/'): return src
        return f'data:{mime};base64,' + base64.b64encode(f.read_bytes()).decode()
    text = _re_md_img.sub(lambda m: m.group(1) + uri(m.group(2)) + m.group(3), text)
    return _re_html_img.sub(lambda m: m.group(1) + m.group(2) + uri(m.group(3)) + m.group(2), text)

def _txt(v): return ''.join(v) if isinstance(v, list) else (v or '')

def prepare(nb, links, base:Path)->dict:
    "Turn what nbdev's processors leave (Quarto cell options, frontmatter, doc links, widget views) into what nbconvert renders."
    import yaml
    state = (nb.get('metadata', {}).get('widgets', {}) or {}).get(WIDGET_STATE, {}).get('state', {})
    fix = lambda t: embed_local_images(links(_attr_links(t)), base)
    cells, fm = [], {}
    for c in nb['cells']:
        c = dict(c); src = _txt(c.get('source'))
        if c['cell_type'] == 'raw' and src.lstrip().startswith('---') and not fm:
            try: fm = yaml.safe_load(src.strip().strip('-')) or {}
            except yaml.YAMLError: fm = {}
            if not isinstance(fm, dict): fm = {}
            head = f'# {fm["title"]}\n' if fm.get('title') else ''
            if fm.get('description'): head += f'\n<p class="description">{_esc(fm["description"])}</p>\n'
            if head: cells.append(dict(cell_type='markdown', metadata={}, source=head, id=f'title{len(cells)}'))
            continue
        if c['cell_type'] == 'markdown':
            c['source'] = fix(src)
            if c['source'].strip(): cells.append(c)
            continue
        if c['cell_type'] != 'code': cells.append(c); continue
        lines, opts = src.splitlines(), {}
        while lines and _re_opt.match(lines[0]):
            k, v = _re_opt.match(lines[0]).groups(); opts[k] = v.strip('"\''); lines.pop(0)
        c['source'] = '\n'.join(lines).strip('\n')
        if opts.get('include') == 'false': continue
        outs = [] if opts.get('output') == 'false' else list(c.get('outputs', []))
        new = []
        for o in outs:
            o = dict(o)
            if 'data' in o:
                d = dict(o['data'])
                if WIDGET_VIEW in d:
                    d = {'text/html': static_widget(d[WIDGET_VIEW], state, _txt(d.get('text/plain')))}
                if 'text/markdown' in d: d['text/markdown'] = fix(_txt(d['text/markdown']))
                if 'text/html' in d: d['text/html'] = embed_local_images(links(_txt(d['text/html'])), base)
                o['data'] = d
            new.append(o)
        c['outputs'] = new
        c['metadata'] = dict(c.get('metadata', {}))
        if opts.get('echo') == 'false' or not c['source'].strip():
            if not new: continue
            c['metadata']['transient'] = {'remove_source': True}
        cells.append(c)
    nb['cells'] = cells
    nb['metadata'] = {k: v for k, v in nb['metadata'].items() if k != 'widgets'}  # no JS widget manager offline
    return fm

# ----------------------------------------------------------------------------------------------------- HTML output
TEMPLATE = r"""{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block extra_css %}<style type="text/css">{{ resources.preview_css }}</style>{% endblock extra_css %}
{%- block body_header -%}
<body class="jp-Notebook docs-preview" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
<nav class="preview-sidebar" aria-label="pages">{{ resources.preview_nav }}</nav>
<main class="preview-main">
{%- endblock body_header -%}
"""

CSS = """
body.docs-preview { margin: 0; padding: 0; }
.preview-sidebar { position: fixed; top: 0; bottom: 0; left: 0; width: 16rem; overflow-y: auto; box-sizing: border-box;
  padding: 1rem; background: #f7f7f9; border-right: 1px solid #ddd; font: 14px/1.5 system-ui, sans-serif; }
.preview-sidebar .site-title { display: block; font-size: 1.15rem; font-weight: 600; margin-bottom: .3rem; color: #222; text-decoration: none; }
.preview-sidebar .preview-banner { font-size: .8rem; color: #777; margin: 0 0 .8rem; }
.preview-sidebar ol { list-style: none; margin: 0; padding: 0; }
.preview-sidebar li a { display: block; padding: .2rem .4rem; border-radius: 4px; color: #2a5db0; text-decoration: none; }
.preview-sidebar li a:hover { background: #e8eefa; }
.preview-sidebar li a.active { background: #2a5db0; color: #fff; }
.preview-sidebar li.nav-section { margin: .8rem 0 .2rem; padding-left: .4rem; font-weight: 600; color: #555; text-transform: capitalize; }
main.preview-main { margin-left: 16rem; padding: 1rem 2rem 4rem; max-width: 1150px; }
p.description { font-style: italic; font-size: 125%; opacity: .7; }
.jp-RenderedHTMLCommon table { margin: .5rem 0; }
.widget-static { border: 1px solid #ccc; border-radius: 4px; padding: .5rem; margin: .3rem 0; }
.widget-hbox { display: flex; flex-direction: row; gap: 1rem; align-items: flex-start; flex-wrap: wrap; }
.widget-vbox { display: flex; flex-direction: column; gap: .3rem; }
.widget-row { display: flex; gap: .5rem; align-items: center; font: 13px system-ui, sans-serif; }
.widget-label { min-width: 6rem; text-align: right; color: #333; }
.widget-value { font-family: monospace; }
.widget-option { border: 1px solid #ccc; padding: 0 .4rem; color: #555; }
.widget-option.selected { background: #2a5db0; color: #fff; }
.widget-output img, .widget-static img { max-width: 100%; }
.widget-note { font-size: .8rem; color: #777; margin: .4rem 0 0; }
@media (max-width: 800px) { .preview-sidebar { position: static; width: auto; } main.preview-main { margin-left: 0; } }
"""

def nav_html(site_title:str, pages:list, current:str)->str:
    "Sidebar: site title (links to the index) and the pages in sidebar order; hrefs relative to `current`."
    rel = lambda p: os.path.relpath(p, os.path.dirname(current) or '.').replace(os.sep, '/')
    home = next((p['page'] for p in pages if p['page'] == 'index.html'), pages[0]['page'] if pages else 'index.html')
    items, section = '', ''
    for p in pages:
        if p.get('section', '') != section:
            section = p.get('section', '')
            items += f'<li class="nav-section">{_esc(section)}</li>' if section else ''
        items += (f'<li><a href="{_esc(rel(p["page"]))}"{" class=active aria-current=page" if p["page"] == current else ""}>'
                  f'{_esc(p["title"])}</a></li>')
    return (f'<a class="site-title" href="{_esc(rel(home))}">{_esc(site_title)}</a>'
            f'<p class="preview-banner">offline preview (nbconvert)</p><ol>{items}</ol>')

def render_pages(built:list, out:Path, site_title:str):
    "Write one HTML page per prepared notebook, with the sidebar."
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    exp = HTMLExporter(template_name='lab', extra_loaders=[DictLoader({'preview.html.j2': TEMPLATE})],
                       template_file='preview.html.j2', embed_images=False, anchor_link_text='¶',
                       exclude_input_prompt=True, exclude_output_prompt=True)
    for b in built:
        nb = nbformat.from_dict(b['nb'])
        nb.metadata['title'] = b['title']
        res = {'metadata': {'name': b['title'], 'path': str(b['src'].parent)},
               'preview_nav': nav_html(site_title, built, b['page']), 'preview_css': CSS}
        try: body, _ = exp.from_notebook_node(nb, resources=res)
        except Exception as e: raise DocsError(f'{b["src"].name}: nbconvert failed: {type(e).__name__}: {e}') from e
        dest = out/b['page']; dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(body, encoding='utf-8')

def build_preview(nbs:Path, out:Path, strict:bool=False)->list:
    import yaml
    from nbdev.config import get_config
    from nbdev.doclinks import _nbpath2html
    cfg = get_config()
    if not nbs.is_dir(): raise DocsError(f'notebook folder not found: {nbs}')
    srcs = sidebar_notebooks(nbs)
    if not srcs: raise DocsError(f'no notebooks listed by the sidebar of {nbs}')
    if out.exists():
        if not out.is_dir() or (any(out.iterdir()) and not (out/'pages.json').exists()):
            raise DocsError(f'{out} exists and is not a preview built by this script (no pages.json): refusing to overwrite it; pass another --out')
        shutil.rmtree(out)
    out.mkdir(parents=True)
    base = (str(cfg.get('doc_host', '')).rstrip('/') + '/' + str(cfg.get('doc_baseurl', '')).strip('/')).rstrip('/') + '/'
    built, failed, notes = [], [], []
    for section, src in srcs:
        t = time.time()
        name = src.relative_to(nbs).as_posix()
        try: nb, skipped = process_notebook(src, strict)
        except Exception as e:
            lines = [l for l in str(e).splitlines() if l.strip()] or [type(e).__name__]
            msg = ' '.join(lines[:2]) + (f' -> {type(e.__cause__).__name__}: {e.__cause__}' if e.__cause__ else '')
            failed.append(f'{name}: nbdev processing failed: {msg}'); continue
        if skipped: notes.append(f'{name}: {len(skipped)} cell(s) mixing imports with other code not run for show_doc '
                                 f'(nbdev_docs runs them): ' + ', '.join(map(repr, skipped)))
        rel_dir = src.parent.relative_to(nbs)
        built.append(dict(src=src, nb=nb, rel_dir=rel_dir, section=section, secs=time.time() - t))
    # page names: the frontmatter output-file (what Quarto writes), else nbdev's own rule (numeric prefix dropped)
    pages = {}
    for b in built:
        fm = {}
        for c in b['nb']['cells']:
            if c['cell_type'] == 'raw' and _txt(c.get('source')).lstrip().startswith('---'):
                try: fm = yaml.safe_load(_txt(c['source']).strip().strip('-')) or {}
                except yaml.YAMLError: fm = {}
                break
        fm = fm if isinstance(fm, dict) else {}
        name = fm.get('output-file') or _nbpath2html(Path(b['src'].name)).name
        b['page'] = (b['rel_dir']/name).as_posix()
        b['title'] = str(fm.get('title') or b['src'].stem)
        if b['page'] in pages:
            raise DocsError(f'{b["src"].name} and {pages[b["page"]]["src"].name} both become {b["page"]} (as on the Quarto site): rename one')
        pages[b['page']] = b
    def links(text:str, cur:str='')->str:
        "Absolute links to this project's docs site -> the preview's pages."
        def sub(m):
            target, frag = m.group(1), m.group(2) or ''
            if target not in pages: return m.group(0)
            return os.path.relpath(target, os.path.dirname(cur) or '.').replace(os.sep, '/') + frag
        return re.sub(re.escape(base) + r'([\w\-./]+\.html)(#[\w\-.]*)?', sub, text) if base != '/' else text
    for b in built:
        prepare(b['nb'], lambda t, cur=b['page']: links(t, cur), b['src'].parent)
    render_pages(built, out, str(cfg.get('title', cfg.get('lib_name', 'docs'))))
    manifest = [dict(notebook=b['src'].relative_to(nbs).as_posix(), page=b['page'], title=b['title'], section=b['section'])
                for b in built]
    (out/'pages.json').write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding='utf-8')
    if notes: log('note: the preview skips cells that nbdev_docs would run for show_doc because they mix imports with other '
                  'code (nbdev warns "Found cells containing imports and other code"; put the imports in a cell of their own):')
    for n in notes: log(f'  {n}')
    if failed:
        raise DocsError('these notebooks could not be processed (their pages were not written):\n  ' + '\n  '.join(failed)
                        + ('' if strict else '\n  (run nbdev_docs / `tools/docs.py --strict` to see the full error)'))
    return built

def _reachable(mids, state:dict)->dict:
    "The saved state of widgets `mids` and of every model they reference (children, layout, style, ...)."
    keep, todo = {}, list(mids)
    while todo:
        m = todo.pop()
        if m in keep or m not in state: continue
        keep[m] = state[m]
        todo += re.findall(r'IPY_MODEL_([0-9a-f]+)', json.dumps(state[m]['state']))
    return keep

def refresh_widgets(src:Path, timeout:int=600):
    """Run notebook `src` (nbclient, from its folder, default parameters) and save into it, for the cells that display
    a widget, their new outputs and the widget state they need. Nothing else in the notebook changes."""
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(src, as_version=4)
    run = nbformat.read(src, as_version=4)
    log(f'running {src.name} to capture widget state (this runs every cell; at most {timeout} s a cell)')
    t0 = time.time()
    def start(cell, cell_index):
        if cell.cell_type == 'code': print(f'  {time.time() - t0:5.0f} s  cell {cell_index}: {cell.source.splitlines()[0][:60] if cell.source else ""}', flush=True)
    NotebookClient(run, timeout=timeout, kernel_name='python3', store_widget_state=True, on_cell_start=start,
                   resources={'metadata': {'path': str(src.parent)}}).execute()
    state = run.metadata.get('widgets', {}).get(WIDGET_STATE, {})
    views = {c.id: c.outputs for c in run.cells if c.cell_type == 'code'
             and any(WIDGET_VIEW in o.get('data', {}) for o in c.outputs)}
    if not views: raise DocsError(f'{src.name}: no cell displays a widget')
    mids = [o['data'][WIDGET_VIEW]['model_id'] for outs in views.values() for o in outs if WIDGET_VIEW in o.get('data', {})]
    for c in nb.cells:
        if c.get('id') in views: c.outputs = views[c.id]
    nb.metadata['widgets'] = {WIDGET_STATE: {**{k: v for k, v in state.items() if k != 'state'}, 'state': _reachable(mids, state.get('state', {}))}}
    nbformat.write(nb, src)
    log(f'{src.name}: saved the outputs of {len(views)} widget cell(s) and {len(nb.metadata["widgets"][WIDGET_STATE]["state"])} '
        'widget models; now run nbdev_clean')

def run_nbdev_docs()->int:
    exe = Path(sys.executable).parent/'nbdev_docs'
    cmd = [str(exe)] if exe.exists() else [shutil.which('nbdev_docs') or 'nbdev_docs']
    log(f'Quarto found ({shutil.which("quarto")}): running {" ".join(cmd)} (site in _docs/)')
    return subprocess.run(cmd, cwd=ROOT).returncode

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', default=None, help='preview folder (default: <doc_path>/preview, i.e. _docs/preview)')
    ap.add_argument('--nbs', default=None, help='notebook folder (default: nbs_path from settings.ini)')
    ap.add_argument('--preview', action='store_true', help='build the offline preview even when Quarto is installed')
    ap.add_argument('--strict', action='store_true', help="run nbdev's processors unchanged (fail where nbdev_docs would)")
    ap.add_argument('--refresh-widgets', metavar='NOTEBOOK', default=None,
                    help='run NOTEBOOK and save the outputs and widget state of its widget cells (then run nbdev_clean)')
    a = ap.parse_args(argv)
    if a.refresh_widgets:
        src = Path(a.refresh_widgets).resolve()
        os.chdir(ROOT)
        try: refresh_widgets(src)
        except Exception as e:
            log(f'FAILED: {e}'); return 1
        return 0
    os.chdir(ROOT)
    from nbdev.config import get_config
    cfg = get_config()
    if not a.preview and shutil.which('quarto'):
        rc = run_nbdev_docs()
        if rc: log(f'nbdev_docs failed (exit {rc}); `python tools/docs.py --preview` builds the offline preview instead')
        return rc
    out = Path(a.out).resolve() if a.out else cfg.doc_path/'preview'
    nbs = Path(a.nbs).resolve() if a.nbs else cfg.nbs_path
    if not a.preview:
        log(f'Quarto is not installed (no `quarto` on PATH), so nbdev_docs cannot run: building an offline preview with nbconvert into {os.path.relpath(out, ROOT)} instead')
    t = time.time()
    try: built = build_preview(nbs, out, a.strict)
    except DocsError as e:
        log(f'FAILED: {e}'); return 1
    log(f'wrote {len(built)} pages in {time.time() - t:.0f} s: open {out/"index.html"}')
    return 0

if __name__ == '__main__': sys.exit(main())
