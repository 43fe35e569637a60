"""Score clean+extract against a hand-labelled corpus.

Usage: ``python bench/score_extraction.py [DIR] [-v]``.

The scorer itself is ``tests/corpora/score.py`` (the regression tests use it too).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpora.score import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
