"""The OCR engine wrapper: one RapidOCR call per page image, offline.

RapidOCR 3.x ships its PP-OCR detection and recognition models inside the
wheel.  We point it at those files explicitly, so its download code path is
never taken: a missing model is an error, not a network request.  The text
direction classifier is off because newspaper pages are printed upright, and
the score filter is off because a low-confidence line must still reach the
page (it is flagged in the page warnings instead of being dropped).

The raw result (:class:`OcrResult`) is plain data that serialises to JSON, so
benchmarks can cache the slow OCR step and re-run only the fast geometry.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

Quad = list[list[float]]


@dataclass(slots=True)
class OcrChar:
    """One recognised character with its horizontal extent in pixels."""

    text: str
    x0: float
    x1: float
    conf: float


@dataclass(slots=True)
class OcrBox:
    """One detected text box: its four corners (pixels), text and score."""

    quad: Quad
    text: str
    conf: float
    chars: list[OcrChar] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.quad]
        ys = [p[1] for p in self.quad]
        return (min(xs), min(ys), max(xs), max(ys))


@dataclass(slots=True)
class OcrResult:
    """Everything one OCR call found on one image."""

    width: int
    height: int
    boxes: list[OcrBox] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "width": self.width,
            "height": self.height,
            "boxes": [
                {
                    "quad": b.quad,
                    "text": b.text,
                    "conf": b.conf,
                    "chars": [[c.text, c.x0, c.x1, c.conf] for c in b.chars],
                }
                for b in self.boxes
            ],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "OcrResult":
        return cls(
            width=int(d["width"]),
            height=int(d["height"]),
            boxes=[
                OcrBox(
                    quad=[list(p) for p in b["quad"]],
                    text=b["text"],
                    conf=float(b["conf"]),
                    chars=[OcrChar(c[0], float(c[1]), float(c[2]), float(c[3])) for c in b.get("chars", [])],
                )
                for b in d.get("boxes", [])
            ],
        )


class OcrUnavailable(RuntimeError):
    """The optional OCR dependencies or their bundled models are missing."""


def bundled_models() -> dict[str, Path]:
    """The detection and recognition model files inside the rapidocr wheel."""
    try:
        import rapidocr
    except ImportError as err:  # pragma: no cover - depends on the install
        raise OcrUnavailable("OCR needs the 'ocr' extra: pip install 'jianbao[ocr]'") from err
    folder = Path(rapidocr.__file__).resolve().parent / "models"
    found: dict[str, Path] = {}
    for task in ("det", "rec"):
        candidates = sorted(folder.glob(f"*_{task}_*.onnx"))
        if not candidates:
            raise OcrUnavailable(f"no bundled {task} model in {folder}; reinstall rapidocr")
        found[task] = candidates[-1]
    return found


def ocr_available() -> bool:
    """Whether the optional OCR engine and its bundled models are installed."""
    try:
        bundled_models()
    except OcrUnavailable:
        return False
    return True


def engine_params(models: dict[str, Path]) -> dict[str, Any]:
    return {
        "Global.use_cls": False,
        "Global.text_score": 0.0,
        "Global.return_word_box": True,
        "Global.log_level": "warning",
        "Global.model_root_dir": str(models["det"].parent),
        "Det.model_path": str(models["det"]),
        "Rec.model_path": str(models["rec"]),
    }


@lru_cache(maxsize=1)
def engine() -> Any:
    """The process-wide RapidOCR engine (loading the models takes a moment)."""
    models = bundled_models()
    from rapidocr import RapidOCR

    engine = RapidOCR(params=engine_params(models))
    # RapidOCR logs every model path at INFO on its own logger.
    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    return engine


def recognise(image: np.ndarray) -> OcrResult:
    """Detect and recognise all text on a greyscale or BGR image, once."""
    if image.ndim == 2:
        import cv2

        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    height, width = image.shape[:2]
    raw = engine()(image)
    return OcrResult(width=width, height=height, boxes=boxes_from_raw(raw))


def boxes_from_raw(raw: Any) -> list[OcrBox]:
    """Turn RapidOCR's parallel tuples into :class:`OcrBox` objects.

    Character extents come from the recogniser's per-character positions when
    RapidOCR returns one entry per box (it skips boxes without positions, in
    which case the lists no longer line up and we spread characters evenly).
    """
    if raw.boxes is None or raw.txts is None or len(raw.txts) == 0:
        return []
    words = raw.word_results if len(raw.word_results) == len(raw.txts) else [None] * len(raw.txts)
    out = []
    for quad, text, score, word in zip(raw.boxes, raw.txts, raw.scores, words):
        box = OcrBox(quad=[[float(x), float(y)] for x, y in quad], text=str(text), conf=float(score))
        box.chars = chars_from_words(word, box) if word else spread_chars(box)
        if "".join(c.text for c in box.chars) != box.text.replace(" ", ""):
            box.chars = spread_chars(box)
        out.append(box)
    return out


def chars_from_words(words: Any, box: OcrBox) -> list[OcrChar]:
    """Split RapidOCR word entries (a Han character, or a run of Latin letters
    and digits) into characters, sharing a run's width evenly."""
    chars: list[OcrChar] = []
    for text, conf, quad in words:
        if quad is None or not text:
            continue
        xs = [p[0] for p in quad]
        x0, x1 = float(min(xs)), float(max(xs))
        step = (x1 - x0) / len(text)
        for k, ch in enumerate(text):
            if not ch.isspace():
                chars.append(OcrChar(ch, x0 + k * step, x0 + (k + 1) * step, float(conf)))
    return chars


def spread_chars(box: OcrBox) -> list[OcrChar]:
    """Characters spaced evenly across the box, all with the box's score."""
    text = box.text.replace(" ", "")
    if not text:
        return []
    x0, _, x1, _ = box.bbox
    step = (x1 - x0) / len(text)
    return [OcrChar(ch, x0 + k * step, x0 + (k + 1) * step, box.conf) for k, ch in enumerate(text)]
