"""The code's shape: no module imports itself back (whatever it imports, at the top or
inside a function, type hints aside, never leads back to it), and every module and every
function can be read in one sitting. The layers between packages are checked by import-linter
(``lint-imports``, contracts in pyproject.toml); a cycle inside a package hides a missing
layer there."""

import ast
from pathlib import Path

import grimp

PACKAGES = ("cms", "publisher", "search", "records")
ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 300
MAX_FUNCTION_LINES = 60


def cycles(graph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    modules = sorted(m for m in graph.modules if ".migrations" not in m)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & set(modules)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in edges[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in modules:
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_back():
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True, cache_dir=None)
    assert cycles(graph) == []


def test_a_cycle_is_found():
    graph = grimp.ImportGraph()
    for name in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(name)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.b")
    graph.add_import(importer="a.d", imported="a.b")
    assert cycles(graph) == [["a.b", "a.c"]]


def test_no_module_is_longer_than_one_sitting():
    too_long = {
        str(path.relative_to(ROOT)): length
        for folder in ("cms", "build", "search", "tests")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if "migrations" not in path.parts
        and (length := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert too_long == {}


def _python_files():
    for folder in ("cms", "build", "search", "tests"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def long_functions(source: str, limit: int = MAX_FUNCTION_LINES) -> dict[str, int]:
    """Functions and methods of ``source`` longer than ``limit`` lines (decorators aside)."""
    return {
        f"{node.name}:{node.lineno}": length
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (length := node.end_lineno - node.lineno + 1) > limit
    }


def test_no_function_is_longer_than_one_sitting():
    too_long = {
        f"{path.relative_to(ROOT)}:{name}": length
        for path in _python_files()
        for name, length in long_functions(path.read_text()).items()
    }
    assert too_long == {}


def test_a_long_function_is_found():
    lines = "".join(f"        x{n} = {n}\n" for n in range(59))  # 60 lines with the def
    source = f"class A:\n    def fits(self):\n{lines}\n    def long(self):\n{lines}        x = 0\n"
    assert long_functions(source) == {"long:63": 61}
