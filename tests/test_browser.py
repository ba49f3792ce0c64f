"""The HTML report in headless Chromium: no console errors, no network, injections shown as text.

Needs Debian's ``chromium`` at /usr/bin/chromium and the ``playwright`` Python package (its own
browser download is never used). Without them the test is skipped, unless
``UTSATTA_REQUIRE_BROWSER=1`` (as in ``.ci/run``), where a missing browser is a failure.
Install for a local run: ``apt-get install -y chromium`` and ``pip install playwright``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from utsatta.load.dataset import load
from utsatta.render.report import build, render

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
FIXTURE = Path(__file__).parent / "fixtures" / "report-data"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _need(what: str) -> None:
    if os.environ.get("UTSATTA_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} (UTSATTA_REQUIRE_BROWSER=1)")
    pytest.skip(what)


def test_html_report_in_headless_chromium(tmp_path: Path) -> None:
    """Open the fixture report: no console errors, no dialog, no request but the page itself;
    the injected script is visible as text; a full-page screenshot is a non-empty PNG."""
    if not CHROMIUM.is_file():
        _need(f"{CHROMIUM} saknas; installera med 'apt-get install -y chromium'")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("Python-paketet playwright saknas; installera med 'pip install playwright'")

    page_file = tmp_path / "rapport-2023.html"
    page_file.write_text(render(build(load(FIXTURE), 2023), "html"), encoding="utf-8")
    url = page_file.as_uri()
    shot = tmp_path / "rapport-2023.png"

    console: list[tuple[str, str]] = []
    requests: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("console", lambda m: console.append((m.type, m.text)))
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))

            def on_dialog(d: object) -> None:
                dialogs.append(getattr(d, "message", ""))
                d.dismiss()  # type: ignore[attr-defined]

            page.on("dialog", on_dialog)
            page.goto(url, wait_until="load")
            text = page.inner_text("body")
            title = page.title()
            lang = page.get_attribute("html", "lang")
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()

    assert [m for m in console if m[0] in {"error", "warning"}] == []
    assert errors == []
    assert dialogs == []
    assert requests == [url]
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert title.startswith("Samlad uppföljning 2023")
    assert lang == "sv"
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000
