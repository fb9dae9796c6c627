"""The reader in a real browser: Playwright driving Debian's chromium.

Set JIANBAO_SCREENSHOTS=folder to keep screenshots of the issue page, an
article, the search results and the trends page.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": 1280, "height": 900}, locale="zh-CN",
        )
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    yield page
    page.close()


def shoot(page, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("JIANBAO_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_browse_from_paper_to_article_by_clicking_the_page(page, live_server, tmp_path):
    page.goto(live_server + "/")
    page.get_by_role("link", name="江城日报").click()
    page.get_by_role("link", name="2023-03-05").click()
    assert page.locator("h1").inner_text().startswith("江城日报")
    page.get_by_role("link", name="第1版 · 要闻").click()
    image = page.locator(".sheet img")
    image.wait_for()
    assert page.evaluate("document.querySelector('.sheet img').naturalWidth") > 500
    region = page.locator("a.region[title='中国人民银行江城分行加大涉农信贷投放']")
    assert region.bounding_box()["width"] > 100
    shoot(page, "issue-page", tmp_path)
    region.click()
    assert page.locator("h1").inner_text() == "中国人民银行江城分行加大涉农信贷投放"
    assert page.locator(".headline .kicker").inner_text() == "春耕备耕正当时"
    assert page.locator(".subtitle").inner_text() == "一季度新增贷款逾百亿元"
    assert page.locator(".byline").inner_text() == "本报记者 林晓雨 通讯员 周建"
    assert page.locator(".body p").count() == 2
    shoot(page, "article", tmp_path)
    page.get_by_role("link", name="（下转第2版）").click()
    assert page.locator("h1").inner_text() == "信贷投放"
    assert page.get_by_role("link", name="（上接第1版）").is_visible()


def test_search_highlights_and_leads_to_the_article(page, live_server, tmp_path):
    page.goto(live_server + "/search")
    page.get_by_label("检索词").fill("人民银行")
    page.get_by_role("button", name="检索").click()
    assert "共 1 篇" in page.locator(".count").inner_text()
    marks = page.locator(".hit mark")
    assert marks.first.inner_text() == "人民银行"
    shoot(page, "search", tmp_path)
    page.locator(".hit-title").first.click()
    assert page.locator("h1").inner_text() == "中国人民银行江城分行加大涉农信贷投放"


def test_markup_in_articles_is_shown_as_text(page, live_server):
    page.goto(live_server + "/search?q=" + "script")
    page.locator(".hit-title").first.click()
    assert "<script>alert(1)</script>" in page.locator(".body").inner_text()
    assert page.locator(".body script").count() == 0


def test_bad_query_gives_a_message(page, live_server):
    page.goto(live_server + "/search?q=中国&from=上周")
    assert page.get_by_role("alert").is_visible()


def test_trends_page_shows_the_chart(page, live_server, tmp_path):
    page.goto(live_server + "/trends")
    page.get_by_label("趋势词").fill("新质生产力")
    page.get_by_role("button", name="统计").click()
    chart = page.locator(".chart img")
    chart.wait_for()
    page.wait_for_function("document.querySelector('.chart img').complete")
    assert page.evaluate("document.querySelector('.chart img').naturalWidth") > 300
    assert page.locator("table.trends tbody tr").count() == 3
    shoot(page, "trends", tmp_path)


def test_article_fits_a_phone(browser, live_server, tmp_path):
    phone = browser.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(live_server + "/articles/1")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    size = phone.evaluate("parseFloat(getComputedStyle(document.querySelector('.body p')).fontSize)")
    assert size >= 16
    shoot(phone, "article-phone", tmp_path)
    phone.close()
