"""The web reader: a reading room over one archive database.

Server-rendered pages (FastAPI + Jinja2, no client framework): papers →
issues → pages (the page image with clickable article regions) → articles;
a search page with filters and highlighted snippets; a trends page with its
chart.

Safety rules, kept by construction:

* every template is autoescaped; the only pre-built HTML is search
  snippets, assembled from escaped pieces (:attr:`Hit.snippet_html`);
* requests name things by numeric ids only; a file is served only when its
  path comes from the database row of that id and lies inside the archive's
  page-image folder;
* user text reaches SQLite as bound parameters and FTS5 as quoted literals;
  bad queries become a message on the page, and page size, depth and query
  time are bounded (:mod:`jianbao.archive.search`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from jianbao.archive.grams import QueryError
from jianbao.archive.search import MAX_OFFSET, SearchQuery, search
from jianbao.archive.store import UNKNOWN, Archive, row_to_article
from jianbao.archive.trends import compute_trends, plot_trends

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 20
MAX_QUERY_CHARS = 200
#: Trends in the browser count at most this many articles per term.
WEB_TRENDS_MAX_ARTICLES = 20_000


class NotFound(Exception):
    def __init__(self, what: str) -> None:
        self.what = what


def make_env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["unknown"] = UNKNOWN
    return env


def create_app(db_path: str | Path) -> FastAPI:
    db_path = Path(db_path)
    env = make_env()
    app = FastAPI(title="剪报阅览室", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def get_archive() -> Iterator[Archive]:
        archive = Archive(db_path, create=False)
        try:
            yield archive
        finally:
            archive.close()

    def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    @app.exception_handler(NotFound)
    def not_found(request: Request, exc: NotFound) -> HTMLResponse:
        return render("error.html", 404, title="找不到", message=f"档案中没有这{exc.what}。")

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> HTMLResponse:
        return render("error.html", exc.status_code, title="找不到" if exc.status_code == 404 else "出错了",
                      message="没有这个页面。" if exc.status_code == 404 else "请求无法处理。")

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, exc: RequestValidationError) -> HTMLResponse:
        return render("error.html", 400, title="请求有误", message="地址中的编号或参数无效。")

    @app.get("/", response_class=HTMLResponse)
    def home(archive: Archive = Depends(get_archive)) -> HTMLResponse:
        return render("home.html", papers=archive.papers(), counts=archive.counts())

    @app.get("/papers/{paper_id}", response_class=HTMLResponse)
    def paper(paper_id: int, archive: Archive = Depends(get_archive)) -> HTMLResponse:
        row = archive.paper(paper_id) or raise_not_found("份报纸")
        issues = archive.issues_of(paper_id)
        return render("paper.html", paper=row, groups=group_by_month(issues))

    @app.get("/issues/{issue_id}", response_class=HTMLResponse)
    def issue(issue_id: int, archive: Archive = Depends(get_archive)) -> HTMLResponse:
        row = archive.issue(issue_id) or raise_not_found("期报纸")
        pages = [(pg, [article_card(a) for a in archive.articles_on(pg["id"])]) for pg in archive.pages_of(issue_id)]
        return render("issue.html", issue=row, pages=pages)

    @app.get("/pages/{page_id}", response_class=HTMLResponse)
    def page(page_id: int, archive: Archive = Depends(get_archive)) -> HTMLResponse:
        row = archive.page(page_id) or raise_not_found("个版面")
        issue_row = archive.issue(row["issue_id"])
        siblings = archive.pages_of(row["issue_id"])
        articles = [article_card(a) for a in archive.articles_on(page_id)]
        has_image = archive.image_path(page_id) is not None
        return render("page.html", page=row, issue=issue_row, siblings=siblings, articles=articles,
                      has_image=has_image, regions=region_boxes(row, articles) if has_image else [])

    @app.get("/pages/{page_id}/image")
    def page_image(page_id: int, archive: Archive = Depends(get_archive)) -> FileResponse:
        path = archive.image_path(page_id)
        if path is None:
            raise NotFound("个版面图像")
        return FileResponse(path, media_type="image/png")

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(article_id: int, archive: Archive = Depends(get_archive)) -> HTMLResponse:
        row = archive.article_row(article_id) or raise_not_found("篇文章")
        issue_row = archive.issue(row["issue_id"])
        art = row_to_article(row)
        jumps = {
            "from": jump_target(archive, row["issue_id"], art.continued_from),
            "to": jump_target(archive, row["issue_id"], art.continues_to),
        }
        return render("article.html", row=row, a=art, issue=issue_row, jumps=jumps,
                      page=archive.page(row["page_id"]), heading=display_title(row),
                      opener=split_dateline(art))

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, archive: Archive = Depends(get_archive)) -> HTMLResponse:
        params = request.query_params
        form = {k: (params.get(k) or "").strip()[:MAX_QUERY_CHARS] for k in
                ("q", "paper", "from", "to", "page", "credit", "kind", "start")}
        form["title"] = "1" if params.get("title") else ""
        result, error = None, None
        if any(form[k] for k in ("q", "credit", "paper", "kind")):
            try:
                query = search_query(form)
                result = search(archive, query)
            except QueryError as err:
                error = str(err)
        return render("search.html", form=form, result=result, error=error, papers=archive.papers(),
                      kinds=KIND_NAMES, pager=pager(form, result) if result else None)

    @app.get("/trends", response_class=HTMLResponse)
    def trends_page(request: Request, archive: Archive = Depends(get_archive)) -> HTMLResponse:
        form = trends_form(request)
        trends, error = None, None
        if form["terms"]:
            try:
                trends = compute_trends(archive, form["terms"].split(), by=form["by"],
                                        max_articles=WEB_TRENDS_MAX_ARTICLES)
            except QueryError as err:
                error = str(err)
        chart = "/trends/chart.svg?" + urlencode(form) if trends else None
        return render("trends.html", form=form, trends=trends, error=error, chart=chart)

    @app.get("/trends/chart.{fmt}")
    def trends_chart(fmt: str, request: Request, archive: Archive = Depends(get_archive)) -> Response:
        if fmt not in ("svg", "png"):
            raise NotFound("种图表格式")
        form = trends_form(request)
        try:
            trends = compute_trends(archive, form["terms"].split(), by=form["by"],
                                    max_articles=WEB_TRENDS_MAX_ARTICLES)
        except QueryError as err:
            return Response(str(err), status_code=400, media_type="text/plain; charset=utf-8")
        data = plot_trends(trends, fmt=fmt, per_10k=bool(form["per"]))
        return Response(data, media_type="image/svg+xml" if fmt == "svg" else "image/png")

    return app


def raise_not_found(what: str) -> Any:
    raise NotFound(what)


# The kinds of article a reader can narrow a search to, as the page names them.
KIND_NAMES = {"article": "消息/通讯", "photo": "图片新闻", "brief": "简讯", "commentary": "评论", "note": "编者的话"}


def search_query(form: dict[str, str]) -> SearchQuery:
    """The search form as a query; malformed numbers are a QueryError."""
    def number(name: str, label: str) -> int | None:
        if not form[name]:
            return None
        if not form[name].isdigit():
            raise QueryError(f"{label}应是数字")
        return int(form[name])

    start = number("start", "起始位置") or 0
    return SearchQuery(form["q"], title_only=bool(form["title"]), paper=form["paper"] or None,
                       date_from=form["from"] or None, date_to=form["to"] or None, page=number("page", "版次"),
                       credit=form["credit"] or None, kind=form["kind"] or None, limit=PAGE_SIZE,
                       offset=min(start, MAX_OFFSET + 1))


def pager(form: dict[str, str], result: Any) -> dict[str, str | None]:
    start = result.query.offset
    base = {k: v for k, v in form.items() if v and k != "start"}
    prev_start = max(0, start - PAGE_SIZE)
    next_start = start + PAGE_SIZE
    return {
        "prev": "/search?" + urlencode({**base, "start": prev_start}) if start > 0 else None,
        "next": "/search?" + urlencode({**base, "start": next_start})
        if next_start < result.total and next_start <= MAX_OFFSET else None,
    }


def trends_form(request: Request) -> dict[str, str]:
    params = request.query_params
    by = params.get("by") or "month"
    return {
        "terms": (params.get("terms") or "").strip()[:MAX_QUERY_CHARS],
        "by": by if by in ("month", "year") else "month",
        "per": "1" if params.get("per") else "",
    }


def article_card(row: Any) -> dict[str, Any]:
    regions = json.loads(row["regions"]) if row["regions"] else []
    return {
        "id": row["id"],
        "kind": row["kind"],
        "kicker": row["kicker"],
        "title": display_title(row),
        "byline": row["byline"],
        "regions": regions,
    }


def display_title(row: Any) -> str:
    """The title, else the first headline line, else (photo news) the start
    of the first caption."""
    if row["title"]:
        return row["title"]
    lines = json.loads(row["headline_lines"] or "[]")
    if lines:
        return lines[0]
    captions = json.loads(row["captions"] or "[]")
    if captions and captions[0].get("text"):
        text = captions[0]["text"]
        return "图片：" + (text if len(text) <= 24 else text[:24] + "…")
    return ""


def split_dateline(art: Any) -> tuple[str, str] | None:
    """(dateline, rest of the first paragraph) when the body opens with the
    dateline, as printed; the reader sets it in bold instead of repeating it."""
    if art.dateline and art.body and art.body[0].startswith(art.dateline):
        return art.dateline, art.body[0][len(art.dateline):]
    return None


def region_boxes(page: Any, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Article regions as percentages of the page, for links over the image."""
    width, height = page["width"], page["height"]
    if not width or not height:
        return []
    boxes = []
    for card in articles:
        for x0, y0, x1, y1 in card["regions"]:
            boxes.append({
                "id": card["id"], "title": card["title"] or "（无标题）",
                "left": round(100 * x0 / width, 3), "top": round(100 * y0 / height, 3),
                "width": round(100 * (x1 - x0) / width, 3), "height": round(100 * (y1 - y0) / height, 3),
            })
    return boxes


def jump_target(archive: Archive, issue_id: int, ref: Any) -> dict[str, Any] | None:
    """Where a "continued on/from page N" link goes: the other part when it
    was found, else that page of the issue, else nowhere (page not held)."""
    if ref is None:
        return None
    target = archive.find_article(issue_id, ref.page, ref.id)
    if target is not None:
        return {"page": ref.page, "href": f"/articles/{target['id']}"}
    page = archive.page_by_number(issue_id, ref.page)
    return {"page": ref.page, "href": f"/pages/{page['id']}" if page else None}


def group_by_month(issues: list[Any]) -> list[tuple[str, list[Any]]]:
    groups: dict[str, list[Any]] = {}
    for row in issues:
        groups.setdefault((row["issue_date"] or UNKNOWN)[:7], []).append(row)
    return list(groups.items())
