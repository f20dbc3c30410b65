"""The layers: a native core that is a leaf, and a Python package that wraps it.

The core (``bilateral._core``, in Rust) answers with native objects (a ``Table`` for
every table, a native class for every single answer, never JSON) and imports nothing of
the package; the package builds DataFrames, result objects and the report on top, and
its modules import one another without a circle. Inside the core, the top-level modules
of ``src/`` stand in the layers that the crate documentation (``src/lib.rs``) lists:
each imports from its own layer and the ones listed before it, and none imports back.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import bilateral
import bilateral._core
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "python" / "bilateral"
SOURCES = ROOT / "src"


def test_no_rust_source_imports_the_python_package() -> None:
    sources = sorted((ROOT / "src").rglob("*.rs"))
    assert sources, "no Rust sources found under src/"
    offenders = [
        str(path.relative_to(ROOT))
        for path in sources
        if 'py.import("bilateral' in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def serde_json_uses(source: str) -> list[str]:
    """The lines of a Rust source that use serde_json (a path, an import, a call)."""
    return [line.strip() for line in source.splitlines() if "serde_json" in line]


def test_serde_json_uses_finds_each_way_of_using_it() -> None:
    # The check below must see every spelling: an import, a path, a call.
    source = (
        "use serde_json::Value;\n"
        "let v = serde_json::to_value(&x)?;\n"
        "fn f() -> String { String::new() }\n"
    )
    assert serde_json_uses(source) == [
        "use serde_json::Value;",
        "let v = serde_json::to_value(&x)?;",
    ]


def test_no_result_leaves_the_native_module_through_json() -> None:
    # Results leave as native classes and Tables, built field by field: serde_json has
    # no place in the binding.
    sources = sorted((SOURCES / "python").rglob("*.rs"))
    assert len(sources) > 5, "no Rust sources found under src/python/"
    offenders = {
        str(path.relative_to(ROOT)): uses
        for path in sources
        if (uses := serde_json_uses(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_native_module_works_without_the_package() -> None:
    # The compiled module loaded alone: no `bilateral` package, no pandas.
    code = (
        "import importlib.machinery, importlib.util, sys\n"
        f"path = {bilateral._core.__file__!r}\n"
        "loader = importlib.machinery.ExtensionFileLoader('bilateral._core', path)\n"
        "spec = importlib.util.spec_from_file_location('bilateral._core', path, loader=loader)\n"
        "core = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(core)\n"
        "store = core.demo()\n"
        "table = store.observations(indicator='tourists')\n"
        "kind, values = table.column('value')\n"
        "assert kind == 'float' and isinstance(values, bytearray), kind\n"
        "kind, codes, origins = table.column('origin')\n"
        "assert kind == 'text' and sorted(origins) == ['AZE', 'KAZ'], origins\n"
        # a native result: around 59,000 (2022) to over 102,000 (2024)
        "change = store.change('tourists', 'AZE', 'KAZ', 2022, 2024)\n"
        "assert type(change) is core.Change, type(change)\n"
        "assert (change.start_value, change.end_value) == (59000.0, 102000.0), change\n"
        "report = store.report('AZE', 'KAZ')\n"
        "assert report.charts()[0].svg().startswith('<svg')\n"
        "assert issubclass(core.ClosedError, core.SchemaError)\n"
        "store.close()\n"
        "try:\n"
        "    store.summary()\n"
        "except core.ClosedError:\n"
        "    pass\n"
        "else:\n"
        "    raise SystemExit('a closed store answered')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('bilateral', 'pandas'))\n"
        "assert loaded == [], loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_native_store_answers_with_native_objects() -> None:
    core = bilateral._core.demo()
    table = core.observations(indicator="trade_turnover")
    assert table.column_names[:3] == ["indicator", "origin", "destination"]
    # Dates as int32 days since 1970-01-01: 2023-01-01 is day 19,358.
    kind, days = table.column("start")
    assert kind == "date" and int.from_bytes(days[:4], sys.byteorder) == 19_358
    # Every table is a native Table: one series (every key given) as many.
    growth = core.growth("trade_turnover", "AZE", "KAZ")
    assert isinstance(growth, bilateral._core.Table) and growth.column_names[0] == "period"
    assert "pct" in growth.column_names
    for one in (
        core.shares("exports", "KAZ", "AZE", of="trade_turnover"),
        core.per_capita("tourists", "AZE", "KAZ"),
        core.asymmetry("tourists", "AZE", "KAZ"),
    ):
        assert isinstance(one, bilateral._core.Table) and one.column_names[0] == "period"
    # A single answer is a native result: 2.6 Mt after 7 months against 5.2 Mt.
    answer = core.target_progress("corridor_cargo", "AZE", "KAZ", 2025)
    assert isinstance(answer, bilateral._core.TargetProgress)
    assert answer.months_elapsed == 7 and answer.on_track is False
    assert answer.share_of_target == 2.6e6 / 5.2e6
    report = core.report("AZE", "KAZ")
    assert isinstance(report, bilateral._core.Report)
    assert report.title == "Azerbaijan and Kazakhstan"
    assert isinstance(report.charts()[0], bilateral._core.Chart)


@pytest.mark.slow
@pytest.mark.parametrize(
    "modules",
    [
        ("bilateral.plot", "bilateral.report"),
        ("bilateral.report", "bilateral.plot"),
        ("bilateral.chart", "bilateral.plot", "bilateral.report"),
        ("bilateral.store", "bilateral.chart"),
    ],
)
def test_the_modules_import_in_any_order(modules: tuple[str, ...]) -> None:
    code = "\n".join(f"import {name}" for name in modules)
    code += "\nimport bilateral\nassert bilateral.report.Report is bilateral.Report\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _module_name(path: Path) -> str:
    """The module a file of the package is, dotted from the package: ``store``,
    ``_store.writes``, ``_store`` for ``_store/__init__.py``."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_modules() -> dict[str, Path]:
    """Every module of the package (its subpackages' too) by name, with its file."""
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _runtime_imports(path: Path) -> set[str]:
    """The package modules `path` imports when it runs: at the top or in a function,
    but not under `if TYPE_CHECKING:`. A relative import names a module (``from .base
    import X``, ``from .. import _core``) or a package and the modules it takes from it
    (``from . import frames``); importing a module imports the packages it is in."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = _module_name(path).split(".") if _module_name(path) else []
    package = module if path.name == "__init__.py" else module[:-1]
    modules = set(_package_modules()) | {"_core"}
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            base = package[: len(package) - (node.level - 1)]
            target = base + (node.module.split(".") if node.module else [])
            found.update(".".join(target[:n]) for n in range(1, len(target) + 1))
            found.update(".".join([*target, alias.name]) for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found & modules - {""}


def test_no_module_of_the_package_imports_back() -> None:
    graph = {name: _runtime_imports(path) for name, path in _package_modules().items()}
    graph.pop("")  # the package's __init__ imports the others to export their names
    assert "chart" in graph["plot"] and "chart" in graph["report"]
    # The parts of Store are seen: a module of the subpackage, and one it imports.
    assert {"_store.writes", "_store.base"} <= graph["store"]
    assert {"_core", "_store.frames"} <= graph["_store.writes"]

    def reaches(start: str, goal: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
            for nxt in graph.get(start, set())
        )

    circles = sorted(name for name in graph if reaches(name, name))
    assert circles == [], {name: graph[name] for name in circles}


def test_sections_are_built_once() -> None:
    report = bilateral.demo().report("AZE", "KAZ")
    first = report.sections
    assert report.sections is first
    assert report.sections[0].tables[0] is first[0].tables[0]
    assert report.charts()[0] is first[0].charts[0]


def test_a_closed_store_raises_closed_error_a_schema_error(tmp_path: Path) -> None:
    assert issubclass(bilateral.ClosedError, bilateral.SchemaError)
    assert bilateral.ClosedError.__module__ == "bilateral"
    assert "closed" in (bilateral.ClosedError.__doc__ or "")
    store = bilateral.demo()
    store.close()
    store.close()  # harmless
    for call in (
        lambda: store.observations(),
        lambda: store.add("tourists", "AZE", "KAZ", 2025, 1),
        lambda: store.report("AZE", "KAZ"),
        lambda: store.schema_version,
    ):
        with pytest.raises(bilateral.ClosedError, match="the store is closed"):
            call()
    with bilateral.Store(tmp_path / "x.db") as file_store:
        pass
    with pytest.raises(bilateral.SchemaError):
        file_store.summary()


def test_the_store_is_the_python_class_over_the_native_one(tmp_path: Path) -> None:
    store = bilateral.demo()
    assert isinstance(store, bilateral.Store)
    assert type(store).__module__ == "bilateral.store"
    # the article's 35 figures (the 3 it only implies are claims, not observations)
    assert repr(store) == "<bilateral.Store in memory: 35 observations>"
    path = tmp_path / "relations.db"
    with bilateral.Store(path) as on_disk:
        assert repr(on_disk) == f'<bilateral.Store "{path}": 0 observations>'
    assert repr(on_disk) == f'<bilateral.Store "{path}": closed>'


def test_add_many_takes_any_iterable_of_mappings() -> None:
    store = bilateral.demo()
    records = (
        {"indicator": "tourists", "origin": "KAZ", "destination": "AZE", "period": str(year),
         "value": 10_000 + year}
        for year in (2018, 2019)
    )  # fmt: skip
    assert store.add_many(records) == 2


def test_a_chart_draws_the_same_svg_from_its_data() -> None:
    chart = bilateral.demo().report("AZE", "KAZ").charts()[0]
    assert isinstance(chart, bilateral.Chart)
    again = bilateral.Chart(**chart.to_dict())
    assert again == chart
    assert again.svg() == chart.svg()
    with pytest.raises(bilateral.ValidationError) as caught:
        bilateral.Chart(kind="pie", title="t", unit="t").svg()
    assert caught.value.field == "chart"


def test_report_tables_keep_their_types() -> None:
    report = bilateral.demo().report("AZE", "KAZ")
    for section in report.sections:
        for table in section.tables:
            for name in table.columns:
                values = table[name].dropna().tolist()
                if values and all(isinstance(v, (int, float)) for v in values):
                    assert str(table[name].dtype) == "float64", (table.attrs["title"], name)
    growth = bilateral.demo().growth("trade_turnover", "AZE", "KAZ")
    assert str(growth["pct"].dtype) == "float64"
    assert pd.api.types.is_string_dtype(growth["period"])
    per_capita = bilateral.demo().per_capita("tourists", "AZE", "KAZ")
    assert per_capita["population"].tolist()[-1] == 10_202_830


def test_a_charts_svg_follows_its_data_as_it_is_now() -> None:
    # a chart of two series, whose legend names each (a one-line chart has none)
    chart = next(c for c in bilateral.demo().report("AZE", "KAZ").charts() if len(c.series) > 1)
    before = chart.svg()
    label = chart.series[0]["label"]
    chart.series[0]["label"] = "relabelled in Python"
    after = chart.svg()
    assert label in before and "relabelled in Python" not in before
    assert "relabelled in Python" in after


def _rust_module_of(path: Path) -> str:
    """The top-level module of the crate that the file at `path` belongs to."""
    return path.relative_to(SOURCES).parts[0].removesuffix(".rs")


def _first_names(group: str) -> list[str]:
    """The first name of each path in a `use crate::{…}` group's inside: `error::Error,
    model::{A, B}` gives `error` and `model`."""
    names, depth, start = [], 0, 0
    for i, ch in enumerate(group + ","):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            name = re.match(r"\s*(\w+)", group[start:i])
            if name:
                names.append(name.group(1))
            start = i + 1
    return names


def _rust_imports(path: Path) -> set[str]:
    """The top-level modules whose items the file at `path` names by a `crate::` path (in
    a `use` or inline), comments and doc links left out: a doc link builds nothing."""
    text = re.sub(r"//[^\n]*", "", path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for match in re.finditer(r"\bcrate::(\{|\w+)", text):
        if match.group(1) != "{":
            found.add(match.group(1))
            continue
        depth, end = 1, match.end()
        while depth and end < len(text):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        found.update(_first_names(text[match.end() : end - 1]))
    return found


def _rust_graph() -> dict[str, dict[str, list[str]]]:
    """For each top-level module of `src/`, the other top-level modules it imports, each
    with the files that do (relative to `src/`). `lib.rs`, the root, only declares and
    re-exports them."""
    modules = {p.name.removesuffix(".rs") for p in SOURCES.iterdir()} - {"lib"}
    graph: dict[str, dict[str, list[str]]] = {name: {} for name in modules}
    for path in sorted(SOURCES.rglob("*.rs")):
        if path == SOURCES / "lib.rs":
            continue
        module = _rust_module_of(path)
        for used in sorted(_rust_imports(path) & modules - {module}):
            graph[module].setdefault(used, []).append(str(path.relative_to(SOURCES)))
    return graph


def _documented_layers() -> dict[str, int]:
    """The layer of each module as the crate documentation numbers them: the list under
    `# Layers` in `src/lib.rs`, a line per layer naming its modules in backticks."""
    layers: dict[str, int] = {}
    for line in (SOURCES / "lib.rs").read_text(encoding="utf-8").splitlines():
        item = re.match(r"//! (\d+)\. ([^:]*):", line)
        if item:
            for name in re.findall(r"`(\w+)`", item.group(2)):
                layers[name] = int(item.group(1))
    return layers


