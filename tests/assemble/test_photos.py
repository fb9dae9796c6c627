"""Captions paired with photo headlines or joined to articles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jianbao import classify
from jianbao.assemble.lexical import Vocabulary
from jianbao.assemble.photos import attach_captions, index_caption_similarity, pair_photos
from jianbao.assemble.segment import CAPTION, UNIT, Item, index_grams
from jianbao.assemble.segment import HEAD as HEAD_ITEM
from jianbao.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from item_rows import floating, item, row  # noqa: E402


def vocabulary(items: list[Item]) -> Vocabulary:
    return Vocabulary(it.grams for it in items if it.kind in (UNIT, CAPTION))


def test_a_headline_with_no_text_pairs_with_the_caption_beside_it() -> None:
    photo_head = item(HEAD_ITEM, "大桥上的新风景")
    bridge_caption = item(CAPTION, "图为市民在江州大桥上观赏江景。")
    text = item(UNIT, "今年全市秋粮喜获丰收，总产量再创新高。")
    field_caption = item(CAPTION, "图为农民在田间晾晒新收的稻谷。")
    items = [photo_head, bridge_caption, text, field_caption]
    seg = floating(photo_head)
    pairs, leftover, loose = pair_photos([seg], [bridge_caption, field_caption], items, vocabulary(items))
    assert pairs == [(seg, bridge_caption)]
    assert leftover == [] and loose == [field_caption]


def test_a_one_character_headline_line_shares_nothing_with_the_caption_beside_it() -> None:
    """"……团拜会上的讲" / "话" under a caption naming a speech: the stray
    end of the wrapped title is found in the caption, as in any text, and
    is no sign that the title heads the photo."""
    caption = item(CAPTION, "图为市长在新春团拜会上讲话。本报记者 江小舟摄")
    title = item(HEAD_ITEM, "在江州市新春团拜会上的讲")
    wrapped_end = item(HEAD_ITEM, "话")
    items = [caption, title, wrapped_end]
    index_caption_similarity(items, vocabulary(items))
    assert title.caption_sim > 0
    assert wrapped_end.caption_sim == 0


def test_a_headline_far_from_a_caption_it_shares_nothing_with_stays_unpaired() -> None:
    photo_head = item(HEAD_ITEM, "大桥上的新风景")
    text = item(UNIT, "今年全市秋粮喜获丰收，总产量再创新高。")
    field_caption = item(CAPTION, "图为农民在田间晾晒新收的稻谷。")
    items = [photo_head, text, field_caption]
    seg = floating(photo_head)
    pairs, leftover, loose = pair_photos([seg], [field_caption], items, vocabulary(items))
    assert pairs == [] and leftover == [seg] and loose == [field_caption]


@pytest.mark.parametrize(("headline", "paired"), [("秋色正浓", True), ("田间地头，", False)])
def test_a_headline_and_a_credited_caption_both_left_over_near_each_other_make_a_photo(headline: str, paired: bool) -> None:
    """A photo's headline may share no word with its caption ("秋色正浓"
    over a caption about a park); where both are left over and printed
    near each other, the headline heads the photo.  A fragment of text
    ("田间地头，") heads none."""
    photo_head = item(HEAD_ITEM, headline)
    text = item(UNIT, "今年全市秋粮喜获丰收，总产量再创新高。")
    caption = item(CAPTION, "10月7日，市民在江州湿地公园观赏银杏。")
    caption.rows.append(row("本报记者 王平摄", label=classify.CREDIT))
    items = [photo_head, text, caption]
    seg = floating(photo_head)
    pairs, leftover, loose = pair_photos([seg], [caption], items, vocabulary(items))
    if paired:
        assert pairs == [(seg, caption)] and leftover == [] and loose == []
    else:
        assert pairs == [] and leftover == [seg] and loose == [caption]


def test_a_caption_joins_the_article_it_shares_most_vocabulary_with() -> None:
    bridge = item(UNIT, "江州大桥今天上午正式建成通车，市民纷纷上桥观赏江景。")
    caption = item(CAPTION, "图为农民在田间晾晒新收的稻谷。")
    caption.rows.append(row("本报记者 王平摄", label=classify.CREDIT))
    index_grams(caption)
    harvest = item(UNIT, "今年全市秋粮喜获丰收，农民在田间晾晒稻谷。")
    items = [bridge, caption, harvest]
    a, b = Article(id="a"), Article(id="b")
    built = [(a, [bridge]), (b, [harvest])]
    attach_captions([caption], built, items, vocabulary(items))
    assert a.captions == []
    assert [(c.text, c.credit) for c in b.captions] == [("图为农民在田间晾晒新收的稻谷。", "本报记者王平摄")]
    assert built[1][1][-1] is caption


def test_a_caption_sharing_nothing_joins_the_article_printed_next_to_it() -> None:
    bridge = item(UNIT, "江州大桥今天上午正式建成通车。")
    harvest = item(UNIT, "今年全市秋粮喜获丰收。")
    caption = item(CAPTION, "图为夜色中的古城墙。")
    items = [bridge, harvest, caption]
    a, b = Article(id="a"), Article(id="b")
    attach_captions([caption], [(a, [bridge]), (b, [harvest])], items, vocabulary(items))
    assert a.captions == [] and [c.text for c in b.captions] == ["图为夜色中的古城墙。"]


def test_a_caption_with_no_article_is_a_photo_of_its_own() -> None:
    caption = item(CAPTION, "图为夜色中的古城墙。")
    built: list[tuple[Article, list[Item]]] = []
    attach_captions([caption], built, [caption], vocabulary([caption]))
    ((article, parts),) = built
    assert article.kind == "photo" and [c.text for c in article.captions] == ["图为夜色中的古城墙。"]
    assert parts == [caption]
