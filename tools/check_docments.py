"""Check that every public signature of `manga_textloss` is documented in fastcore docments style (issue 14).

A public signature is one of, for each name listed in a module's `__all__` and defined in that module:

- a function: its parameters;
- a dataclass: its fields (the parameters of its generated `__init__`), plus its public methods;
- a `NamedTuple`: its fields;
- any other class: its own `__init__` (one inherited from outside the class is not checked here), plus its public
  methods (names without a leading underscore defined in the class body; properties take no parameters and are
  skipped).

A parameter is documented when `fastcore.docments.docments` finds a comment for it (`self`, `cls` and the return value
are not checked; `*args`/`**kwargs` are). Prints, per module, `module: N of M public signatures fully documented` and
one `module.func(param)` line per missing docment.

    python tools/check_docments.py                    # the whole package
    python tools/check_docments.py --modules core,masks

Exits 1 when anything is missing in the selected modules.
"""
import argparse, ast, dataclasses, importlib, inspect, pkgutil, sys, textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fastcore.docments import docments, _tokens, _clean_comment, _get_comment
from tokenize import COMMENT

PKG = 'manga_textloss'
IGNORED = {'self', 'cls', 'return'}

def module_names()->list[str]:
    "Every module of the package except nbdev's `_modidx`."
    pkg = importlib.import_module(PKG)
    return sorted(m.name for m in pkgutil.iter_modules(pkg.__path__) if m.name != '_modidx')

def _missing(obj)->list[str]:
    "Parameters of function or dataclass `obj` that `docments` finds no comment for."
    dm = docments(obj, full=True, args_kwargs=True)
    return [k for k, v in dm.items() if k not in IGNORED and not (v.get('docment') or '').strip()]

def _namedtuple_missing(cls)->list[str]:
    "Fields of `NamedTuple` class `cls` without a comment (fastcore's `docments` only reads dataclass bodies)."
    src = inspect.getsource(cls)
    defn = ast.parse(textwrap.dedent(src)).body[0]
    locs = {a.lineno: a.target.id for a in defn.body if isinstance(a, ast.AnnAssign)}
    comments = {o.start[0]: _clean_comment(o.string) for o in _tokens(src) if o.type == COMMENT}
    return [nm for ln, nm in locs.items() if not (_get_comment(ln, nm, comments, locs) or '').strip()]

def _methods(cls)->list[tuple[str, object]]:
    "Public methods defined in the body of `cls` (plain, static and class methods; not properties)."
    res = []
    for nm, v in vars(cls).items():
        if nm.startswith('_'): continue
        if isinstance(v, (staticmethod, classmethod)): v = v.__func__
        if inspect.isfunction(inspect.unwrap(v)): res.append((nm, inspect.unwrap(v)))
    return res

def signatures(mod)->list[tuple[str, list[str]]]:
    "`(qualified name, missing parameters)` for every public signature of module `mod`."
    res = []
    for nm in getattr(mod, '__all__', []):
        obj = getattr(mod, nm, None)
        if obj is None: continue
        if not inspect.isclass(obj): obj = inspect.unwrap(obj)  # lru_cache, contextmanager, torch.no_grad
        if getattr(obj, '__module__', None) != mod.__name__: continue  # re-exported from elsewhere, or a constant
        if inspect.isfunction(obj): res.append((nm, _missing(obj)))
        elif inspect.isclass(obj):
            if dataclasses.is_dataclass(obj): res.append((nm, _missing(obj)))
            elif issubclass(obj, tuple) and hasattr(obj, '_fields'): res.append((nm, _namedtuple_missing(obj)))
            elif '__init__' in vars(obj): res.append((nm, _missing(inspect.unwrap(obj.__init__))))
            res += [(f'{nm}.{m}', _missing(f)) for m, f in _methods(obj)]
    return res

def main(argv=None)->int:
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--modules', default='', help='comma-separated module names (default: every module)')
    a = p.parse_args(argv)
    names = module_names()
    if a.modules:
        sel = [m.strip() for m in a.modules.split(',') if m.strip()]
        unknown = [m for m in sel if m not in names]
        if unknown: p.error(f"unknown module(s): {', '.join(unknown)} (known: {', '.join(names)})")
        names = sel
    total = done = 0; missing = []
    for m in names:
        mod = importlib.import_module(f'{PKG}.{m}')
        sigs = signatures(mod)
        ok = sum(not miss for _, miss in sigs)
        total += len(sigs); done += ok
        print(f'{m}: {ok} of {len(sigs)} public signatures fully documented')
        for q, miss in sigs: missing += [f'{m}.{q}({prm})' for prm in miss]
    print(f'total: {done} of {total} public signatures fully documented')
    if missing:
        print(f'\n{len(missing)} missing docment(s):')
        for o in missing: print(f'  {o}')
    return 1 if missing else 0

if __name__ == '__main__': sys.exit(main())
