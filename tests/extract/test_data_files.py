"""The word lists of the extractors live in data/ files, read by one reader (lexicon.data_lines).

Every data file is read by some module (no orphan list), says in a comment what it is,
and has words in it; the code keeps no inline word list of the listed shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pelican.plugins.news_digest.extract.lexicon import data_lines, data_words

PACKAGE = Path(__file__).resolve().parents[2] / "plugins/pelican/plugins/news_digest"
DATA = sorted((PACKAGE / "data").glob("*.txt"))
CODE = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.name)
def test_each_data_file_is_read_commented_and_not_empty(path):
    assert f'"{path.name}"' in CODE, f"{path.name} is read by no module"
    assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name}: say what it is"
    assert data_lines(path.name)


def test_no_inline_word_list_left_in_the_entity_extractors():
    for name in ("lexicon", "people", "organizations", "places", "gazetteer"):
        text = (PACKAGE / "extract" / f"{name}.py").read_text(encoding="utf-8")
        assert not re.search(r'frozenset\(\s*"""', text), name


def test_data_words_splits_lines_and_drops_comments():
    assert "minister" in data_words("role_heads.txt")
    assert not any(w.startswith("#") for w in data_words("stop.txt"))
