import json

import pyarrow.parquet as pq
from archive_fixtures import sample_issues
from typer.testing import CliRunner

from jianbao.cli import app
from jianbao.commands import index  # noqa: F401  (registers the commands)

runner = CliRunner()


def write_issues(tmp_path):
    paths = []
    for n, issue in enumerate(sample_issues()):
        path = tmp_path / f"issue{n}.json"
        path.write_text(json.dumps(issue.to_dict(), ensure_ascii=False), encoding="utf-8")
        paths.append(str(path))
    return paths


def run(*args):
    return runner.invoke(app, list(args))


def test_index_search_export_trends(tmp_path):
    db = str(tmp_path / "a.db")
    res = run("index", *write_issues(tmp_path), "--db", db)
    assert res.exit_code == 0, res.output
    res = run("search", "人民银行", "--db", db, "--json")
    hits = json.loads(res.stdout)
    assert [h["title"] for h in hits] == ["中国人民银行江城分行加大涉农信贷投放"]
    assert hits[0]["highlights"] == ["人民银行"]
    res = run("search", "新质生产力", "--db", db, "--limit", "2")
    assert res.exit_code == 0 and "4 articles" in res.stdout
    res = run("search", "", "--db", db, "--kind", "photo", "--json")
    assert [h["kind"] for h in json.loads(res.stdout)] == ["photo"]

    out = tmp_path / "all.jsonl"
    assert run("export", "--db", db, "--format", "jsonl", "-o", str(out)).exit_code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 8 and {"paper", "issue_date", "page", "body", "captions", "regions"} <= set(rows[0])
    out_json = tmp_path / "all.json"
    assert run("export", "--db", db, "--format", "json", "-o", str(out_json)).exit_code == 0
    assert len(json.loads(out_json.read_text(encoding="utf-8"))) == 8
    out_pq = tmp_path / "all.parquet"
    assert run("export", "--db", db, "--format", "parquet", "-o", str(out_pq)).exit_code == 0
    table = pq.read_table(out_pq)
    assert table.num_rows == 8 and "kicker" in table.column_names

    csv, png = tmp_path / "t.csv", tmp_path / "t.png"
    res = run("trends", "新质生产力", "--by", "month", "--db", db, "--csv", str(csv), "--png", str(png), "--per", "10000")
    assert res.exit_code == 0, res.output
    assert "2023-07" in res.stdout
    assert csv.read_text(encoding="utf-8").count("\n") == 4
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_a_batch_output_folder_of_json_lines_is_indexed_without_its_bookkeeping(tmp_path):
    """``jianbao batch`` writes one JSON Lines file per issue (an article a
    line) and keeps its manifest and report in ``_batch/``: indexing the
    folder reads the issues and leaves the bookkeeping alone."""
    from jianbao.export.json import render_jsonl

    out = tmp_path / "parsed"
    (out / "_batch").mkdir(parents=True)
    (out / "_batch" / "report.json").write_text('{"issues": []}', encoding="utf-8")
    issues = sample_issues()
    for n, issue in enumerate(issues):
        (out / f"issue{n}.jsonl").write_text(render_jsonl(issue, stitch=True), encoding="utf-8")
    db = str(tmp_path / "a.db")
    res = run("index", str(out), "--db", db)
    assert res.exit_code == 0, res.output
    res = run("search", "", "--db", db, "--json", "--limit", "100")
    assert len(json.loads(res.stdout)) == sum(len(p.articles) for issue in issues for p in issue.pages)


def test_a_broken_json_lines_file_is_named_with_its_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"page": 1, "title": "江城新闻", "body": []}\n{not json\n', encoding="utf-8")
    res = run("index", str(bad), "--db", str(tmp_path / "a.db"))
    assert res.exit_code == 2 and res.stderr == f"jianbao: {bad}: line 2: not valid JSON\n"


def test_reindex_reports_replacement(tmp_path):
    db = str(tmp_path / "a.db")
    paths = write_issues(tmp_path)
    run("index", paths[0], "--db", db)
    res = run("index", paths[0], "--db", db)
    assert "replaced 江城日报 2023-03-05" in res.stderr


def test_bad_inputs_exit_2_with_one_line(tmp_path):
    db = str(tmp_path / "a.db")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    for args in (
        ("index", str(bad), "--db", db),
        ("index", str(tmp_path / "missing.json"), "--db", db),
        ("search", "中国", "--db", str(tmp_path / "none.db")),
        ("export", "--db", db, "--format", "xml", "-o", str(tmp_path / "x")),
        ("trends", "两 个", "--db", db),
        ("search", "中国", "--db", db, "--from", "yesterday"),
    ):
        res = run(*args)
        assert res.exit_code == 2, args
        assert res.stderr.startswith("jianbao: ") and res.stderr.count("\n") == 1, res.stderr
        assert "Traceback" not in res.output
    assert not (tmp_path / "x").exists()


RAW_PAGE = """江城日报
2023年3月5日 星期日
第1版 要闻

老街夜市重新开张
本报记者 林晓雨

本报江城3月4日电 沿河老街夜市经过三个月改造重新开张，摊位统一换上了防雨棚，新质生产力也走进了小吃摊。
市民说，夜市的烟火气又回来了。
"""


def test_raw_pages_are_parsed_on_the_fly_then_trended(tmp_path):
    page = tmp_path / "p1.txt"
    page.write_text(RAW_PAGE, encoding="utf-8")
    db = str(tmp_path / "a.db")
    res = run("index", str(page), "--db", db, "--paper", "江城日报", "--issue-date", "2023-03-05")
    assert res.exit_code == 0, res.output
    csv = tmp_path / "t.csv"
    res = run("trends", "新质生产力", "--by", "month", "--db", db, "--csv", str(csv))
    assert res.exit_code == 0, res.output
    assert csv.read_text(encoding="utf-8").splitlines()[1].startswith("2023-03,新质生产力,")
