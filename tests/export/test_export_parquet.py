import pyarrow.parquet as pq

from jianbao.export.parquet import (
    ARTICLES_SCHEMA,
    PAGES_SCHEMA,
    articles_table,
    concat_files,
    pages_table,
    render_parquet,
)
from jianbao.model import Article, Caption, Credit, Issue, JumpRef, Page


def sample_issue() -> Issue:
    lead = Article(
        id="p1a1",
        title="春耕备耕正当时",
        byline="本报记者 张华",
        credits=[Credit("记者", "张华")],
        body=["田间地头一片忙碌。", "农机手驾驶拖拉机来回穿梭。"],
        captions=[Caption(text="农民在田里插秧。", credit="王强摄")],
        continues_to=JumpRef(page=2, id="p2a1"),
    )
    rest = Article(id="p2a1", body=["今年将新增高标准农田。"], continued_from=JumpRef(page=1, id="p1a1"))
    return Issue(
        pages=[Page(number=1, articles=[lead], section="要闻"), Page(number=2, articles=[rest])],
        paper="晨光日报",
        issue_date="2021-04-02",
    )


def test_article_rows_follow_the_fixed_schema(tmp_path):
    table = articles_table(sample_issue(), "2021/0402")
    assert table.schema.equals(ARTICLES_SCHEMA, check_metadata=False)
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == ["p1a1", "p2a1"]
    assert rows[0]["text"] == "田间地头一片忙碌。农机手驾驶拖拉机来回穿梭。农民在田里插秧。"
    assert rows[0]["credits"] == [{"role": "记者", "name": "张华"}]
    assert (rows[0]["continues_to_page"], rows[0]["continues_to_id"]) == (2, "p2a1")
    assert rows[1]["continues_to_page"] is None and rows[1]["issue"] == "2021/0402"


def test_schema_column_order_is_stable():
    # Columns may only be appended; these must keep their positions.
    assert ARTICLES_SCHEMA.names[:8] == ["issue", "paper", "issue_date", "page", "section", "id", "kind", "kicker"]
    assert PAGES_SCHEMA.names[:5] == ["issue", "paper", "issue_date", "page", "section"]


def test_empty_issue_still_has_the_schema(tmp_path):
    path = tmp_path / "empty.parquet"
    path.write_bytes(render_parquet(Issue(pages=[Page(number=1)])))
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.schema.names == ARTICLES_SCHEMA.names


def test_concat_streams_files_into_one(tmp_path):
    parts = []
    for n in range(3):
        path = tmp_path / f"part{n}.parquet"
        pq.write_table(pages_table(sample_issue(), f"i{n}"), path)
        parts.append(path)
    rows = concat_files(parts, tmp_path / "all" / "pages.parquet", PAGES_SCHEMA)
    assert rows == 6
    merged = pq.read_table(tmp_path / "all" / "pages.parquet")
    assert merged.column("issue").to_pylist() == ["i0", "i0", "i1", "i1", "i2", "i2"]
    assert not list((tmp_path / "all").glob(".*"))
