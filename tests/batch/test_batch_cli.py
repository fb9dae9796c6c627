"""``jianbao batch`` on the command line: exit codes and messages."""

import json

from typer.testing import CliRunner

from batch_inputs import write_issue_folder
from jianbao import commands  # noqa: F401  (registers the batch command)
from jianbao.cli import app

runner = CliRunner()


def test_exit_0_when_every_issue_is_parsed(small_tree, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(small_tree), "--out", str(out), "-j", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "issues: 4 (4 parsed" in result.output
    assert json.loads((out / "_batch" / "report.json").read_text(encoding="utf-8"))["parsed"] == 4


def test_exit_1_with_each_bad_file_named(small_tree, tmp_path):
    (small_tree / "blank.txt").write_bytes(b"\n\n")
    (small_tree / "junk.pdf").write_bytes(b"not a pdf at all")
    report = tmp_path / "report.json"
    result = runner.invoke(
        app, ["batch", str(small_tree), "--out", str(tmp_path / "out"), "-j", "1", "--report", str(report)]
    )
    assert result.exit_code == 1
    assert "failed: blank:" in result.output and "failed: junk:" in result.output
    assert {f["issue"] for f in json.loads(report.read_text(encoding="utf-8"))["failures"]} == {"blank", "junk"}


def test_exit_2_for_unusable_arguments(tmp_path):
    write_issue_folder(tmp_path / "in", "a", pages=1)
    cases = [
        ["batch", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")],
        ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--format", "xml"],
        ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--scheduler", "tcp://h:1"],
    ]
    for args in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert result.output.startswith("jianbao: ") and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
