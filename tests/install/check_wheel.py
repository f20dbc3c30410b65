"""Install a built wheel into a new virtual environment and use it from there.

    python3 tests/install/check_wheel.py dist/bilateral-<version>-<tags>.whl [--auditwheel PATH]

With --auditwheel, the wheel must first be tagged manylinux2014 (`manylinux_2_17`: glibc
2.17 and later, so Debian 11, Ubuntu 20.04, RHEL 8 and Amazon Linux 2 install it), and
`auditwheel show` must agree: no symbol of a newer glibc, no library outside the
manylinux policy.

The environment lives in a temporary directory, far from the source tree: Python runs
there in isolated mode (-I: neither the current directory nor PYTHON* variables reach
sys.path), so the `bilateral` that is imported can only be the installed one. pip
fetches the dependencies (pandas) from the package index; the checks run under the newest
pandas, then again under the newest pandas 2.x. Exits non-zero on the first failed check.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import textwrap
import venv
from pathlib import Path

# Run inside the new environment; an AssertionError there fails the check.
CHECKS = textwrap.dedent(
    """
    import importlib.metadata
    import sys
    import sysconfig
    from pathlib import Path

    import pandas as pd

    import bilateral

    site = Path(sysconfig.get_paths()["platlib"]).resolve()
    assert Path(sys.prefix).resolve() == Path(sys.argv[1]).resolve(), sys.prefix
    for module in (bilateral, bilateral._core):
        where = Path(module.__file__).resolve()
        assert where.is_relative_to(site), f"{module.__name__} from {where}, not {site}"
    package = Path(bilateral.__file__).parent
    for name in ("py.typed", "_core.pyi"):
        assert (package / name).is_file(), f"{name} is not installed"

    version = importlib.metadata.version("bilateral")
    assert bilateral.__version__ == version == sys.argv[2], (bilateral.__version__, version)

    store = bilateral.demo()
    assert isinstance(store, bilateral.Store), type(store)
    assert issubclass(bilateral.ClosedError, bilateral.SchemaError)
    turnover = store.observations(indicator="trade_turnover")
    assert isinstance(turnover, pd.DataFrame)
    assert 547600000.0 in turnover["value"].tolist(), turnover
    # Text columns take the dtype pandas itself gives text.
    text = turnover["origin"].dtype
    if int(pd.__version__.split(".")[0]) >= 3:
        assert str(text) == "str", text
    else:
        assert text == object, text

    growth = store.growth("trade_turnover", "AZE", "KAZ")
    assert isinstance(growth, pd.DataFrame) and len(growth) > 0, growth
    y2024 = growth.set_index("period").loc["2024"]
    assert abs(y2024["pct"] - (533.4 / 556.7 - 1) * 100) < 1e-9, y2024

    try:
        store.change("trade_turnover", "AZE", "KAZ", "2023", "2025-01/2025-08")
    except bilateral.ValidationError:
        pass
    else:
        raise AssertionError("periods of different lengths were compared")

    # The report renders from the installed wheel alone (no matplotlib needed).
    report = store.report("AZE", "KAZ")
    html = report.to_html()
    assert "$547.6 million" in html and html.count("<svg") == len(report.charts()) > 0
    assert report.to_markdown().startswith("# Azerbaijan and Kazakhstan")
    print(f"bilateral {version} from {package} with pandas {pd.__version__}")
    """
)


def run(command: list[str | Path], cwd: Path) -> str:
    """Run a command from `cwd` without the caller's Python environment variables."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PYTHON") and key not in ("VIRTUAL_ENV", "CONDA_PREFIX")
    }
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(
            f"FAILED (exit {done.returncode}): {' '.join(map(str, command))}\n"
            f"{done.stdout}{done.stderr}"
        )
    return done.stdout


#: The platform tag the release wheel is built for (`make wheel`), by its PEP 600 name.
MANYLINUX = "manylinux_2_17"


def check_platform(wheel: Path, auditwheel: Path) -> None:
    """The wheel's name says manylinux_2_17 and auditwheel, reading its symbols, agrees."""
    platforms = wheel.stem.split("-")[-1].split(".")
    if not any(tag.startswith(MANYLINUX + "_") for tag in platforms):
        sys.exit(f"FAILED: {wheel.name} is tagged {platforms}, not {MANYLINUX}")
    shown = " ".join(run([auditwheel, "show", wheel], cwd=wheel.parent).split())
    consistent = re.search(r'consistent with the following platform tag: "([^"]+)"', shown)
    if consistent is None or not consistent[1].startswith(MANYLINUX + "_"):
        sys.exit(f"FAILED: auditwheel does not find {wheel.name} {MANYLINUX}:\n{shown}")
    print(f"auditwheel: {wheel.name} is consistent with {consistent[1]}")


def cargo_version(root: Path) -> str:
    """The package version in Cargo.toml, which maturin gives the wheel."""
    import tomllib

    with open(root / "Cargo.toml", "rb") as file:
        return str(tomllib.load(file)["package"]["version"])


def main(argv: list[str]) -> int:
    auditwheel = None
    if len(argv) == 3 and argv[1] == "--auditwheel":
        argv, auditwheel = argv[:1], Path(argv[2]).resolve()
    if len(argv) != 1 or not argv[0].endswith(".whl"):
        sys.exit(
            f"usage: {sys.argv[0]} WHEEL [--auditwheel PATH] "
            f"(got {argv}; did `make wheel` build one?)"
        )
    wheel = Path(argv[0]).resolve()
    if not wheel.is_file():
        sys.exit(f"no such wheel: {wheel}")
    if auditwheel is not None:
        check_platform(wheel, auditwheel)
    version = cargo_version(Path(__file__).resolve().parents[2])

    with tempfile.TemporaryDirectory(prefix="bilateral-install-") as tmp:
        home = Path(tmp)
        env_dir = home / "venv"
        venv.create(env_dir, with_pip=True)
        python, bin_dir = env_dir / "bin" / "python", env_dir / "bin"

        quiet = ["--quiet", "--disable-pip-version-check"]
        run([python, "-I", "-m", "pip", "install", *quiet, wheel], cwd=home)
        run([python, "-I", "-m", "pip", "check"], cwd=home)
        print(run([python, "-I", "-c", CHECKS, env_dir, version], cwd=home), end="")

        summary = run([bin_dir / "bilateral", "summary"], cwd=home)
        if "$547.6 million" not in summary:
            sys.exit(f"FAILED: `bilateral summary` does not show $547.6 million:\n{summary}")
        print(f"bilateral summary: {len(summary.splitlines())} lines, $547.6 million shown")
        report = run([bin_dir / "bilateral", "report", "--format", "markdown"], cwd=home)
        if not report.startswith("# Azerbaijan and Kazakhstan"):
            sys.exit(f"FAILED: `bilateral report` does not print the report:\n{report[:500]}")
        print(f"bilateral report: {len(report.splitlines())} lines of Markdown")

        # pyproject.toml promises pandas 2.0 and later: the same checks on the newest 2.x.
        run([python, "-I", "-m", "pip", "install", *quiet, "pandas>=2.0,<3"], cwd=home)
        print(run([python, "-I", "-c", CHECKS, env_dir, version], cwd=home), end="")
    print(f"OK: {wheel.name} installs and works in a new virtual environment")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
