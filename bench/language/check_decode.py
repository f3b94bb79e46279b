#!/usr/bin/env python3
"""Decoding check: lede's decode stage against a browser (headless Chromium).

For every CWCED dev page and every trafilatura page that is not valid UTF-8,
decodes the bytes as lede does (no content type, as when read from a file)
and as Chromium does (file://, --dump-dom), and counts U+FFFD in each. A page
passes when lede has no U+FFFD where the browser shows none, and no more than
the browser where it shows some (bytes broken in the source). Writes the
`decode` section of bench/RESULTS.md.

  check_decode.py --bench build/bin/lede_language_bench [--results RESULTS.md]
"""
import argparse
import glob
import gzip
import html as html_lib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from report import sections  # noqa: E402

EVAL = os.environ.get("LEDE_EVAL_DIR") or os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "eval"))
RESULTS = os.path.normpath(os.path.join(HERE, "..", "RESULTS.md"))
COMMAND = ("make bench-decode  # python3 bench/language/check_decode.py "
           "--bench build/bin/lede_language_bench")


def pages(eval_dir):
    """(set name, page name, bytes) for the pages the check covers."""
    for path in sorted(glob.glob(os.path.join(eval_dir, "cwced-dev", "*.gz"))):
        yield "cwced-dev", os.path.basename(path)[:-3], gzip.open(path).read()
    for path in sorted(
            glob.glob(os.path.join(eval_dir, "trafilatura", "html", "*.gz"))):
        data = gzip.open(path).read()
        try:
            data.decode("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        yield "trafilatura", os.path.basename(path)[:-3], data


def browser_dom(chromium, path, profile):
    """Chromium's DOM of the file, serialized; None when Chromium fails.

    Scripts stay on: --dump-dom serializes the DOM with script, and prints
    nothing when scripts are disabled. The file is local and the machine
    offline, so a page's scripts cannot fetch anything."""
    try:
        dom = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--user-data-dir=" + profile, "--dump-dom", "file://" + path],
            capture_output=True, timeout=90, check=True).stdout
    except (subprocess.SubprocessError, OSError):
        return None
    if not dom.strip():
        return None
    return dom.decode("utf-8", errors="replace")


_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>",
                   re.DOTALL | re.IGNORECASE)
_WORD = re.compile(r"\w{3,}")


def text_runs(html):
    """Words of 3+ letters with a non-ASCII letter in the text of `html`:
    the words whose decoding depends on the charset (über, 经济发展)."""
    text = html_lib.unescape(_TAGS.sub(" ", html))
    return {w for w in _WORD.findall(text)
            if not w.isascii() and "\ufffd" not in w}


