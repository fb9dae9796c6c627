"""The evaluator on small hand-made clippings (all text invented here)."""

from __future__ import annotations

import copy
import json

import pytest

from jianbao.errors import InputError
from jianbao.evaluate import (
    diagnose,
    evaluate_data,
    evaluate_paths,
    format_details,
    format_table,
    paragraph_boundaries,
    similarity,
    squeeze,
)

# Invented texts of a county paper; long enough that a few edits move the
# similarity by a hundredth.
HARVEST = "今年秋季，青禾县十二个乡镇的稻谷喜获丰收，亩产比去年提高了一成。"
HARVEST_2 = "县农业部门负责人介绍，新修的灌溉水渠让两万亩旱地变成了良田。"
BRIDGE = "横跨清水河的新大桥昨日正式通车，两岸群众往来从此不再绕行三十里。"
BRIDGE_2 = "大桥全长八百六十米，施工队伍克服汛期困难，提前两个月完成建设。"
SCHOOL = "城南实验小学新校区启用，一千二百名学生走进宽敞明亮的新教室。"
PHOTO_CAPTION = "图为青禾县农民在田间收割稻谷。"


def article(aid: str, body: list[str], **fields) -> dict:
    d = {
        "id": aid,
        "kind": "article",
        "kicker": "",
        "title": "",
        "subtitle": "",
        "byline": "",
        "body": body,
        "captions": [],
        "continues_to": None,
        "continued_from": None,
    }
    d.update(fields)
    return d


def issue(*pages: tuple[int, list[dict]]) -> dict:
    return {"issue_date": "2023-10-20", "paper": "青禾日报", "pages": [{"page": n, "articles": a} for n, a in pages]}


def gold_issue() -> dict:
    return issue(
        (
            1,
            [
                article(
                    "g1",
                    [HARVEST, HARVEST_2],
                    kicker="金秋时节好收成",
                    title="青禾县稻谷丰收",
                    subtitle="亩产提高一成",
                    byline="本报记者 林小禾",
                    continues_to={"page": 2, "id": "g3"},
                ),
                article("g2", [BRIDGE, BRIDGE_2], title="清水河大桥通车"),
                article("photo", [], kind="photo", title="田间忙", captions=[{"text": PHOTO_CAPTION, "credit": "本报记者王田摄"}]),
            ],
        ),
        (2, [article("g3", [SCHOOL], title="稻谷丰收（上接第1版）", continued_from={"page": 1, "id": "g1"})]),
    )


def scores(pred: dict, gold: dict) -> dict:
    return evaluate_data(pred, gold)["metrics"]


def test_perfect_prediction_scores_one_everywhere():
    gold = gold_issue()
    m = scores(copy.deepcopy(gold), gold)
    assert all(v == 1.0 for k, v in m.items() if k != "body_cer"), m
    assert m["body_cer"] == 0.0


def test_prediction_ids_are_free_form_and_links_use_them():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    pred["pages"][0]["articles"][0]["id"] = "A"
    pred["pages"][0]["articles"][0]["continues_to"] = {"page": 2, "id": "B"}
    pred["pages"][1]["articles"][0]["id"] = "B"
    assert scores(pred, gold)["jump_link"] == 1.0


def test_swapped_article_order_still_matches():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    pred["pages"][0]["articles"].reverse()
    m = scores(pred, gold)
    assert m["article_f1"] == 1.0
    assert m["headline_exact"] == 1.0


def test_whitespace_is_ignored_everywhere():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    first = pred["pages"][0]["articles"][0]
    first["body"] = [" ".join(HARVEST) + "\n", "\u3000\u3000" + HARVEST_2]
    first["title"] = "青禾县 稻谷丰收"
    first["byline"] = "本报记者\u3000林小禾"
    m = scores(pred, gold)
    assert m["article_f1"] == 1.0
    assert m["body_cer"] == 0.0
    assert m["title_exact"] == 1.0
    assert m["byline_exact"] == 1.0
    assert m["paragraph_f1"] == 1.0


def edited(text: str, n: int) -> str:
    """``text`` with its first ``n`` characters replaced."""
    return "某" * n + text[n:]


