"""Check of tools/no_progress.py (one check of tools/run_tests.py; exit 0 = pass): progress bars go, everything else stays."""
import json, sys, tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from no_progress import strip, WSTATE, WVIEW
from test_docs import progress_outputs

bar = 'Loading weights:   0%|          | 0/12 [00:00<?, ?it/s]'
view = lambda m, text: dict(output_type='display_data', metadata={}, data={WVIEW: dict(model_id=m, version_major=2, version_minor=0), 'text/plain': [text]})
nb = dict(nbformat=4, nbformat_minor=5, metadata=dict(widgets={WSTATE: dict(version_major=2, version_minor=0, state={
    'a' * 32: dict(model_name='HBoxModel', state=dict(children=['IPY_MODEL_' + 'b' * 32])), 'b' * 32: dict(model_name='HTMLModel', state={}),
    'c' * 32: dict(model_name='DropdownModel', state=dict(layout='IPY_MODEL_' + 'd' * 32)), 'd' * 32: dict(model_name='LayoutModel', state={})})}),
    cells=[dict(cell_type='code', id='x1', metadata={}, execution_count=1, source=['f()'], outputs=[
        view('a' * 32, bar), view('c' * 32, 'Dropdown(options=(1, 2))'),
        dict(output_type='stream', name='stderr', text=['train:  40%|████      | 2/5 [00:01<00:02,  1.9it/s]\r', 'a warning that stays\n']),
        dict(output_type='stream', name='stderr', text=[bar + '\n']),
        dict(output_type='display_data', metadata={}, data={'text/plain': ['<Figure>'], 'image/png': 'iVBOR'})])])
with tempfile.TemporaryDirectory() as d:
    f = Path(d)/'n.ipynb'; f.write_text(json.dumps(nb), encoding='utf-8')
    assert len(progress_outputs(Path(d))) == 3, progress_outputs(Path(d))
    assert strip(f) == 3
    out = json.loads(f.read_text(encoding='utf-8'))
    outs = out['cells'][0]['outputs']
    assert [o['output_type'] for o in outs] == ['display_data', 'stream', 'display_data'], outs
    assert outs[0]['data'][WVIEW]['model_id'] == 'c' * 32 and outs[1]['text'] == 'a warning that stays\n' and 'image/png' in outs[2]['data']
    assert sorted(out['metadata']['widgets'][WSTATE]['state']) == ['c' * 32, 'd' * 32]   # the bar's models go, the dropdown's stay
    assert progress_outputs(Path(d)) == [] and strip(f) == 0
    before = f.read_bytes(); strip(f); assert f.read_bytes() == before   # nothing left: untouched
print('test_no_progress: progress bars removed, other outputs and widget state kept')
