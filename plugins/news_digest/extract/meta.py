"""Title, date, source and summary: placeholder until the cleaner lands."""

from __future__ import annotations

from ..model import ArticleData, Cleaned


def extract_meta(cleaned: Cleaned, data: ArticleData) -> None:
    data.title = cleaned.headline or (cleaned.paragraphs[0][:60] if cleaned.paragraphs else "")