def test_match_threshold_is_point_nine():
    body = (HARVEST + HARVEST_2 + BRIDGE + BRIDGE_2)[:100]
    assert len(body) == 100
    gold = issue((1, [article("g", [body])]))
    at_090 = issue((1, [article("p", [edited(body, 10)])]))
    at_089 = issue((1, [article("p", [edited(body, 11)])]))
    assert similarity(body, edited(body, 11)) == pytest.approx(0.89)
    assert scores(at_090, gold)["article_f1"] == 1.0
    m = scores(at_089, gold)
    assert m["article_f1"] == 0.0
    assert m["article_precision"] == 0.0 and m["article_recall"] == 0.0
    assert m["body_cer"] is None  # no match, no body to compare


def test_precision_and_recall_are_micro_over_pages():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    del pred["pages"][0]["articles"][1]  # miss the bridge
    pred["pages"][1]["articles"].append(article("junk", ["一段不属于任何文章的零碎文字，印在版面角落。"]))
    report = evaluate_data(pred, gold)
    m, c = report["metrics"], report["counts"]
    assert (c["gold_articles"], c["pred_articles"], c["matched"]) == (4, 4, 3)
    assert m["article_precision"] == 0.75 and m["article_recall"] == 0.75
    assert m["article_f1"] == pytest.approx(0.75)
    # The missed article's headline counts as wrong.
    assert m["headline_exact"] == 0.75
    assert m["title_exact"] == 0.75


def test_pages_pair_by_number_not_position():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    pred["pages"].reverse()
    assert scores(pred, gold)["article_f1"] == 1.0
    pred["pages"][0]["page"] = 3  # the continuation now claims the wrong page
    m = scores(pred, gold)
    assert m["article_recall"] == 0.75


def test_body_cer_counts_edits_over_gold_length():
    body = (HARVEST + HARVEST_2 + BRIDGE + BRIDGE_2)[:100]
    gold = issue((1, [article("g", [body])]))
    pred = issue((1, [article("p", [edited(body, 4)])]))
    assert scores(pred, gold)["body_cer"] == pytest.approx(0.04)


def test_headline_fields_scored_separately():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    first = pred["pages"][0]["articles"][0]
    first["kicker"], first["title"] = "", "金秋时节好收成青禾县稻谷丰收"  # kicker merged into title
    m = scores(pred, gold)
    assert m["kicker_exact"] == 0.75
    assert m["title_exact"] == 0.75
    assert m["subtitle_exact"] == 1.0
    # The concatenated stack is unchanged, so the stack still counts as right.
    assert m["headline_exact"] == 1.0


def test_headline_stack_counts_only_gold_with_a_headline():
    gold = issue((1, [article("g", [HARVEST]), article("h", [BRIDGE], title="大桥通车")]))
    pred = issue((1, [article("p", [HARVEST], title="多余的标题"), article("q", [BRIDGE], title="大桥通车")]))
    report = evaluate_data(pred, gold)
    assert report["counts"]["headline_total"] == 1
    assert report["metrics"]["headline_exact"] == 1.0
    assert report["metrics"]["title_exact"] == 0.5


def test_byline_over_gold_articles_with_a_byline():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    pred["pages"][0]["articles"][0]["byline"] = "本报记者 林小"
    pred["pages"][0]["articles"][1]["byline"] = "本报通讯员 张三"  # gold has none: not counted
    report = evaluate_data(pred, gold)
    assert report["counts"]["byline_total"] == 1
    assert report["metrics"]["byline_exact"] == 0.0


def test_caption_text_and_credit():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    pred["pages"][0]["articles"][2]["captions"] = [{"text": PHOTO_CAPTION, "credit": "王田摄"}]
    m = scores(pred, gold)
    assert m["caption_text"] == 1.0
    assert m["caption_credit"] == 0.0


def test_paragraph_f1_over_identical_bodies():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    pred["pages"][0]["articles"][0]["body"] = [HARVEST + HARVEST_2]  # one break missed
    pred["pages"][0]["articles"][1]["body"] = [BRIDGE[:10], BRIDGE[10:], BRIDGE_2]  # one extra break
    report = evaluate_data(pred, gold)
    c = report["counts"]
    assert (c["paragraph_hits"], c["paragraph_gold"], c["paragraph_pred"]) == (1, 2, 2)
    assert report["metrics"]["paragraph_f1"] == 0.5


