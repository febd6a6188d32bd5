"""The package's layout, checked: reading the notebooks in order never needs a later one.

- every module of `manga_textloss` imports only modules of its own notebook or of earlier ones (by the notebook's
  number: 0x core, 1x data, 2x masks, 3x mask evaluation, 4x judging, 5x diffusion, 6x experiments, 90 the CLI);
- every notebook imports only modules of its own stage or of earlier ones (its tests included; a stage's tests may use
  a sibling module of the same stage, and any notebook may show its stage from the command line, `manga_textloss.cli`);
- no import cycle among the modules;
- no module or notebook imports from `bench/` or `tools/` (no `sys.path` additions).
Prints one line per problem and exits 1 if there is any.
"""
import ast, json, re, sys
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
PKG, NBS = ROOT/'manga_textloss', ROOT/'nbs'

def number(stem:str)->int:
    m = re.match(r'(\d+)', stem)
    return int(m[1]) if m else 100

def modules()->dict:
    "dotted module name -> (its notebook's number, source)"
    out = {}
    for f in PKG.rglob('*.py'):
        if f.name in ('_modidx.py', '__init__.py'): continue
        src = f.read_text(encoding='utf-8')
        m = re.search(r'File to edit: \.\./(?:\.\./)*nbs/(\S+)\.ipynb', src)
        name = '.'.join(f.relative_to(ROOT).with_suffix('').parts)
        out[name] = (number(Path(m[1]).name) if m else 100, src)
    return out

def imported(src:str, own:str='')->set:
    "the manga_textloss modules a source imports (any depth: in functions too)"
    found = set()
    try: tree = ast.parse(src)
    except SyntaxError: tree = ast.parse('\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%', '!'))))
    for n in ast.walk(tree):
        if isinstance(n, ast.ImportFrom):
            mod = n.module or ''
            if n.level: mod = '.'.join(own.split('.')[:-n.level] + ([mod] if mod else []))
            if mod.startswith('manga_textloss'):
                found |= {f'{mod}.{a.name}' for a in n.names} | {mod}
        elif isinstance(n, ast.Import):
            found |= {a.name for a in n.names if a.name.startswith('manga_textloss')}
    return found

def main():
    mods, problems = modules(), []
    graph = {m: {i for i in imported(src, m) if i in mods and i != m} for m, (_, src) in mods.items()}
    for m, deps in sorted(graph.items()):
        for d in sorted(deps):
            if mods[d][0] > mods[m][0]: problems.append(f'{m} (notebook {mods[m][0]}) imports {d}, of a later notebook ({mods[d][0]})')
    def cycle(start):
        stack, seen = [(start, [start])], set()
        while stack:
            n, path = stack.pop()
            for d in graph[n]:
                if d == start: return path + [d]
                if d not in seen: seen.add(d); stack.append((d, path + [d]))
    cycles = {tuple(sorted(set(c))) : c for m in graph if (c := cycle(m))}
    problems += [f'import cycle: {" -> ".join(c)}' for c in cycles.values()]
    for f in sorted([*NBS.glob('*.ipynb'), *NBS.glob('jobs/*.ipynb')]):
        cells = json.loads(f.read_text(encoding='utf-8'))['cells']
        src = '\n'.join(''.join(c['source']) for c in cells if c['cell_type'] == 'code')
        for d in sorted(i for i in imported(src) if i in mods):
            if f.parent == NBS and mods[d][0] // 10 > number(f.stem) // 10 and d != 'manga_textloss.cli':
                problems.append(f'{f.name} imports {d}, of a later stage (notebook {mods[d][0]})')
        if re.search(r"sys\.path\.(insert|append)|['\"/]bench['\"/]|\bimport (bench_|_paired)", src): problems.append(f'{f.relative_to(ROOT)} reaches into bench/ or sys.path')
    for m, (_, src) in mods.items():
        if re.search(r"sys\.path\.(insert|append)|\bfrom (bench|tools)\b|\bimport (bench|tools)\b", src): problems.append(f'{m} reaches into bench/ or tools/')
    for p in problems: print(p)
    print(f'layout: {len(mods)} modules, {len(problems)} problems')
    sys.exit(1 if problems else 0)

if __name__ == '__main__': main()