def agreement(lede_html, browser_html):
    """Share of lede's non-ASCII words that the browser's DOM also has; None
    when lede's text has none (ASCII pages)."""
    runs = text_runs(lede_html)
    if not runs:
        return None
    browser = html_lib.unescape(browser_html)
    return sum(1 for r in runs if r in browser) / len(runs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", required=True,
                        help="path to lede_language_bench")
    parser.add_argument("--eval", default=EVAL, help="the shared/eval folder")
    parser.add_argument("--results", default=RESULTS,
                        help="RESULTS.md whose decode section is rewritten")
    parser.add_argument("--no-write", action="store_true",
                        help="print only, leave RESULTS.md alone")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for index, (corpus, name, data) in enumerate(pages(args.eval)):
            path = os.path.join(tmp, f"{index:03d}.html")
            with open(path, "wb") as f:
                f.write(data)
            files.append((corpus, name, path))
        if not files:
            sys.exit(f"no pages under {args.eval}")
        out = subprocess.run([args.bench, "--decode"] +
                             [p for _, _, p in files],
                             capture_output=True, check=True).stdout
        lede = {}
        for line in out.decode("utf-8").splitlines():
            path, charset, source, count = line.split("\t")
            lede[path] = (charset, source, int(count))
        def browse(item):
            index, path = item
            if not chromium:
                return None
            return browser_dom(chromium, path,
                               os.path.join(tmp, f"profile{index}"))
        with ThreadPoolExecutor(max_workers=2) as pool:
            browsers = list(pool.map(
                browse, [(i, p) for i, (_, _, p) in enumerate(files)]))
        for (corpus, name, path), dom in zip(files, browsers):
            charset, source, count = lede[path]
            with open(path + ".lede", encoding="utf-8",
                      errors="replace") as f:
                decoded = f.read()
            browser = None if dom is None else dom.count("\ufffd")
            agree = None if dom is None else agreement(decoded, dom)
            rows.append((corpus, name, charset, source, count, browser,
                         agree))

    failed = 0
    lines = ["| set | page | lede charset (from) | U+FFFD lede | U+FFFD browser "
             "| same text as the browser | ok |",
             "|---|---|---|---:|---:|---:|---|"]
    for corpus, name, charset, source, count, browser, agree in rows:
        # Without a browser's answer, a page passes only with no U+FFFD.
        ok = count == 0 if browser is None else count <= browser
        failed += 0 if ok else 1
        lines.append(f"| {corpus} | {name} | {charset} ({source}) | {count} | "
                     f"{'n/a' if browser is None else browser} | "
                     f"{'n/a' if agree is None else f'{100 * agree:.0f} %'} | "
                     f"{'yes' if ok else 'NO'} |")
    by_set = {}
    for corpus, *_ in rows:
        by_set[corpus] = by_set.get(corpus, 0) + 1
    clean = [r for r in rows if r[5] == 0]
    summary = (
        f"**{len(rows) - failed} of {len(rows)} pages pass** ("
        + ", ".join(f"{n} {s}" for s, n in by_set.items()) + "). "
        f"The browser shows no U+FFFD on {len(clean)} pages; lede shows none "
        f"on {sum(1 for r in clean if r[4] == 0)} of them. Where the browser "
        f"shows some (bytes broken in the page itself), lede shows no more. "
        f"Browser: {'Chromium (' + chromium + ', headless, file://)' if chromium else 'none found'}; "
        f"browser failures (n/a): {sum(1 for r in rows if r[5] is None)}.")
    agrees = [r[6] for r in rows if r[6] is not None]
    summary += (
        f" Same text as the browser: of the words with a non-ASCII letter in "
        f"lede's decoding, {100 * sum(agrees) / max(len(agrees), 1):.1f} % on "
        f"average are in the browser's DOM too, on the {len(agrees)} pages "
        f"that have such words (lowest {100 * min(agrees, default=0):.0f} %; "
        f"scripts can change a DOM, a wrong charset changes every word).")
    charsets = {}
    for r in rows:
        key = f"{r[2]} ({r[3]})"
        charsets[key] = charsets.get(key, 0) + 1
    body = "\n".join([
        "## Decoding: lede vs a browser",
        "",
        f"`{COMMAND}`",
        "",
        "Every CWCED dev page and every trafilatura page that is not valid "
        "UTF-8, decoded by lede's decode stage with no content type (as read "
        "from a file) and by Chromium; U+FFFD counted in each. A page passes "
        "when lede has no U+FFFD where the browser shows none and no more "
        "than the browser where it shows some. The text is compared too: "
        "the words with a non-ASCII letter in lede's decoding are looked up "
        "in the browser's DOM.",
        "",
        summary,
        "",
        "Charsets lede chose: " + ", ".join(
            f"{k} × {v}" for k, v in sorted(charsets.items(),
                                            key=lambda kv: -kv[1])) + ".",
        "",
        "<details><summary>Per page</summary>",
        "",
        *lines,
        "",
        "</details>",
    ])
    print("\n".join(lines))
    print(summary)
    if not args.no_write:
        sections.replace_section(Path(args.results), "decode", body)
        print(f"wrote the decode section of {args.results}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
