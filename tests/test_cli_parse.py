"""`jianbao parse`: formats, stdin, atomic output, --check, options, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

import compose_text  # noqa: E402

from jianbao.cli import app  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "p1.txt"
    path.write_text(compose_text.sample_page(), encoding="utf-8")
    return path


def jianbao(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the installed command line in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "jianbao", *args], input=stdin, capture_output=True, timeout=120, env=os.environ | {"COLUMNS": "120"}
    )


def assert_one_error_line(stderr: str, source: str, problem: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"jianbao: {source}: ") and problem in lines[0]
    assert "Traceback" not in stderr


def test_parse_prints_json_by_default(page: Path) -> None:
    result = runner.invoke(app, ["parse", str(page)])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert d["schema"] == "jianbao/1"
    assert d["paper"] == "江州日报" and d["issue_date"] == "2024-10-09"
    assert d["sources"] == [str(page)]
    assert len(d["pages"]) == 1 and d["pages"][0]["articles"]


def test_parse_jsonl_and_markdown(page: Path) -> None:
    jsonl = runner.invoke(app, ["parse", str(page), "--format", "jsonl"])
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert rows and all(r["page"] == 1 and r["paper"] == "江州日报" for r in rows)
    md = runner.invoke(app, ["parse", str(page), "-f", "md"])
    assert md.exit_code == 0
    assert md.stdout.startswith("# 江州日报 2024-10-09")
    assert "### 青石河大桥合龙" in md.stdout


def test_output_file_is_written(page: Path, tmp_path: Path) -> None:
    out = tmp_path / "deep" / "out.json"
    result = runner.invoke(app, ["parse", str(page), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["pages"][0]["page"] == 1
    assert [p.name for p in out.parent.iterdir()] == ["out.json"]  # no temporary left


def test_no_output_file_on_bad_input(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["parse", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert_one_error_line(result.stderr, str(bad), "empty file")
    assert list(tmp_path.iterdir()) == [bad]


def test_check_reports_that_every_character_is_placed(page: Path) -> None:
    result = runner.invoke(app, ["parse", str(page), "--check", "-f", "jsonl"])
    assert result.exit_code == 0
    assert "every printed character is accounted for" in result.stderr


def test_issue_date_and_paper_options(page: Path) -> None:
    result = runner.invoke(app, ["parse", str(page), "--issue-date", "2024-01-02", "--paper", "晨报"])
    d = json.loads(result.stdout)
    assert d["issue_date"] == "2024-01-02" and d["paper"] == "晨报"


@pytest.mark.parametrize("value", ["2024-13-01", "2024/10/09", "tomorrow"])
def test_bad_issue_date_is_refused(page: Path, value: str) -> None:
    result = runner.invoke(app, ["parse", str(page), "--issue-date", value])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"jianbao: --issue-date: expected YYYY-MM-DD, got {value!r}"]
    assert result.stdout == ""


def test_pages_option_numbers_the_inputs(page: Path, tmp_path: Path) -> None:
    second = tmp_path / "p2.txt"
    second.write_text("青石河大桥\n（上接第1版）\n两岸居民过河时间将缩短。\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(page), str(second), "--pages", "1,4"])
    assert result.exit_code == 0, result.stderr
    assert [p["page"] for p in json.loads(result.stdout)["pages"]] == [1, 4]


def test_a_file_of_pages_split_by_form_feeds_parses_as_those_pages(page: Path, tmp_path: Path) -> None:
    # ``pdftotext issue.pdf`` writes a whole issue to one file, a form feed
    # after each page: it parses as the pages given one file each.
    second = "第2版 要闻\n青石河大桥\n（上接第1版）\n两岸居民过河时间将缩短。\n"
    (tmp_path / "p2.txt").write_text(second, encoding="utf-8")
    (tmp_path / "issue.txt").write_text(page.read_text(encoding="utf-8") + "\f" + second + "\f", encoding="utf-8")
    apart = json.loads(runner.invoke(app, ["parse", str(page), str(tmp_path / "p2.txt")]).stdout)
    whole = runner.invoke(app, ["parse", str(tmp_path / "issue.txt"), "--check"])
    assert whole.exit_code == 0, whole.stderr
    together = json.loads(whole.stdout)
    assert [p["page"] for p in together["pages"]] == [1, 2]
    # The same articles; only provenance differs, its line numbers running
    # on over the one file.
    def articles(issue: dict) -> list[list[dict]]:
        return [[{k: v for k, v in a.items() if k != "provenance"} for a in p["articles"]] for p in issue["pages"]]

    assert articles(together) == articles(apart)
    assert together["pages"][1]["articles"][0]["provenance"]["body"] == [len(page.read_text(encoding="utf-8").splitlines()) + 5]


@pytest.mark.parametrize(("value", "problem"), [("1,x", "--pages: expected numbers"), ("1,2,3", "--pages numbers the pages read, one number each: got 3 for 1 pages")])
def test_bad_pages_option(page: Path, value: str, problem: str) -> None:
    result = runner.invoke(app, ["parse", str(page), "--pages", value])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("jianbao: ") and problem in line


def test_unknown_format_is_refused(page: Path) -> None:
    result = runner.invoke(app, ["parse", str(page), "--format", "xml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["jianbao: --format: unknown format 'xml' (json, jsonl, md)"]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty file"),
        ("noise.txt", bytes(range(256)) * 8, "binary data"),
        ("folder", "dir", "is a directory"),
    ],
)
def test_bad_input_is_one_stderr_line_and_exit_2(tmp_path: Path, name: str, content: bytes | str | None, problem: str) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    result = jianbao("parse", str(path))
    assert result.returncode == 2
    assert_one_error_line(result.stderr.decode(), str(path), problem)
    assert result.stdout == b""


def test_stdin_dash_and_python_dash_m(page: Path) -> None:
    result = jianbao("parse", "-", "--format", "jsonl", stdin=page.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert any(r["title"] == "青石河大桥合龙" for r in rows)


def test_empty_stdin_is_an_input_error() -> None:
    result = jianbao("parse", "-", stdin=b"")
    assert result.returncode == 2
    assert_one_error_line(result.stderr.decode(), "<stdin>", "empty file")


def test_help_lists_the_commands() -> None:
    result = jianbao("--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    for command in ("parse", "eval"):
        assert command in out


# --- the bundled example page ------------------------------------------------------

REPO = Path(__file__).resolve().parents[1]


def test_the_example_page_is_the_composed_sample_and_ships_with_the_package() -> None:
    from importlib.resources import files

    packaged = files("jianbao").joinpath("examples/sample_page.txt").read_text(encoding="utf-8")
    assert packaged == compose_text.sample_page()
    assert (REPO / "examples" / "sample_page.txt").read_text(encoding="utf-8") == packaged


def test_the_readme_command_parses_the_example() -> None:
    result = runner.invoke(app, ["parse", str(REPO / "examples" / "sample_page.txt"), "--format", "md", "--check"])
    assert result.exit_code == 0, result.stderr
    for title in ("### 青石河大桥合龙", "### 让老街巷留住烟火气", "### 银杏大道迎客来"):
        assert title in result.stdout
    assert "（下转第4版）" in result.stdout


# --- several inputs, some bad ---------------------------------------------------------


@pytest.fixture()
def mixed_inputs(page: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """A good page, a missing file and a file that is no PDF at all."""
    missing = tmp_path / "p2.txt"
    broken = tmp_path / "p3.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    return page, missing, broken


def test_bad_inputs_among_good_ones_are_listed_at_the_end(mixed_inputs: tuple[Path, Path, Path], tmp_path: Path) -> None:
    good, missing, broken = mixed_inputs
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["parse", str(missing), str(good), str(broken), "-o", str(out), "--check"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("jianbao: ")]
    assert [line.split(": ")[1] for line in errors] == [str(missing), str(broken)]
    assert "no such file" in errors[0]
    assert result.stderr.splitlines()[-2:] == errors  # after everything else
    assert "Traceback" not in result.stderr
    issue = json.loads(out.read_text(encoding="utf-8"))
    assert issue["sources"] == [str(good)]
    assert issue["pages"][0]["articles"]


def test_nothing_is_written_when_every_input_is_bad(mixed_inputs: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, missing, broken = mixed_inputs
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["parse", str(missing), str(broken), "-o", str(out)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 2
    assert not out.exists()


def test_library_callers_still_get_the_first_error(mixed_inputs: tuple[Path, Path, Path]) -> None:
    from jianbao.errors import InputError
    from jianbao.pipeline import parse_paths

    good, missing, broken = mixed_inputs
    with pytest.raises(InputError) as err:
        parse_paths([str(good), str(missing), str(broken)])
    assert err.value.source == str(missing)
    failed: list[InputError] = []
    issue = parse_paths([str(good), str(missing), str(broken)], failed=failed)
    assert [e.source for e in failed] == [str(missing), str(broken)]
    assert issue.sources == [str(good)] and len(issue.pages) == 1


def test_library_callers_may_pass_path_objects(mixed_inputs: tuple[Path, Path, Path]) -> None:
    from jianbao.export import render
    from jianbao.pipeline import parse_paths

    good, _, _ = mixed_inputs
    issue = parse_paths([good])
    assert issue.sources == [str(good)]
    assert json.loads(render(issue, "json"))["pages"]


def test_a_page_whose_column_order_was_rebuilt_gets_a_note_on_stderr(tmp_path: Path) -> None:
    flow = [line for story in (compose_text.HARVEST, compose_text.BRIDGE) for line in compose_text.body_lines(story, 12)]
    depth = len(flow) // 3
    columns = [flow[k * depth : (k + 1) * depth] for k in range(3)]
    rows = [line for row in zip(*columns) for line in row]  # printed row by row across the columns
    path = tmp_path / "p1.txt"
    path.write_text("\n".join([*compose_text.SAMPLE_HEADER, "", "江州早市换新颜", "", *rows]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(path), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 0, result.stderr
    (note,) = result.stderr.splitlines()
    assert note.startswith(f"note: {path} page 1: ") and "pdftotext -raw" in note


def test_a_page_in_column_order_gets_no_note(page: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(page), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 0 and result.stderr == ""


def test_two_pages_pasted_into_one_file_are_two_pages_and_their_jump_links(tmp_path: Path) -> None:
    issue = tmp_path / "issue.txt"
    issue.write_text(
        "第1版 要闻\n江州大桥今天通车\n本报讯 江州大桥今天上午正式通车，大桥全长\n三公里。市民表示，过江时间将缩（下转第2版）\n"
        "第2版 要闻\n江州大桥今天通车\n（上接第1版）短一半。\n",
        encoding="utf-8",
    )
    out = tmp_path / "issue.json"
    result = runner.invoke(app, ["parse", str(issue), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [p["page"] for p in data["pages"]] == [1, 2]
    assert data["pages"][0]["articles"][0]["continues_to"] == {"page": 2, "id": "p2a1"}