def test_the_rust_layering_reads_the_imports_it_checks() -> None:
    graph = _rust_graph()
    # Known imports, one of each form: `use crate::x::…`, `use crate::{x, …}` and an
    # inline `crate::x::f(…)` path.
    assert "store" in graph["report"] and "report/gather.rs" in graph["report"]["store"]
    assert "model" in graph["words"] and "period" in graph["words"]
    assert _first_names(" error::{Error, Result}, model::{A, B},\n period ") == [
        "error",
        "model",
        "period",
    ]
    layers = _documented_layers()
    assert layers["error"] < layers["model"] < layers["store"] < layers["python"]


def test_every_rust_module_has_a_documented_layer() -> None:
    missing = sorted(set(_rust_graph()) - set(_documented_layers()))
    assert missing == [], f"not in the `# Layers` list of src/lib.rs: {missing}"


def test_no_rust_module_imports_from_a_layer_below_it() -> None:
    # "Below" in the list, which is above in the layering: the list goes from the
    # foundations up, and a module may use what is listed before it.
    layers = _documented_layers()
    upward = [
        f"{module} (layer {layers[module]}) uses {used} (layer {layers[used]}) in {files}"
        for module, imports in sorted(_rust_graph().items())
        for used, files in imports.items()
        if module in layers and used in layers and layers[used] > layers[module]
    ]
    assert upward == [], "\n".join(upward)


