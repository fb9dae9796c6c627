import sqlite3

import pytest
from archive_fixtures import jiangcheng_spring, make_issue_pdf, sample_issues

from jianbao.archive import index_issue
from jianbao.archive.ingest import add_issue
from jianbao.archive.search import SearchQuery, search
from jianbao.archive.store import Archive, issue_key
from jianbao.errors import InputError


def snapshot(arc):
    return arc.counts(), [h.archive_id for h in search(arc, SearchQuery("新质生产力")).hits]


def integrity_ok(arc):
    for table in ("article_fts", "article_grams"):
        arc.conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def test_counts_and_fields_round_trip(archive):
    assert archive.counts() == {"papers": 2, "issues": 3, "pages": 4, "articles": 8}
    row = next(r for r in archive.iter_rows() if r["article_key"] == "p1a1")
    from jianbao.archive.store import export_dict

    d = export_dict(row)
    assert d["kicker"] == "春耕备耕正当时" and d["subtitle"] == "一季度新增贷款逾百亿元"
    assert d["credits"] == [{"role": "记者", "name": "林晓雨"}, {"role": "通讯员", "name": "周建"}]
    assert d["continues_to"] == {"page": 2, "id": "p2a1"}
    assert d["regions"] == [[30.0, 60.0, 400.0, 380.0]]
    assert (d["paper"], d["issue_date"], d["page"]) == ("江城日报", "2023-03-05", 1)


def test_reindexing_an_issue_replaces_it(archive):
    before = archive.counts()
    issue = jiangcheng_spring()
    issue.pages[0].articles[2].body = ["老街夜市改名为星光夜市。"]
    report = archive.index_issue(issue)
    assert report.replaced
    assert archive.counts() == before
    assert search(archive, SearchQuery("星光夜市")).total == 1
    assert search(archive, SearchQuery("防雨棚")).total == 0
    assert search(archive, SearchQuery("人民银行")).total == 1
    integrity_ok(archive)


def test_a_failed_issue_leaves_the_archive_as_it_was(archive, monkeypatch):
    before = snapshot(archive)
    original = Archive._insert_article
    calls = {"n": 0}

    def failing(self, *args):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("killed")
        return original(self, *args)

    monkeypatch.setattr(Archive, "_insert_article", failing)
    with pytest.raises(RuntimeError):
        archive.index_issue(jiangcheng_spring())
    monkeypatch.undo()
    assert snapshot(archive) == before
    assert search(archive, SearchQuery("人民银行")).total == 1
    integrity_ok(archive)


def test_undated_issues_from_different_inputs_do_not_replace_each_other(tmp_path):
    arc = Archive(tmp_path / "a.db")
    first, second = sample_issues()[1], sample_issues()[1]
    first.issue_date = second.issue_date = None
    first.sources, second.sources = ["a.txt"], ["b.txt"]
    assert issue_key(first) != issue_key(second)
    arc.index_issue(first)
    arc.index_issue(second)
    assert arc.counts()["issues"] == 2


def test_pdf_pages_are_rendered_beside_the_database(tmp_path):
    pdf = make_issue_pdf(tmp_path / "issue.pdf")
    db = tmp_path / "a.db"
    index_issue(db, jiangcheng_spring(str(pdf)))
    with Archive(db) as arc:
        pages = arc.pages_of(1)
        paths = [arc.image_path(p["id"]) for p in pages]
        assert all(p is not None and p.read_bytes()[:4] == b"\x89PNG" for p in paths)
        assert all(arc.pages_dir.resolve() in p.parents for p in paths)
        first_folder = paths[0].parent
        add_issue(arc, jiangcheng_spring(str(pdf)))
        new_page = arc.pages_of(arc.conn.execute("SELECT id FROM issues").fetchone()[0])[0]
        assert arc.image_path(new_page["id"]).is_file()
        assert not first_folder.exists()


def test_image_paths_outside_the_page_folder_are_refused(archive):
    page_id = archive.pages_of(1)[0]["id"]
    archive.conn.execute("UPDATE pages SET image='../../etc/passwd' WHERE id=?", (page_id,))
    assert archive.image_path(page_id) is None


def test_an_archive_indexed_as_printed_is_reindexed_in_simplified_characters(tmp_path):
    """Schema 1 indexed the characters as printed: opened now, its text
    index is rebuilt from the stored articles, and a search in simplified
    characters finds a page printed in traditional ones."""
    from test_archive_search import traditional_issue

    from jianbao.archive.grams import COLUMNS, gram_columns, search_text
    from jianbao.archive.search import SearchQuery, search
    from jianbao.archive.store import row_to_article

    path = tmp_path / "old.db"
    arc = Archive(path)
    arc.index_issue(traditional_issue())
    with arc.conn:  # what a schema-1 archive holds
        for table in ("article_fts", "article_grams"):
            arc.conn.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
        for row in arc.conn.execute("SELECT * FROM articles").fetchall():
            text = search_text(row_to_article(row))
            for table, values in (("article_fts", text.columns()), ("article_grams", gram_columns(text))):
                arc.conn.execute(f"INSERT INTO {table}(rowid, {', '.join(COLUMNS)}) VALUES (?,?,?,?)", (row["id"], *values))
        arc.conn.execute("UPDATE meta SET value='1' WHERE key='schema'")
    assert search(arc, SearchQuery("新质生产力")).total == 0
    arc.close()
    arc = Archive(path, create=False)
    assert search(arc, SearchQuery("新质生产力")).total == 1
    assert arc.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0] == "2"
    arc.close()


def test_not_an_archive(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_text("hello")
    with pytest.raises(InputError):
        Archive(bad)
    with pytest.raises(InputError, match="no such archive"):
        Archive(tmp_path / "missing.db", create=False)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(InputError, match="not a jianbao archive"):
        Archive(other, create=False)
