"""The reader's pages over HTTP: content, escaping, ids only, friendly errors."""

import pytest
from fastapi.testclient import TestClient

from jianbao.web.app import create_app


@pytest.fixture(scope="module")
def client(reader_db):
    return TestClient(create_app(reader_db))




def test_home_lists_papers(client):
    res = client.get("/")
    assert res.status_code == 200
    assert "江城日报" in res.text and "海滨晚报" in res.text
    assert 'lang="zh-CN"' in res.text


def test_issue_and_page_with_regions(client):
    res = client.get("/issues/1")
    assert "第1版" in res.text and "中国人民银行江城分行加大涉农信贷投放" in res.text
    page = client.get("/pages/1")
    assert 'class="region"' in page.text and 'href="/articles/1"' in page.text
    img = client.get("/pages/1/image")
    assert img.status_code == 200 and img.content[:4] == b"\x89PNG"


def test_article_shows_stack_credits_and_jump_links(client):
    res = client.get("/articles/1")
    text = res.text
    for piece in ("春耕备耕正当时", "一季度新增贷款逾百亿元", "本报记者 林晓雨 通讯员 周建", "本报江城3月4日电", "通讯员"):
        assert piece in text
    assert '<strong class="dateline">本报江城3月4日电</strong>' in text
    assert text.count("本报江城3月4日电") == 1
    assert "（下转第2版）" in text and 'href="/articles/4"' in text
    back = client.get("/articles/4").text
    assert "（上接第1版）" in back and 'href="/articles/1"' in back


def test_photo_news_is_titled_by_its_caption(client):
    assert "图片：新建成的滨江步道迎来首批晨练市民。" in client.get("/pages/1").text


def test_article_text_is_escaped(client):
    res = client.get("/articles/5")
    assert "<script>alert(1)</script>" not in res.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in res.text
    assert "&amp;amp;" in res.text


def test_search_page_highlights_and_escapes(client):
    res = client.get("/search", params={"q": "script"})
    assert "<script>" not in res.text
    assert "&lt;<mark>script</mark>&gt;" in res.text
    res = client.get("/search", params={"q": "新质生产力", "paper": "海滨晚报"})
    assert "共 <strong>1</strong> 篇" in res.text


def test_the_kind_filter_offers_every_kind_of_the_model():
    from jianbao.model import KINDS
    from jianbao.web.app import KIND_NAMES

    assert list(KIND_NAMES) == list(KINDS)


def test_search_by_kind_alone(client):
    res = client.get("/search", params={"kind": "photo"})
    assert "共 <strong>1</strong> 篇" in res.text
    assert '<option value="photo" selected>' in res.text
    res = client.get("/search", params={"kind": "editorial"})
    assert 'class="error"' in res.text


def test_search_errors_are_friendly(client):
    res = client.get("/search", params={"q": "中国", "from": "上周"})
    assert res.status_code == 200 and 'class="error"' in res.text
    res = client.get("/search", params={"q": "中国", "page": "一"})
    assert 'class="error"' in res.text
    for q in ['"', "NEAR(", "{title_text}:x", "AND OR"]:
        assert client.get("/search", params={"q": q}).status_code == 200


def test_unknown_ids_and_paths(client):
    assert client.get("/articles/999").status_code == 404
    assert client.get("/articles/abc").status_code == 400
    assert client.get("/pages/999/image").status_code == 404
    assert client.get("/pages/..%2F..%2Fetc%2Fpasswd/image").status_code in (400, 404)
    assert client.get("/static/../app.py").status_code == 404


def test_trends_page_and_chart(client):
    res = client.get("/trends", params={"terms": "新质生产力", "by": "month"})
    assert "2023-07" in res.text and "/trends/chart.svg?" in res.text
    chart = client.get("/trends/chart.svg", params={"terms": "新质生产力", "by": "year"})
    assert chart.headers["content-type"].startswith("image/svg+xml")
    png = client.get("/trends/chart.png", params={"terms": "新质生产力"})
    assert png.content[:4] == b"\x89PNG"
    assert client.get("/trends/chart.svg", params={"terms": "两 个 词 一 二 三 四 五 六"}).status_code == 400