def _shortest_circle(graph: dict[str, dict[str, list[str]]], start: str) -> list[str]:
    """The fewest modules that lead from `start` back to it, `start` first ([] if none)."""
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for used in sorted(graph[module]):
                if used == start:
                    return paths[module]
                if used not in paths:
                    paths[used] = paths[module] + [used]
                    following.append(used)
        frontier = following
    return []


def test_no_rust_modules_import_one_another_in_a_circle() -> None:
    graph = _rust_graph()
    # Modules in one circle: each reaches the others through imports. Each such group
    # is named with its shortest circle, every step with a file that takes it.
    circles: list[str] = []
    seen: set[str] = set()
    for module in sorted(graph):
        circle = _shortest_circle(graph, module)
        if module in seen or not circle:
            continue
        group = sorted(
            {module} | {m for m in _reached(graph, module) if module in _reached(graph, m)}
        )
        seen.update(group)
        steps = zip(circle, circle[1:] + circle[:1])
        path = " -> ".join(f"{a} ({graph[a][b][0]})" for a, b in steps) + f" -> {module}"
        circles.append(f"{', '.join(group)} import one another; for one: {path}")
    assert circles == [], "\n".join(circles)


def _reached(graph: dict[str, dict[str, list[str]]], start: str) -> set[str]:
    """The modules `start` imports, directly or through others."""
    reached: set[str] = set()
    frontier = [start]
    while frontier:
        module = frontier.pop()
        for used in graph[module]:
            if used not in reached:
                reached.add(used)
                frontier.append(used)
    return reached


