"""Every code block of the docs (docs/*.md and the top-level README) runs, and what a
block shows as output is what the library prints.

How each block is taken, by its fence:

- ```python: run in order, one namespace per page, in a temporary folder holding a copy
  of tests/data/docs/ (made-up files in the shapes of real downloads). A block whose
  lines start with `>>>` is a doctest: its output lines are checked. A ```text block
  right after a python block is what that block prints, checked line by line.
- ```console: each `$ bilateral …` line runs the command (its `main`) in that folder;
  the lines up to the next `$` are its output, checked.
- ```sh: each line that is not a comment must be a `bilateral` command, and runs.
- ```markdown: an excerpt of a report; each paragraph of it (a `…` line stands for what
  is left out) is found in the reviewed reports of tests/snapshots/, which the Rust
  snapshot tests compare with the library's output.
- ```rust: only on docs/rust.md, which src/lib.rs includes as doctests (cargo test).
- ```toml: only on docs/rust.md, where a `[dependencies]` line naming `bilateral` is
  what examples/rust-app/Cargo.toml (built by `make rust-example`) has.
- ```sql: only the DuckDB query of docs/data-in-and-out.md, which test_parquet.py runs.

A python, sh or console block whose first line is `# not run: <why>` is skipped; the
reason is on the page for a reader to see, and the test keeps such blocks few.
"""

from __future__ import annotations

import doctest
import io
import os
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from bilateral.__main__ import main

ROOT = Path(__file__).resolve().parents[3]
PAGES = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
FILES = ROOT / "tests" / "data" / "docs"
NOT_RUN = "# not run: "
# The blocks that say why they are not run (the two make commands, building the wheel,
# a Jupyter kernel …); more than this means the docs drift away from what is tested.
MOST_NOT_RUN = 8


@dataclass
class Block:
    page: Path
    line: int  # of the opening fence, 1-based
    language: str
    text: str

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def not_run(self) -> bool:
        return self.text.startswith(NOT_RUN)


def blocks_of(page: Path) -> list[Block]:
    """The fenced code blocks of a page, in order (fences at the start of a line)."""
    found: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        opening = re.match(r"```(\w*)\s*$", lines[i])
        if opening:
            end = lines.index("```", i + 1)
            found.append(Block(page, i + 1, opening.group(1), "\n".join(lines[i + 1 : end]) + "\n"))
            i = end
        i += 1
    return found


