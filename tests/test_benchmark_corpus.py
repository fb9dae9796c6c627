"""benchmarks/corpus.py on a tiny corpus composed here (invented text)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py"

PAGE = """青禾日报
2023年10月20日 星期五 第1版 要闻

青禾县稻谷喜获丰收

本报记者 林小禾
今年秋季，青禾县十二个乡镇的稻谷喜获丰收，亩产比去年提高了一成。
县农业部门负责人介绍，新修的灌溉水渠让两万亩旱地变成了良田。
"""

GOLD = {
    "issue_date": "2023-10-20",
    "paper": "青禾日报",
    "pages": [
        {
            "page": 1,
            "articles": [
                {
                    "id": "a1",
                    "kind": "article",
                    "kicker": "",
                    "title": "青禾县稻谷喜获丰收",
                    "subtitle": "",
                    "byline": "本报记者 林小禾",
                    "body": [
                        "今年秋季，青禾县十二个乡镇的稻谷喜获丰收，亩产比去年提高了一成。",
                        "县农业部门负责人介绍，新修的灌溉水渠让两万亩旱地变成了良田。",
                    ],
                    "captions": [],
                    "continues_to": None,
                    "continued_from": None,
                }
            ],
        }
    ],
}


@pytest.fixture(scope="module")
def corpus_module():
    spec = importlib.util.spec_from_file_location("corpus_benchmark", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the script loads.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.fixture
def shared(tmp_path):
    for name in ("qh-20231020", "qh-20231021"):
        issue = tmp_path / "corpus" / "dev" / name
        issue.mkdir(parents=True)
        (issue / "gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
        (issue / "p1.pymupdf.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path


def test_gold_and_text_modes(corpus_module, shared, tmp_path, capsys):
    figures_file = tmp_path / "figures.json"
    code = corpus_module.main(
        ["--mode", "gold,pymupdf", "--shared", str(shared), "--out", str(tmp_path / "out"), "--json", str(figures_file), "--details"]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "article F1" in printed and "conservation fails" in printed
    modes = {m["mode"]: m for m in json.loads(figures_file.read_text(encoding="utf-8"))["modes"]}
    assert all(v == 1.0 for k, v in modes["gold"]["metrics"].items() if k != "body_cer" and v is not None)
    text = modes["pymupdf"]
    assert text["counts"]["files"] == 2 and text["pages_parsed"] == 2
    assert isinstance(text["conservation_failing_pages"], int)
    assert (tmp_path / "out" / "pymupdf" / "qh-20231020.json").is_file()


def test_issue_limit_and_unknown_mode(corpus_module, shared, tmp_path, capsys):
    corpus_module.main(["--mode", "gold", "--issues", "1", "--shared", str(shared), "--out", str(tmp_path / "o")])
    assert "issues" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "o" / "gold").iterdir()) == ["qh-20231020.json"]
    with pytest.raises(SystemExit):
        corpus_module.main(["--mode", "nonsense", "--shared", str(shared)])


def test_page_files_sort_by_number(corpus_module, tmp_path):
    for n in (10, 2, 1):
        (tmp_path / f"p{n}.pdftotext.txt").write_text("x", encoding="utf-8")
    assert [p.name for p in corpus_module.page_files(tmp_path, ".pdftotext.txt")] == [
        "p1.pdftotext.txt",
        "p2.pdftotext.txt",
        "p10.pdftotext.txt",
    ]


def test_an_extractor_whose_tool_is_missing_says_what_to_install(corpus_module, monkeypatch):
    extractors = sys.modules["extractors"]
    monkeypatch.setattr(extractors.shutil, "which", lambda name: None)
    assert "libpdfbox2-java" in extractors.unavailable("pdfbox-sorted")
    assert "poppler-utils" in extractors.unavailable("pdftotext-raw")
    assert "npm install" in extractors.unavailable("pdfjs")
