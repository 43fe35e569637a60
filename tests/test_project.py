"""The project's own promises: README commands, CI script, publishing workflow."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from .conftest import ROOT, SHARED_SPEC, SPEC_COPY


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_screen = "\n".join(text.splitlines()[:30])
    return re.findall(r"```sh\n(.+?)\n```", first_screen)


def test_readme_first_screen_has_exactly_two_commands():
    build, tests = readme_commands()
    assert "pip install" in build and build.endswith("pelican content")
    assert "[test]" in tests and "pytest" in tests


def test_ci_runs_the_readme_test_command():
    _, tests = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests.replace("pip install", "pip install -q") in ci or tests in ci
    assert "apt-get update" in ci and "chromium" in ci


def test_shim_loads_the_real_settings():
    from pelican.settings import read_settings

    shim = read_settings(str(ROOT / "pelicanconf.py"))
    real = read_settings(str(ROOT / "pelican.conf.py"))
    for key in ("SITENAME", "PATH", "THEME", "PLUGINS", "ARTICLE_URL", "RELATIVE_URLS"):
        assert shim[key] == real[key]
    assert len((ROOT / "pelicanconf.py").read_text().splitlines()) == 2


def test_publish_settings_use_absolute_urls(monkeypatch):
    from pelican.settings import read_settings

    monkeypatch.setenv("SITEURL", "https://example.github.io/news-digest/")
    pub = read_settings(str(ROOT / "publishconf.py"))
    assert pub["SITEURL"] == "https://example.github.io/news-digest"
    assert pub["RELATIVE_URLS"] is False
    assert pub["NEWS_DIGEST_NOJEKYLL"] is True  # only publishing writes .nojekyll
    assert not read_settings(str(ROOT / "pelicanconf.py")).get("NEWS_DIGEST_NOJEKYLL")


def test_pages_workflow_is_valid():
    exe = shutil.which("check-jsonschema")
    if exe is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    workflow = ROOT / ".github" / "workflows" / "pages.yml"
    result = subprocess.run([exe, "--builtin-schema", "vendor.github-workflows", str(workflow)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = workflow.read_text()
    for needle in ("publishconf.py", "actions/configure-pages", "actions/upload-pages-artifact",
                   "actions/deploy-pages", "base_url"):
        assert needle in text


def test_pages_workflow_never_deploys_a_failed_build():
    """Pinned actions, least privilege, time limits, and check + tests + a fatal-errors
    build before the deploy job can run."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    assert not workflow.get("permissions")  # nothing granted workflow-wide
    jobs = workflow["jobs"]
    for name, job in jobs.items():
        assert job.get("timeout-minutes"), name
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
        if name != "deploy":
            assert {"pages: write", "id-token: write"}.isdisjoint(
                f"{k}: {v}" for k, v in job.get("permissions", {}).items()), name
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["needs"] == "build" and jobs["build"]["needs"] == "check"
    runs = [step.get("run", "") for job in jobs.values() for step in job["steps"]]
    assert "news-digest check --strict" in runs
    assert any("pytest" in r for r in runs)
    assert any(r.startswith("pelican ") and "--fatal errors" in r for r in runs)


def test_ruff_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "plugins", "tests", "bench"],
                            capture_output=True, text=True, cwd=ROOT)
    if "No module named ruff" in result.stderr:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    assert result.returncode == 0, result.stdout


@pytest.mark.skipif(not SHARED_SPEC.is_file(), reason=f"{SHARED_SPEC} not found")
def test_spec_copy_matches_shared_spec():
    # Tests fall back to the copy where ../shared/ is absent; it must not drift.
    assert SPEC_COPY.read_bytes() == SHARED_SPEC.read_bytes(), (
        f"update it: cp {SHARED_SPEC} {SPEC_COPY}")
