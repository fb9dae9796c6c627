"""Scoring predicted clippings against gold clippings.

The metrics are those of the evaluation corpus (gold schema: ``pages[]`` of
``{"page": N, "articles": [...]}``; predictions use the same schema, extra
fields are ignored):

* every text comparison first removes every whitespace character, because
  extractors break and pad lines differently and whitespace is layout, not
  print;
* per page (pages are paired by page number), gold and predicted articles are
  paired by the Hungarian algorithm maximising similarity
  ``1 − Levenshtein / length of the longer`` over their *content* (body
  paragraphs then caption texts); a pair is a *match* when its similarity is
  at least :data:`MATCH_THRESHOLD`;
* article precision / recall / F1 are micro-averaged over pages; body CER,
  headline stack, kicker / title / subtitle, byline, caption text / credit,
  paragraph-boundary F1, jump marker and jump link are scored over the
  matches (an unmatched gold item counts as wrong).

Pairs whose similarity cannot reach the threshold are given similarity 0 in
the assignment: they are never matches, and letting their partial
similarity steer the assignment could trade a real match for two
non-matches.  This is also what keeps pages with many long articles fast:
Levenshtein distance is at least the length difference, so the length ratio
``shorter / longer`` bounds the similarity from above and most pairs are
ruled out without computing any distance.

Inputs are files or folders.  Folders are paired file by file, the gold side
deciding which files exist (see :func:`pair_folders`).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Iterable

import numpy as np
from rapidfuzz.distance import Levenshtein
from scipy.optimize import linear_sum_assignment

from jianbao.errors import InputError
from jianbao.fileio import STATE_DIR, files_under

MATCH_THRESHOLD = 0.9
# Unmatched items are reported with their most similar counterpart when it
# is at least this similar; below it the number says nothing useful.
DIAGNOSIS_FLOOR = 0.3
# An unmatched article and its nearest counterpart hold the same characters
# when at most this share of the article's length differs either way.
SAME_TEXT_SHARE = 0.05
# What a missed gold article's nearest prediction did with its text
# (:func:`diagnose`), as --details words it.
CAUSES = {
    "order": "its text in another order",
    "more": "its text and another's",
    "less": "part of its text",
    "mixed": "part of its text and another's",
}

METRIC_LABELS = [
    ("article_f1", "article F1"),
    ("article_precision", "  precision"),
    ("article_recall", "  recall"),
    ("body_cer", "body CER"),
    ("headline_exact", "headline stack exact"),
    ("kicker_exact", "  kicker exact"),
    ("title_exact", "  title exact"),
    ("subtitle_exact", "  subtitle exact"),
    ("byline_exact", "byline exact"),
    ("caption_text", "caption text"),
    ("caption_credit", "caption credit"),
    ("paragraph_f1", "paragraph F1"),
    ("jump_marker", "jump marker"),
    ("jump_link", "jump link"),
]


def squeeze(text: str) -> str:
    """Remove every whitespace character (``str.split`` knows all Unicode
    spaces, including the ideographic one)."""
    return "".join(text.split())


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """``1 − Levenshtein / len(longer)``; 0.0 when below ``cutoff``.

    The length ratio is checked first: it is an upper bound of the
    similarity and costs nothing.
    """
    longer = max(len(a), len(b))
    if longer == 0:
        return 1.0
    if min(len(a), len(b)) / longer < cutoff:
        return 0.0
    return Levenshtein.normalized_similarity(a, b, score_cutoff=cutoff)


# --- reading clippings -------------------------------------------------------


@dataclass(slots=True)
class ArticleView:
    """An article as the scorer sees it: whitespace-free texts."""

    id: str
    page: int
    title: str
    kicker: str
    subtitle: str
    byline: str
    body: str
    paragraphs: list[str]
    captions: list[tuple[str, str]]
    continues_to: tuple[int, str | None] | None

    @property
    def headline(self) -> str:
        return self.kicker + self.title + self.subtitle

    @property
    def content(self) -> str:
        return self.body + "".join(text for text, _ in self.captions)

    def label(self) -> str:
        return f"{self.id or '?'} «{self.headline[:30] or self.content[:20]}»"


def load_json(path: Path) -> Any:
    """Read a JSON file; every way it can be unusable is an :class:`InputError`."""
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a folder, expected a JSON file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    except OSError as err:
        raise InputError(str(path), err.strerror or "cannot read") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(str(path), f"invalid JSON: {err.msg} at line {err.lineno} column {err.colno}") from None


def load_prediction(path: Path) -> Any:
    """A prediction file as a gold-schema object: JSON, or the JSON Lines
    that ``jianbao parse --format jsonl`` and ``jianbao batch`` write (an
    article a line, carrying its page; stitched wholes left out)."""
    if path.suffix.lower() != ".jsonl":
        return load_json(path)
    if not path.is_file():
        return load_json(path)  # the same one-line errors
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    pages: dict[Any, list[Any]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(str(path), f"line {number}: invalid JSON: {err.msg}") from None
        if not isinstance(row, dict):
            raise InputError(str(path), f"line {number}: not an article object")
        if row.get("stitched"):
            continue
        if "page" not in row:
            raise InputError(str(path), f"line {number}: an article without its 'page'")
        pages.setdefault(row["page"], []).append(row)
    return {"pages": [{"page": page, "articles": articles} for page, articles in pages.items()]}


def read_clipping(data: Any, source: str) -> dict[int, list[ArticleView]]:
    """Articles per page number from a gold-schema object.

    Pages that share a number (a file that repeats a page) are pooled.
    """
    if not isinstance(data, dict) or not isinstance(data.get("pages"), list):
        raise InputError(source, "not a clipping: expected a JSON object with a 'pages' list")
    pages: dict[int, list[ArticleView]] = {}
    for position, page in enumerate(data["pages"], start=1):
        if not isinstance(page, dict):
            raise InputError(source, f"pages[{position - 1}] is not an object")
        number = _page_number(page.get("page", position), source, f"pages[{position - 1}].page")
        articles = page.get("articles") or []
        if not isinstance(articles, list):
            raise InputError(source, f"page {number}: 'articles' is not a list")
        views = pages.setdefault(number, [])
        for k, article in enumerate(articles):
            if not isinstance(article, dict):
                raise InputError(source, f"page {number}: articles[{k}] is not an object")
            views.append(article_view(article, number, source))
    return pages


def article_view(d: dict[str, Any], page: int, source: str) -> ArticleView:
    where = f"page {page} article {d.get('id', '?')}"
    paragraphs = [squeeze(p) for p in _strings(d.get("body"), source, f"{where}: body")]
    paragraphs = [p for p in paragraphs if p]
    captions = []
    for cap in d.get("captions") or []:
        if not isinstance(cap, dict):
            raise InputError(source, f"{where}: a caption is not an object")
        captions.append((squeeze(_string(cap.get("text"), source, where)), squeeze(_string(cap.get("credit"), source, where))))
    jump = d.get("continues_to")
    continues_to = None
    if jump:
        if not isinstance(jump, dict):
            raise InputError(source, f"{where}: continues_to is not an object")
        target = jump.get("id")
        continues_to = (_page_number(jump.get("page"), source, f"{where}: continues_to.page"), None if target is None else str(target))
    return ArticleView(
        id=str(d.get("id", "")),
        page=page,
        kicker=squeeze(_string(d.get("kicker"), source, where)),
        title=squeeze(_string(d.get("title"), source, where)),
        subtitle=squeeze(_string(d.get("subtitle"), source, where)),
        byline=squeeze(_string(d.get("byline"), source, where)),
        body="".join(paragraphs),
        paragraphs=paragraphs,
        captions=captions,
        continues_to=continues_to,
    )


def _page_number(value: Any, source: str, where: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InputError(source, f"{where}: expected a page number, got {value!r}") from None


def _string(value: Any, source: str, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(source, f"{where}: expected text, got {type(value).__name__}")
    return value


def _strings(value: Any, source: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise InputError(source, f"{where}: expected a list of paragraphs")
    return [_string(v, source, where) for v in value]


# --- tallies and metrics -------------------------------------------------------


@dataclass(slots=True)
class Tally:
    """Counts that the metrics are ratios of; tallies of files add up."""

    gold_pages: int = 0
    pred_pages: int = 0
    paired_pages: int = 0
    gold_articles: int = 0
    pred_articles: int = 0
    matched: int = 0
    body_edits: int = 0
    gold_body_chars: int = 0
    headline_ok: int = 0
    headline_total: int = 0
    kicker_ok: int = 0
    title_ok: int = 0
    subtitle_ok: int = 0
    byline_ok: int = 0
    byline_total: int = 0
    caption_text_ok: int = 0
    caption_credit_ok: int = 0
    caption_total: int = 0
    paragraph_pairs: int = 0
    paragraph_hits: int = 0
    paragraph_gold: int = 0
    paragraph_pred: int = 0
    jump_marker_ok: int = 0
    jump_marker_total: int = 0
    jump_link_ok: int = 0
    jump_link_total: int = 0

    def add(self, other: "Tally") -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def ratio(num: int, den: int) -> float | None:
    """A share, or None when nothing was there to score."""
    return num / den if den else None


def f1(hits: int, gold: int, pred: int) -> float | None:
    if not gold and not pred:
        return None
    return 2 * hits / (gold + pred)


def metrics(t: Tally) -> dict[str, float | None]:
    return {
        "article_f1": f1(t.matched, t.gold_articles, t.pred_articles),
        "article_precision": ratio(t.matched, t.pred_articles),
        "article_recall": ratio(t.matched, t.gold_articles),
        "body_cer": ratio(t.body_edits, t.gold_body_chars),
        "headline_exact": ratio(t.headline_ok, t.headline_total),
        "kicker_exact": ratio(t.kicker_ok, t.gold_articles),
        "title_exact": ratio(t.title_ok, t.gold_articles),
        "subtitle_exact": ratio(t.subtitle_ok, t.gold_articles),
        "byline_exact": ratio(t.byline_ok, t.byline_total),
        "caption_text": ratio(t.caption_text_ok, t.caption_total),
        "caption_credit": ratio(t.caption_credit_ok, t.caption_total),
        "paragraph_f1": f1(t.paragraph_hits, t.paragraph_gold, t.paragraph_pred),
        "jump_marker": ratio(t.jump_marker_ok, t.jump_marker_total),
        "jump_link": ratio(t.jump_link_ok, t.jump_link_total),
    }


# --- matching -------------------------------------------------------------------


def similarity_matrix(gold: list[ArticleView], pred: list[ArticleView]) -> np.ndarray:
    """Similarity of every gold × predicted pair, 0 where it cannot match."""
    matrix = np.zeros((len(gold), len(pred)))
    pred_contents = [p.content for p in pred]
    for i, g in enumerate(gold):
        content = g.content
        for j, other in enumerate(pred_contents):
            matrix[i, j] = similarity(content, other, MATCH_THRESHOLD)
    return matrix


def match_articles(gold: list[ArticleView], pred: list[ArticleView]) -> list[tuple[int, int, float]]:
    """(gold index, pred index, similarity) of the matches on one page."""
    if not gold or not pred:
        return []
    matrix = similarity_matrix(gold, pred)
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    return [(int(i), int(j), float(matrix[i, j])) for i, j in zip(rows, cols) if matrix[i, j] >= MATCH_THRESHOLD]


def paragraph_boundaries(paragraphs: list[str]) -> set[int]:
    """Offsets in the joined body where one paragraph ends and the next starts."""
    offsets, position = set(), 0
    for para in paragraphs[:-1]:
        position += len(para)
        offsets.add(position)
    return offsets


# --- scoring --------------------------------------------------------------------


@dataclass(slots=True)
class PageProblems:
    """What went wrong on one page, for engineers hunting failures."""

    page: int
    unmatched_gold: list[dict[str, Any]] = field(default_factory=list)
    unmatched_pred: list[dict[str, Any]] = field(default_factory=list)
    headline_errors: list[dict[str, Any]] = field(default_factory=list)
    byline_errors: list[dict[str, Any]] = field(default_factory=list)
    jump_errors: list[dict[str, Any]] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.unmatched_gold or self.unmatched_pred or self.headline_errors or self.byline_errors or self.jump_errors)

    def as_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "unmatched_gold": self.unmatched_gold,
            "unmatched_pred": self.unmatched_pred,
            "headline_errors": self.headline_errors,
            "byline_errors": self.byline_errors,
            "jump_errors": self.jump_errors,
        }


def score_clippings(pred: dict[int, list[ArticleView]], gold: dict[int, list[ArticleView]]) -> tuple[Tally, list[PageProblems]]:
    """Score one predicted issue against its gold issue."""
    tally = Tally(gold_pages=len(gold), pred_pages=len(pred), paired_pages=len(gold.keys() & pred.keys()))
    problems: list[PageProblems] = []
    # (page, gold id) → the prediction matched to that gold article, for jump links.
    matched_pred: dict[tuple[int, str], ArticleView] = {}
    pairs: list[tuple[ArticleView, ArticleView | None]] = []
    for number in sorted(gold.keys() | pred.keys()):
        gold_articles, pred_articles = gold.get(number, []), pred.get(number, [])
        page_problems = PageProblems(page=number)
        matches = match_articles(gold_articles, pred_articles)
        partner = {i: j for i, j, _ in matches}
        tally.gold_articles += len(gold_articles)
        tally.pred_articles += len(pred_articles)
        tally.matched += len(matches)
        for i, g in enumerate(gold_articles):
            p = pred_articles[partner[i]] if i in partner else None
            if p is not None:
                matched_pred[(number, g.id)] = p
            pairs.append((g, p))
            score_fields(g, p, tally, page_problems)
        report_unmatched(gold_articles, pred_articles, matches, page_problems)
        problems.append(page_problems)
    by_page = {p.page: p for p in problems}
    for g, p in pairs:
        score_jump(g, p, matched_pred, tally, by_page[g.page])
    return tally, [p for p in problems if not p.empty()]


def score_fields(g: ArticleView, p: ArticleView | None, tally: Tally, problems: PageProblems) -> None:
    """Field metrics of one gold article against its match (or none)."""
    if g.headline:
        tally.headline_total += 1
    if g.byline:
        tally.byline_total += 1
    tally.caption_total += len(g.captions)
    if p is None:
        return
    tally.gold_body_chars += len(g.body)
    tally.body_edits += Levenshtein.distance(g.body, p.body)
    if g.headline:
        tally.headline_ok += g.headline == p.headline
    if g.headline != p.headline:
        problems.headline_errors.append({"gold_id": g.id, "pred_id": p.id, "gold": stack(g), "pred": stack(p)})
    tally.kicker_ok += g.kicker == p.kicker
    tally.title_ok += g.title == p.title
    tally.subtitle_ok += g.subtitle == p.subtitle
    if g.byline:
        tally.byline_ok += g.byline == p.byline
    if g.byline != p.byline:
        problems.byline_errors.append({"gold_id": g.id, "pred_id": p.id, "gold": g.byline, "pred": p.byline})
    pred_texts = {text for text, _ in p.captions}
    pred_credits = {credit for _, credit in p.captions}
    for text, credit in g.captions:
        tally.caption_text_ok += text in pred_texts
        tally.caption_credit_ok += credit in pred_credits
    if g.body == p.body:
        gold_cuts, pred_cuts = paragraph_boundaries(g.paragraphs), paragraph_boundaries(p.paragraphs)
        tally.paragraph_pairs += 1
        tally.paragraph_gold += len(gold_cuts)
        tally.paragraph_pred += len(pred_cuts)
        tally.paragraph_hits += len(gold_cuts & pred_cuts)


def score_jump(
    g: ArticleView,
    p: ArticleView | None,
    matched_pred: dict[tuple[int, str], ArticleView],
    tally: Tally,
    problems: PageProblems,
) -> None:
    """Jump marker: the match continues to the gold page.  Jump link: and
    names the prediction matched to the gold continuation."""
    if g.continues_to is None:
        return
    page, target = g.continues_to
    tally.jump_marker_total += 1
    marker_ok = p is not None and p.continues_to is not None and p.continues_to[0] == page
    tally.jump_marker_ok += marker_ok
    continuation = matched_pred.get((page, target)) if target is not None else None
    if target is not None:
        tally.jump_link_total += 1
        link_ok = marker_ok and continuation is not None and p is not None and p.continues_to is not None and p.continues_to[1] == continuation.id
        tally.jump_link_ok += link_ok
    else:
        link_ok = marker_ok
    if not link_ok:
        problems.jump_errors.append(
            {
                "gold_id": g.id,
                "pred_id": p.id if p else None,
                "gold": {"page": page, "id": target},
                "pred": None if p is None or p.continues_to is None else {"page": p.continues_to[0], "id": p.continues_to[1]},
                "continuation_pred_id": continuation.id if continuation else None,
            }
        )


def report_unmatched(
    gold: list[ArticleView], pred: list[ArticleView], matches: list[tuple[int, int, float]], problems: PageProblems
) -> None:
    """List unmatched articles with their most similar counterpart, so a
    near miss (0.85) reads differently from a missing article."""
    gold_done = {i for i, _, _ in matches}
    pred_done = {j for _, j, _ in matches}
    for i, g in enumerate(gold):
        if i not in gold_done:
            problems.unmatched_gold.append(unmatched_entry(g, pred))
    for j, p in enumerate(pred):
        if j not in pred_done:
            problems.unmatched_pred.append(unmatched_entry(p, gold))


def unmatched_entry(article: ArticleView, others: list[ArticleView]) -> dict[str, Any]:
    best, nearest_article = 0.0, None
    for other in others:
        s = similarity(article.content, other.content, DIAGNOSIS_FLOOR)
        if s > best:
            best, nearest_article = s, other
    return {
        "id": article.id,
        "headline": stack(article),
        "chars": len(article.content),
        "start": article.content[:30],
        "best_similarity": round(best, 3) if nearest_article is not None else None,
        "best_id": nearest_article.id if nearest_article is not None else None,
        "cause": diagnose(article.content, nearest_article.content) if nearest_article is not None else None,
    }


def diagnose(text: str, nearest: str) -> str:
    """What the nearest counterpart of an unmatched article holds, by the
    characters the two share (:data:`CAUSES`): ``order`` when they hold the
    same characters (the text, out of order: columns or text boxes read in
    the wrong sequence), ``more`` when it holds all of them and others
    (another article's text run in), ``less`` when it holds only some
    (part of the text went elsewhere), ``mixed`` when both.

    >>> diagnose("老街改造今天完工。街坊们很高兴。", "街坊们很高兴。老街改造今天完工。")
    'order'
    >>> diagnose("老街改造今天完工。", "老街改造今天完工。大桥合龙。")
    'more'
    """
    mine, theirs = Counter(text), Counter(nearest)
    least = SAME_TEXT_SHARE * max(1, len(text))
    lacks = sum((mine - theirs).values()) > least
    adds = sum((theirs - mine).values()) > least
    return {(False, False): "order", (False, True): "more", (True, False): "less"}.get((lacks, adds), "mixed")


def stack(a: ArticleView) -> str:
    """The headline stack as one readable string: kicker｜title｜subtitle."""
    return "｜".join([a.kicker, a.title, a.subtitle])


# --- files and folders ---------------------------------------------------------------


def pair_folders(pred: Path, gold: Path) -> tuple[list[tuple[Path | None, Path]], list[Path]]:
    """Pair gold files with prediction files.

    The gold files are ``gold.json`` and ``*.gold.json`` anywhere under the
    gold folder, or every ``*.json`` when there are none.  For a gold file at
    relative path ``R`` the prediction is, first found:

    * ``pred/R`` (same relative path);
    * ``pred/<R without .gold>.json`` for ``R = x.gold.json``;
    * ``pred/<parent of R>.json`` for ``R = <issue>/gold.json``, so
      ``pred/rmrb-20191001.json`` pairs with ``gold/rmrb-20191001/gold.json``.

    Returns (prediction or None, gold) pairs and the prediction files no gold
    file claimed.
    """
    found = sorted(p for p in files_under(gold) if p.name.endswith(".json"))
    named = [p for p in found if p.name == "gold.json" or p.name.endswith(".gold.json")]
    gold_files = named or found
    if not gold_files:
        raise InputError(str(gold), "no gold JSON files in this folder")
    pairs: list[tuple[Path | None, Path]] = []
    claimed: set[Path] = set()
    for g in gold_files:
        found = next((c for c in prediction_candidates(pred, g.relative_to(gold)) if c.is_file()), None)
        if found is not None:
            claimed.add(found.resolve())
        pairs.append((found, g))
    if not claimed:
        raise InputError(str(pred), f"no prediction files pair with the gold files under {gold}")
    unclaimed = sorted(
        p
        for p in files_under(pred)
        if p.suffix.lower() in (".json", ".jsonl") and p.resolve() not in claimed and STATE_DIR not in p.relative_to(pred).parts
    )
    return pairs, unclaimed


def prediction_candidates(pred: Path, rel: Path) -> list[Path]:
    """Where the prediction for gold file ``rel`` may be, as JSON or as
    JSON Lines (``batch`` writes ``<issue>.jsonl``)."""
    stems = [pred / rel.parent / rel.stem]
    if rel.name.endswith(".gold.json"):
        stems.append(pred / rel.parent / rel.name[: -len(".gold.json")])
    if rel.name == "gold.json" and rel.parent != Path("."):
        stems.append(pred / rel.parent.parent / rel.parent.name)
    return [stem.with_name(stem.name + suffix) for stem in stems for suffix in (".json", ".jsonl")]


def evaluate_paths(pred: Path, gold: Path) -> dict[str, Any]:
    """Score a prediction file or folder against a gold file or folder.

    A gold file with no prediction scores as an empty prediction (everything
    missed) and is listed under ``missing_predictions``.
    """
    pred, gold = Path(pred), Path(gold)
    for path in (pred, gold):
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
    if pred.is_dir() != gold.is_dir():
        kinds = {True: "folder", False: "file"}
        raise InputError(str(pred), f"is a {kinds[pred.is_dir()]} but the gold {gold} is a {kinds[gold.is_dir()]}")
    if gold.is_dir():
        pairs, unclaimed = pair_folders(pred, gold)
    else:
        pairs, unclaimed = [(pred, gold)], []
    return evaluate_pairs(pairs, unclaimed)


def evaluate_pairs(pairs: Iterable[tuple[Path | None, Path]], unclaimed: Iterable[Path] = ()) -> dict[str, Any]:
    """Score (prediction file or None, gold file) pairs into one report."""
    results = []
    for pred_file, gold_file in pairs:
        gold_pages = read_clipping(load_json(gold_file), str(gold_file))
        pred_pages = read_clipping(load_prediction(pred_file), str(pred_file)) if pred_file else {}
        tally, problems = score_clippings(pred_pages, gold_pages)
        results.append((str(pred_file) if pred_file else None, str(gold_file), tally, problems))
    return build_report(results, unclaimed)


def evaluate_data(pred: Any, gold: Any, pred_name: str = "<pred>", gold_name: str = "<gold>") -> dict[str, Any]:
    """Score in-memory gold-schema objects (as ``json.load`` returns them)."""
    tally, problems = score_clippings(read_clipping(pred, pred_name), read_clipping(gold, gold_name))
    return build_report([(pred_name, gold_name, tally, problems)], [])


def build_report(results: Iterable[tuple[str | None, str, Tally, list[PageProblems]]], unclaimed: Iterable[Path]) -> dict[str, Any]:
    total = Tally()
    files, problems, missing = [], [], []
    for pred_name, gold_name, tally, page_problems in results:
        total.add(tally)
        if pred_name is None:
            missing.append(gold_name)
        files.append({"pred": pred_name, "gold": gold_name, "metrics": metrics(tally), "counts": tally.as_dict()})
        for p in page_problems:
            problems.append({"gold_file": gold_name, **p.as_dict()})
    return {
        "metrics": metrics(total),
        "counts": {**total.as_dict(), "files": len(files)},
        "threshold": MATCH_THRESHOLD,
        "files": files,
        "problems": problems,
        "missing_predictions": missing,
        "unpaired_predictions": [str(p) for p in unclaimed],
    }


# --- plain-text output ----------------------------------------------------------------


def fmt_score(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def metric_counts(name: str, c: dict[str, int]) -> str:
    """The fraction behind a metric, e.g. ``41/50``."""
    pairs = {
        "article_f1": None,
        "article_precision": ("matched", "pred_articles"),
        "article_recall": ("matched", "gold_articles"),
        "body_cer": ("body_edits", "gold_body_chars"),
        "headline_exact": ("headline_ok", "headline_total"),
        "kicker_exact": ("kicker_ok", "gold_articles"),
        "title_exact": ("title_ok", "gold_articles"),
        "subtitle_exact": ("subtitle_ok", "gold_articles"),
        "byline_exact": ("byline_ok", "byline_total"),
        "caption_text": ("caption_text_ok", "caption_total"),
        "caption_credit": ("caption_credit_ok", "caption_total"),
        "paragraph_f1": None,
        "jump_marker": ("jump_marker_ok", "jump_marker_total"),
        "jump_link": ("jump_link_ok", "jump_link_total"),
    }[name]
    if name == "paragraph_f1":
        return f"{c['paragraph_hits']} hits, {c['paragraph_gold']} gold / {c['paragraph_pred']} pred breaks in {c['paragraph_pairs']} identical bodies"
    if pairs is None:
        return ""
    num, den = pairs
    suffix = " chars" if name == "body_cer" else ""
    return f"{c[num]}/{c[den]}{suffix}"


def format_table(report: dict[str, Any]) -> str:
    """The metrics as a plain, aligned table."""
    c = report["counts"]
    lines = [
        f"files {c['files']}  pages gold {c['gold_pages']} / pred {c['pred_pages']} (paired {c['paired_pages']})  "
        f"articles gold {c['gold_articles']} / pred {c['pred_articles']} / matched {c['matched']}  "
        f"(match: similarity ≥ {report['threshold']})",
        "",
        f"{'metric':<22}{'score':>8}  counts",
    ]
    for name, label in METRIC_LABELS:
        digits = 4 if name == "body_cer" else 3
        lines.append(f"{label:<22}{fmt_score(report['metrics'][name], digits):>8}  {metric_counts(name, c)}".rstrip())
    if report.get("missing_predictions"):
        lines.append("")
        lines.append(f"no prediction for {len(report['missing_predictions'])} gold file(s), scored as empty:")
        lines.extend(f"  {name}" for name in report["missing_predictions"])
    if report.get("unpaired_predictions"):
        lines.append("")
        lines.append(f"{len(report['unpaired_predictions'])} prediction file(s) pair with no gold file and were ignored")
    return "\n".join(lines)


def format_details(report: dict[str, Any]) -> str:
    """Per-file F1 (worst first) and per-page problems."""
    out: list[str] = []
    files = report["files"]
    if len(files) > 1:
        out.append("per file, worst article F1 first:")
        ranked = sorted(files, key=lambda f: (f["metrics"]["article_f1"] or 0.0, f["gold"]))
        for f in ranked:
            c = f["counts"]
            out.append(f"  {fmt_score(f['metrics']['article_f1'])}  {c['matched']}/{c['gold_articles']} gold, {c['pred_articles']} pred  {f['gold']}")
        out.append("")
    if summary := missed_causes(report):
        out += [summary, ""]
    for page in report["problems"]:
        out.append(f"{page['gold_file']} page {page['page']}:")
        for item in page["unmatched_gold"]:
            out.append(f"  missed gold {item['id']} [{item['headline']}] {item['chars']} chars {nearest(item, gold=True)}")
        for item in page["unmatched_pred"]:
            out.append(f"  extra pred {item['id']} [{item['headline']}] {item['chars']} chars «{item['start']}» {nearest(item)}")
        for item in page["headline_errors"]:
            out.append(f"  headline {item['gold_id']}: gold [{item['gold']}] pred [{item['pred']}]")
        for item in page["byline_errors"]:
            out.append(f"  byline {item['gold_id']}: gold [{item['gold']}] pred [{item['pred']}]")
        for item in page["jump_errors"]:
            out.append(
                f"  jump {item['gold_id']}: gold {item['gold']} pred {item['pred']} "
                f"(continuation matched by {item['continuation_pred_id']})"
            )
    return "\n".join(out) if out else "no problems"


def missed_causes(report: dict[str, Any]) -> str:
    """One line counting the missed gold articles by what their nearest
    prediction holds (:func:`diagnose`); "" when none was missed."""
    causes = Counter(item.get("cause") for page in report["problems"] for item in page["unmatched_gold"])
    if not causes:
        return ""
    found = [f"{words} {causes[c]}" for c, words in CAUSES.items() if causes[c]]
    found += [f"nothing similar {causes[None]}"] if causes[None] else []
    return f"missed gold articles {sum(causes.values())}, the nearest prediction holding: " + ", ".join(found)


def nearest(item: dict[str, Any], gold: bool = False) -> str:
    if item["best_id"] is None:
        return f"(nothing ≥ {DIAGNOSIS_FLOOR} similar)"
    cause = f", holding {CAUSES[item['cause']]}" if gold and item.get("cause") else ""
    return f"(nearest {item['best_id']} at {item['best_similarity']}{cause})"