def _page_id(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def _bilateral(arguments: list[str], cwd: Path) -> Ran:
    """The `bilateral` command run in this process (its `main`, as the installed script
    runs it; the install test runs the script itself), in the folder `cwd`."""
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(cwd)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(arguments)
            except SystemExit as exit:  # argparse's --help and --version
                code = exit.code if isinstance(exit.code, int) else 1
    finally:
        os.chdir(here)
    return Ran(code, out.getvalue(), err.getvalue())


def _command(line: str) -> list[str]:
    """A `bilateral …` line as its arguments, without a trailing comment."""
    import shlex

    words = shlex.split(line, comments=True)
    assert words and words[0] == "bilateral", f"not a bilateral command: {line!r}"
    return words[1:]


def _run_python(block: Block, namespace: dict[str, object]) -> str:
    """Runs a python block in the namespace; gives what it printed."""
    out = io.StringIO()
    if block.text.lstrip().startswith(">>>"):
        parser = doctest.DocTestParser()
        test = parser.get_doctest(block.text, namespace, block.where, str(block.page), block.line)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        with redirect_stdout(out):
            runner.run(test, clear_globs=False)
        namespace.update(test.globs)  # a doctest runs in a copy of the namespace
        failed = runner.summarize(verbose=False).failed
        assert failed == 0, f"{block.where}: doctest failed\n{out.getvalue()}"
        return ""
    code = compile(block.text, f"{block.where}", "exec")
    with redirect_stdout(out):
        exec(code, namespace)
    return out.getvalue()


def _same_lines(shown: str, printed: str, where: str) -> None:
    want = [line.rstrip() for line in shown.strip("\n").splitlines()]
    got = [line.rstrip() for line in printed.strip("\n").splitlines()]
    assert got == want, (
        f"{where}: the output shown is not what runs\nshown:\n{shown}\nprinted:\n{printed}"
    )


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_the_code_blocks_of_a_page_run(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FILES, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    # Charts are drawn without a display; a notebook's last value is just a value here.
    monkeypatch.setenv("MPLBACKEND", "Agg")
    namespace: dict[str, object] = {"__name__": "__docs__"}
    blocks = blocks_of(page)
    printed: str | None = None
    for block in blocks:
        if block.not_run:
            assert len(block.text.splitlines()[0]) > len(NOT_RUN) + 5, f"{block.where}: say why"
            printed = None
            continue
        if block.language == "python":
            printed = _run_python(block, namespace)
            continue
        if block.language == "text":
            assert printed is not None, f"{block.where}: a text block follows no python block"
            _same_lines(block.text, printed, block.where)
        elif block.language == "console":
            _run_console(block, tmp_path)
        elif block.language == "sh":
            for line in block.text.splitlines():
                if line.strip() and not line.lstrip().startswith("#"):
                    done = _bilateral(_command(line), tmp_path)
                    assert done.returncode == 0, f"{block.where}: {line}\n{done.stderr}"
        elif block.language == "markdown":
            _check_excerpt(block)
        elif block.language == "rust":
            assert page.name == "rust.md", f"{block.where}: Rust examples go on docs/rust.md"
        elif block.language == "toml":
            assert page.name == "rust.md", f"{block.where}: TOML belongs on docs/rust.md"
            assert "[dependencies]" in block.text and "bilateral = {" in block.text, block.where
        elif block.language == "sql":
            assert page.name == "data-in-and-out.md", f"{block.where}: SQL nobody runs"
        else:
            raise AssertionError(f"{block.where}: no rule runs a ```{block.language} block")
        printed = None


def _run_console(block: Block, folder: Path) -> None:
    commands: list[tuple[str, list[str]]] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            assert commands, f"{block.where}: output before any command"
            commands[-1][1].append(line)
    for command, shown in commands:
        done = _bilateral(_command(command), folder)
        assert done.returncode == 0, f"{block.where}: {command}\n{done.stderr}"
        output = "\n".join(shown)
        if "..." in output:
            pattern = ".*".join(re.escape(part.strip()) for part in output.split("..."))
            assert re.search(pattern, done.stdout, re.S), f"{block.where}: {command}\n{done.stdout}"
        else:
            _same_lines(output, done.stdout, f"{block.where}: {command}")


def _words(text: str) -> str:
    return " ".join(text.split())


def _check_excerpt(block: Block) -> None:
    reports = _words(
        " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "snapshots").glob("*.md"))
    )
    paragraphs = [p for p in re.split(r"\n\s*\n", block.text) if p.strip() and p.strip() != "…"]
    assert paragraphs, f"{block.where}: an empty excerpt"
    for paragraph in paragraphs:
        # A list is checked item by item: an excerpt may leave items out.
        items = re.split(r"\n(?=- )", paragraph.strip())
        for item in items:
            assert _words(item) in reports, f"{block.where}: not in any reviewed report:\n{item}"


def test_the_docs_have_code_blocks_and_few_are_not_run() -> None:
    every = [block for page in PAGES for block in blocks_of(page)]
    not_run = [block.where for block in every if block.not_run]
    assert len(every) > 30, "the code blocks were not found"
    assert len(not_run) <= MOST_NOT_RUN, not_run


def test_every_page_is_in_the_site_and_the_readme_table() -> None:
    site = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in PAGES[:-1]:
        assert f": {page.name}\n" in site, f"{page.name} is not in the nav of mkdocs.yml"
        if page.name not in ("index.md", "architecture.md"):
            assert f"(docs/{page.name})" in readme, f"{page.name} is not in the README's table"


def test_the_readme_is_a_front_door() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 250
    # The question a newcomer needed fifteen minutes for, answered in the README itself.
    assert "## Which side is `origin`" in readme
