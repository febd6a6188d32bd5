"""Remove saved progress bars from notebooks (`make outputs` runs it after executing them; exit 0).

Our own bars (`core.progress_bar`) are off under TQDM_DISABLE=1, which `make outputs` sets. The libraries' bars are not:
diffusers ("Loading pipeline components") and transformers ("Writing model shards", "Loading weights") draw tqdm's
Jupyter widget, whose constructor sets `disable=False` itself, so the variable never reaches it. This removes what they
leave behind: every output that is a progress bar (a widget view or a stream's bar lines, matched by
`tools/test_docs.PROGRESS`), and the widget state no remaining output refers to. Every other output is kept; a
notebook with nothing to remove is not rewritten.

    python tools/no_progress.py nbs/52_ddpm.ipynb nbs/54_ldm.ipynb ...
"""
import json, re, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_docs import PROGRESS

WSTATE, WVIEW = 'application/vnd.jupyter.widget-state+json', 'application/vnd.jupyter.widget-view+json'

def _text(v)->str: return ''.join(v) if isinstance(v, list) else (v or '')

def clean_outputs(outputs:list)->tuple[list,int]:
    "The outputs without progress bars, and how many bars were removed."
    kept, n = [], 0
    for o in outputs:
        data = o.get('data') or {}
        if WVIEW in data and PROGRESS.search(_text(data.get('text/plain'))): n += 1; continue
        if o.get('output_type') == 'stream':
            lines = re.split(r'(?<=[\r\n])', _text(o.get('text')))
            rest = [l for l in lines if not PROGRESS.search(l)]
            if len(rest) != len(lines):
                n += len(lines) - len(rest)
                if not ''.join(rest).strip(): continue
                o = dict(o, text=''.join(rest))
        kept.append(o)
    return kept, n

def used_models(nb:dict, state:dict)->set:
    "Widget model ids referred to by the notebook's outputs, with every model they refer to."
    todo = [(o.get('data') or {})[WVIEW]['model_id'] for c in nb['cells'] for o in c.get('outputs', []) if WVIEW in (o.get('data') or {})]
    seen = set()
    while todo:
        m = todo.pop()
        if m in seen or m not in state: continue
        seen.add(m); todo += re.findall(r'IPY_MODEL_([0-9a-f]+)', json.dumps(state[m]))
    return seen

def strip(path:Path)->int:
    "Remove the progress bars of one notebook in place (only when it holds any); the number removed."
    nb = json.loads(path.read_text(encoding='utf-8')); n = 0
    for c in nb['cells']:
        if 'outputs' in c:
            c['outputs'], k = clean_outputs(c['outputs']); n += k
    ws = (nb.get('metadata') or {}).get('widgets', {}).get(WSTATE)
    pruned = 0
    if ws and 'state' in ws:
        keep = used_models(nb, ws['state']); pruned = len(ws['state']) - len(keep)
        ws['state'] = {k: v for k, v in ws['state'].items() if k in keep}
        if not ws['state']: nb['metadata'].pop('widgets')
    if n or pruned:
        path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
    return n

if __name__ == '__main__':
    for p in sys.argv[1:]:
        k = strip(Path(p))
        if k: print(f'no_progress: {p}: {k} progress bar(s) removed')