def test_paragraph_f1_skips_bodies_that_differ():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    pred["pages"][0]["articles"][0]["body"] = [HARVEST + HARVEST_2[:-1]]
    report = evaluate_data(pred, gold)
    assert report["counts"]["paragraph_pairs"] == 3  # the two other bodies, and the photo's empty one
    assert report["metrics"]["paragraph_f1"] == 1.0


def test_paragraph_boundaries_are_offsets():
    assert paragraph_boundaries(["甲乙", "丙", "丁戊"]) == {2, 3}
    assert paragraph_boundaries(["甲乙"]) == set()


def test_jump_marker_and_link():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    m = scores(pred, gold)
    assert (m["jump_marker"], m["jump_link"]) == (1.0, 1.0)

    pred["pages"][0]["articles"][0]["continues_to"] = {"page": 2, "id": "g2"}  # wrong part
    m = scores(pred, gold)
    assert (m["jump_marker"], m["jump_link"]) == (1.0, 0.0)

    pred["pages"][0]["articles"][0]["continues_to"] = {"page": 2}  # marker read, link not made
    m = scores(pred, gold)
    assert (m["jump_marker"], m["jump_link"]) == (1.0, 0.0)

    pred["pages"][0]["articles"][0]["continues_to"] = {"page": 3, "id": "g3"}  # wrong page
    m = scores(pred, gold)
    assert (m["jump_marker"], m["jump_link"]) == (0.0, 0.0)


def test_jump_link_needs_the_continuation_matched():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    pred["pages"][1]["articles"][0]["body"] = ["完全不同的另一段文字，与原文毫无关系。"]
    m = scores(pred, gold)
    assert m["jump_marker"] == 1.0
    assert m["jump_link"] == 0.0


def test_jump_without_gold_continuation_scores_marker_only():
    gold = issue((1, [article("g", [HARVEST], continues_to={"page": 4})]))
    pred = issue((1, [article("p", [HARVEST], continues_to={"page": 4})]))
    report = evaluate_data(pred, gold)
    assert report["metrics"]["jump_marker"] == 1.0
    assert report["counts"]["jump_link_total"] == 0
    assert report["metrics"]["jump_link"] is None


def test_problems_list_unmatched_and_wrong_headlines():
    gold = gold_issue()
    pred = copy.deepcopy(gold)
    pred["pages"][0]["articles"][0]["title"] = "错误标题"
    pred["pages"][0]["articles"][1]["body"] = [BRIDGE]  # half the article: no match
    report = evaluate_data(pred, gold)
    page1 = next(p for p in report["problems"] if p["page"] == 1)
    assert [u["id"] for u in page1["unmatched_gold"]] == ["g2"]
    assert page1["unmatched_gold"][0]["best_id"] == "g2"
    assert 0.3 < page1["unmatched_gold"][0]["best_similarity"] < 0.9
    assert [u["id"] for u in page1["unmatched_pred"]] == ["g2"]
    assert page1["headline_errors"][0]["pred"] == "金秋时节好收成｜错误标题｜亩产提高一成"
    details = format_details(report)
    assert "missed gold g2" in details and "错误标题" in details


@pytest.mark.parametrize(
    ("nearest", "cause"),
    [
        (HARVEST_2 + HARVEST, "order"),  # the two paragraphs read in the wrong sequence
        (HARVEST + HARVEST_2 + BRIDGE, "more"),  # another article's text run in
        (HARVEST, "less"),  # the second paragraph went elsewhere
        (HARVEST + BRIDGE, "mixed"),
    ],
)
def test_diagnose_says_what_the_nearest_prediction_did_with_the_text(nearest, cause):
    assert diagnose(HARVEST + HARVEST_2, nearest) == cause


def test_details_count_the_causes_of_missed_articles():
    gold = issue((1, [article("g1", [HARVEST, HARVEST_2, BRIDGE, BRIDGE_2])]))
    pred = issue((1, [article("p1", [HARVEST, HARVEST_2, BRIDGE_2, BRIDGE])]))
    report = evaluate_data(pred, gold)
    assert report["problems"][0]["unmatched_gold"][0]["cause"] == "order"
    details = format_details(report)
    assert "missed gold articles 1, the nearest prediction holding: its text in another order 1" in details
    assert "holding its text in another order)" in details


def test_table_lists_every_metric():
    table = format_table(evaluate_data(gold_issue(), gold_issue()))
    for label in ("article F1", "body CER", "headline stack", "kicker", "byline", "caption credit", "paragraph F1", "jump link"):
        assert label in table
    assert "1.000" in table


