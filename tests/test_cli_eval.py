"""``jianbao eval`` on the command line: table, --json, --details, errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from jianbao.cli import app

runner = CliRunner()

GOLD = {
    "pages": [
        {
            "page": 1,
            "articles": [
                {
                    "id": "a1",
                    "title": "山村通了公交车",
                    "byline": "本报记者 赵青",
                    "body": ["白石村的村民昨天坐上了第一班公交车。", "从村口到县城只要四十分钟。"],
                    "captions": [],
                    "continues_to": None,
                }
            ],
        }
    ]
}


def write(path, data) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_table_by_default(tmp_path):
    gold = write(tmp_path / "gold.json", GOLD)
    result = runner.invoke(app, ["eval", gold, gold])
    assert result.exit_code == 0, result.output
    assert "article F1" in result.output and "1.000" in result.output


def test_json_output_parses(tmp_path):
    gold = write(tmp_path / "gold.json", GOLD)
    result = runner.invoke(app, ["eval", gold, gold, "--json"])
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["metrics"]["article_f1"] == 1.0
    assert report["counts"]["gold_articles"] == 1


def test_details_name_the_problem(tmp_path):
    gold = write(tmp_path / "gold.json", GOLD)
    wrong = json.loads(json.dumps(GOLD))
    wrong["pages"][0]["articles"][0]["title"] = "山村通车"
    pred = write(tmp_path / "pred.json", wrong)
    result = runner.invoke(app, ["eval", pred, gold, "--details"])
    assert result.exit_code == 0
    assert "headline a1" in result.output and "山村通车" in result.output


def test_missing_file_exits_2_with_one_line(tmp_path):
    gold = write(tmp_path / "gold.json", GOLD)
    result = runner.invoke(app, ["eval", str(tmp_path / "missing.json"), gold])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("jianbao: ") and "missing.json" in lines[0]
    assert "Traceback" not in result.output


def test_invalid_json_exits_2(tmp_path):
    gold = write(tmp_path / "gold.json", GOLD)
    bad = tmp_path / "bad.json"
    bad.write_text('{"pages": [', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(bad), gold])
    assert result.exit_code == 2
    assert "invalid JSON" in result.stderr


def test_json_lines_predictions_pair_with_gold_folders(tmp_path):
    """``batch`` writes ``<issue>.jsonl``, an article a line with its page:
    it scores against ``<issue>/gold.json`` as the JSON would, and the
    batch's own ``_batch/`` files are no unclaimed predictions."""
    gold_dir = tmp_path / "gold" / "jc-20240301"
    gold_dir.mkdir(parents=True)
    write(gold_dir / "gold.json", GOLD)
    pred = tmp_path / "pred"
    (pred / "_batch").mkdir(parents=True)
    write(pred / "_batch" / "report.json", {"issues": []})
    row = {"paper": "江城日报", "issue_date": "2024-03-01", "page": 1, **GOLD["pages"][0]["articles"][0]}
    (pred / "jc-20240301.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(pred), str(tmp_path / "gold"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["metrics"]["article_f1"] == 1.0
    assert report["unpaired_predictions"] == []


def test_a_gold_folder_of_linked_issue_folders_is_read(tmp_path):
    """A gold set put together from links to the annotated issues."""
    kept = tmp_path / "annotated" / "jc-20240301"
    kept.mkdir(parents=True)
    write(kept / "gold.json", GOLD)
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "jc-20240301").symlink_to(kept, target_is_directory=True)
    pred = tmp_path / "pred"
    pred.mkdir()
    write(pred / "jc-20240301.json", GOLD)
    result = runner.invoke(app, ["eval", str(pred), str(gold), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["metrics"]["article_f1"] == 1.0


def test_broken_json_lines_name_the_line(tmp_path):
    gold = write(tmp_path / "gold.json", GOLD)
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"page": 1, "title": "x", "body": []}\n{oops\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(pred), gold])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"jianbao: {pred}: line 2: invalid JSON")
