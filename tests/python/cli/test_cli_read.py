"""`bilateral read` writes a text's draft as a dataset file; `bilateral check` checks a
text against a store."""

from __future__ import annotations

import json
from pathlib import Path

import bilateral
import pytest
from bilateral.__main__ import main

TEXT = (
    "Over 150,000 Azerbaijani tourists visited Kazakhstan in 2024, up from around "
    "59,000 in 2022.\nTrade between the two countries reached $547.6 million in the first "
    "eight months of 2025.\n"
)


def test_read_writes_a_dataset_file_that_a_store_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, out = tmp_path / "article.txt", tmp_path / "draft.json"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["read", str(article), "-o", str(out), "--pair", "AZE", "Kazakhstan"]) == 0
    assert "Draft(3 figures, 1 claim, 0 events)" in capsys.readouterr().out
    dataset = json.loads(out.read_text(encoding="utf-8"))
    assert [o["value"] for o in dataset["observations"]] == [150_000, 59_000, 547_600_000]
    store = bilateral.Store()
    assert store.load(out)["observations"] == 3


def test_check_gives_each_figure_and_claim_its_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["check", str(article)]) == 0
    out = capsys.readouterr().out.splitlines()
    # over 150,000 against the stored over 102,000: no overlap; the rest as stored
    assert out[0].startswith("contradicted: figure “Over 150,000”")
    assert out[-1] == "3 supported, 1 contradicted"


def test_a_missing_text_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["read", str(tmp_path / "none.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_check_writes_the_fact_check_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, page = tmp_path / "article.txt", tmp_path / "check.html"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["check", str(article), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# Fact check: Azerbaijan and Kazakhstan")
    assert "- The text states 3 figures: 1 contradicted, 2 supported." in markdown
    assert main(["check", str(article), "--format", "html", "-o", str(page)]) == 0
    assert "Fact check: Azerbaijan and Kazakhstan" in page.read_text(encoding="utf-8")