def _architecture_section(title: str) -> str:
    """The section of ARCHITECTURE.md under `## {title}`, up to the next heading."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_architecture_table_names_every_file() -> None:
    # ARCHITECTURE.md's map of the house: a file is named by its path, or by its name
    # in the row of its folder (`src/store/` … `watch.rs`).
    rows = [
        line for line in _architecture_section("The rooms").splitlines() if line.startswith("| `")
    ]
    assert len(rows) > 10, "the Architecture table was not found"
    files = sorted(SOURCES.rglob("*.rs")) + sorted(
        path for path in PACKAGE.rglob("*.py*") if "__pycache__" not in path.parts
    )

    def named(path: Path) -> bool:
        relative = path.relative_to(ROOT).as_posix()
        folder = f"| `{path.parent.relative_to(ROOT).as_posix()}/`"
        return any(
            f"`{relative}`" in row or (row.startswith(folder) and f"`{path.name}`" in row)
            for row in rows
        )

    assert len(files) > 80
    unnamed = [path.relative_to(ROOT).as_posix() for path in files if not named(path)]
    assert unnamed == []


def test_architecture_lists_the_layers_of_lib_rs() -> None:
    # ARCHITECTURE.md repeats the `# Layers` list of src/lib.rs for a reader who has
    # not opened the crate; the two must say the same modules in the same layers.
    listed: dict[str, int] = {}
    for line in _architecture_section("The layers").splitlines():
        item = re.match(r"(\d+)\. ([^:]*):", line)
        if item:
            for name in re.findall(r"`(\w+)`", item.group(2)):
                listed[name] = int(item.group(1))
    assert len(listed) > 10, "the list of layers was not found in ARCHITECTURE.md"
    assert listed == _documented_layers()
