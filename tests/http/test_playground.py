"""The playground at GET /, driven in headless Chromium (Debian's, through Playwright).

Chromium may reach only the server under test: every other host name resolves
to nothing, and its background services are off.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO_ROOT, request
from lede_server import FixtureServer, LedeServer
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright

SCREENSHOT = REPO_ROOT / "build" / "playground.png"
EXPECTED = json.loads((REPO_ROOT / "tests" / "fixtures" / "seeds" / "expected.json").read_text())
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.fail("no chromium: `make test-http` installs Debian's from tests/http/packages.txt")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserContext]:
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,  # a fresh --user-data-dir
            executable_path=chromium(),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1440, "height": 1000},
        )
        yield context
        context.close()


@pytest.fixture
def errors() -> list[str]:
    """What the page reported as errors: script errors and console errors."""
    return []


@pytest.fixture
def page(browser: BrowserContext, base: str, errors: list[str]) -> Iterator[Page]:
    page = browser.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    outside: list[str] = []

    def watch(url: str) -> None:
        if not url.startswith((base, "data:", "about:", "blob:")):
            outside.append(url)

    page.on("request", lambda r: watch(r.url))
    page.goto(base + "/")
    yield page
    assert not errors, errors
    assert not outside, f"the playground asked for something besides this server: {outside}"
    page.close()


def test_paste_a_seed_and_see_its_title(page: Page, seeds: list[Path]) -> None:
    seed = seeds[2]
    expected_title = EXPECTED[seed.name]["title"]
    page.get_by_label("HTML, Markdown or text").fill(seed.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Extract").click()

    title = page.locator("#title")
    expect(title).to_have_text(expected_title, timeout=20000)
    expect(page.get_by_role("status")).to_contain_text("Extracted in")
    # Each field says where it came from, for the mouse and for screen readers.
    expect(title).to_have_attribute("data-source", "markdown-heading")
    expect(title).to_have_attribute("aria-description", "from markdown-heading")
    facts = page.locator("#facts")
    expect(facts).to_contain_text("zh-Hans")
    expect(facts).to_contain_text("www.rfi.fr")
    expect(page.get_by_role("tabpanel")).to_contain_text("比利时情报部门正在监控")
    # The box shows the document from its start; the pointer on the title
    # shows where it came from.
    page.locator("#source").press("Control+Home")
    title.hover()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20000


def test_tabs_answer_the_keyboard_and_json_is_a_click_away(
    page: Page, seeds: list[Path], base: str
) -> None:
    page.locator("#source").fill(seeds[1].read_text(encoding="utf-8"))
    page.keyboard.press("Control+Enter")
    expect(page.locator("#title")).to_have_text(EXPECTED[seeds[1].name]["title"], timeout=20000)

    text_tab = page.get_by_role("tab", name="Text")
    text_tab.focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("tab", name="Markdown")).to_be_focused()
    expect(page.get_by_role("tab", name="Markdown")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#panel-markdown")).to_be_visible()
    page.keyboard.press("ArrowRight")
    # The HTML view is a frame without scripts or same-origin rights.
    frame = page.locator("#out-html")
    expect(frame).to_have_attribute("sandbox", "")
    expect(page.frame_locator("#out-html").locator("h1")).to_have_text(
        EXPECTED[seeds[1].name]["title"]
    )
    # Pictures stay off until asked for: none of them was fetched.
    expect(page.frame_locator("#out-html").locator("img")).to_have_count(0)
    page.keyboard.press("End")
    expect(page.get_by_role("tab", name="JSON")).to_have_attribute("aria-selected", "true")
    # The JSON tab shows the server's answer, the one curl gets.
    shown = json.loads(page.locator("#out-json").inner_text())
    direct = request(f"{base}/v1/parse", seeds[1].read_bytes(), {"Content-Type": "text/html"})
    assert shown == json.loads(direct.body)


def test_errors_are_announced(page: Page, errors: list[str]) -> None:
    page.locator("#source").fill("\x01\x02\x03\x04\x05\x06\x07\x08" * 20)
    page.get_by_role("button", name="Extract").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("HTTP 400")
    expect(alert).to_contain_text("binary")
    # The browser logs the 400 itself; nothing else went wrong.
    assert all("status of 400" in error for error in errors), errors
    errors.clear()


def test_the_example_and_the_files_it_needs_are_built_in(page: Page, base: str) -> None:
    page.get_by_role("button", name="Try an example").click()
    expect(page.locator("#title")).to_have_text(
        "Harbour tunnel opens two years late, and already over capacity", timeout=20000
    )
    expect(page.locator("#facts")).to_contain_text("Maren Holt")
    for path in ["/", "/playground/app.js", "/playground/app.css", "/playground/sample.html"]:
        assert request(base + path).status == 200, path
    policy = request(base + "/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy


def test_an_empty_box_with_a_url_has_the_server_fetch_it(
    browser: BrowserContext, fetching: LedeServer, fixtures: FixtureServer
) -> None:
    # The browser talks to the server only; the server fetches the page.
    page = browser.new_page()
    page.goto(f"http://{fetching.http_address}/")
    page.locator("summary", has_text="Options").click()
    page.get_by_label("Page URL").fill(fixtures.url("/redirect/1/articles/story.html"))
    page.get_by_role("button", name="Extract").click()
    expect(page.locator("#title")).to_have_text("Bridge reopens after repairs", timeout=20000)
    expect(page.locator("#facts")).to_contain_text("Jane Doe")
    page.close()