def test_squeeze_removes_unicode_spaces():
    assert squeeze(" 甲\u3000乙\n丙\t丁\u00a0") == "甲乙丙丁"


def test_extra_fields_of_seed_style_gold_are_ignored():
    gold = gold_issue()
    gold["source"] = "page.txt"
    for _, a in ((p, a) for p in gold["pages"] for a in p["articles"]):
        a["headline_lines"] = [a["title"]]
        a["reporters"] = [{"role": "记者", "name": "林小禾"}]
        a["remark"] = "注"
    assert scores(copy.deepcopy(gold), gold)["article_f1"] == 1.0


# --- files and folders -------------------------------------------------------


def write(path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_folders_pair_issue_json_with_issue_gold(tmp_path):
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    write(gold / "qh-20231020" / "gold.json", gold_issue())
    write(gold / "qh-20231021" / "gold.json", gold_issue())
    write(pred / "qh-20231020.json", gold_issue())
    write(pred / "qh-20231021" / "gold.json", gold_issue())  # same relative path
    report = evaluate_paths(pred, gold)
    assert report["counts"]["files"] == 2
    assert report["metrics"]["article_f1"] == 1.0
    assert report["missing_predictions"] == []


def test_folders_pair_dot_gold_files(tmp_path):
    write(tmp_path / "gold" / "page7.gold.json", gold_issue())
    write(tmp_path / "pred" / "page7.json", gold_issue())
    assert evaluate_paths(tmp_path / "pred", tmp_path / "gold")["metrics"]["article_f1"] == 1.0


def test_missing_prediction_scores_as_empty(tmp_path):
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    write(gold / "a" / "gold.json", gold_issue())
    write(gold / "b" / "gold.json", gold_issue())
    write(pred / "a.json", gold_issue())
    report = evaluate_paths(pred, gold)
    assert report["metrics"]["article_recall"] == 0.5
    assert report["missing_predictions"] == [str(gold / "b" / "gold.json")]


def test_no_pairing_prediction_is_an_input_error(tmp_path):
    write(tmp_path / "gold" / "a" / "gold.json", gold_issue())
    write(tmp_path / "pred" / "zzz.json", gold_issue())
    with pytest.raises(InputError, match="no prediction files pair"):
        evaluate_paths(tmp_path / "pred", tmp_path / "gold")


@pytest.mark.parametrize(
    "content, problem",
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "not a clipping"),
        ('{"pages": [{"page": "一", "articles": []}]}', "expected a page number"),
        ('{"pages": [{"page": 1, "articles": [{"body": 5}]}]}', "paragraphs"),
    ],
)
def test_unusable_json_is_an_input_error(tmp_path, content, problem):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    write(tmp_path / "gold.json", gold_issue())
    with pytest.raises(InputError, match=problem):
        evaluate_paths(bad, tmp_path / "gold.json")


def test_missing_file_is_an_input_error(tmp_path):
    write(tmp_path / "gold.json", gold_issue())
    with pytest.raises(InputError, match="no such file"):
        evaluate_paths(tmp_path / "nope.json", tmp_path / "gold.json")


def test_file_against_folder_is_an_input_error(tmp_path):
    write(tmp_path / "gold" / "x" / "gold.json", gold_issue())
    write(tmp_path / "pred.json", gold_issue())
    with pytest.raises(InputError):
        evaluate_paths(tmp_path / "pred.json", tmp_path / "gold")


def test_many_long_articles_stay_fast():
    """15 × 15 articles of several thousand characters: the length bound and
    the cutoff keep this to a few Levenshtein computations per row (this
    would take seconds with a full distance matrix)."""
    import random
    import time

    rng = random.Random(7)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]
    bodies = ["".join(rng.choice(han) for _ in range(rng.randint(2000, 5000))) for _ in range(15)]
    gold = issue((1, [article(f"g{i}", [b]) for i, b in enumerate(bodies)]))
    pred = issue((1, [article(f"p{i}", [b[:-50] + "补"]) for i, b in enumerate(reversed(bodies))]))
    start = time.perf_counter()
    m = scores(pred, gold)
    assert m["article_f1"] == 1.0
    assert time.perf_counter() - start < 3.0
