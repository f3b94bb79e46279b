"""summary.json -> the Markdown of the accuracy and metadata sections."""
from __future__ import annotations

from typing import Iterable, Optional

FIELD_NAMES = {"title": "title", "author": "author", "date": "date", "site": "siteName"}
SET_FIELD_LABELS = {"readability": {"author": "byline", "date": "publishedTime"},
                    "wcxb-dev": {"date": "publish_date"}}


def _f(x: Optional[float]) -> str:
    return "" if x is None else f"{x:.3f}"


def _table(head: list[str], rows: Iterable[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _done(r: dict) -> str:
    return str(r["done"]) if r["done"] == r["pages"] else f"{r['done']}/{r['pages']} (partial)"


def _tools(summary: dict, set_name: str) -> list[tuple[str, dict]]:
    tools = summary["sets"].get(set_name, {}).get("tools", {})
    return [(t, tools[t]) for t in summary["tool_order"] if t in tools]


def _produced(summary: dict) -> str:
    return (f"Produced by `make bench-accuracy` (`{summary['command']}`, LEDE_BIN = `{summary.get('lede_bin', '')}`) "
            f"on {summary['generated']}.")


# The issue-3 headline: (set, label, path into a tool's result, target for lede or None).
HEADLINE = [
    ("wcxb-dev", "WCXB dev, word F1, all types", ("body", "wcxb", "f1"), None),
    ("wcxb-dev", "WCXB dev, word F1, articles", ("body", "by_type", "article", "wcxb", "f1"), 0.94),
    ("wcxb-dev", "WCXB dev, ScrapingHub 4-gram F1, all types", ("body", "scrapinghub", "f1"), None),
    ("wcxb-dev", "WCXB dev, page-type accuracy", ("page_type", "accuracy"), None),
    ("trafilatura", "trafilatura's set, snippet F", ("snippets", "f1"), None),
    ("cwced-dev", "CWCED dev, CJK-character word F1 (WCXB-CJK)", ("body", "wcxb_cjk", "f1"), 0.95),
    ("cwced-dev", "CWCED dev, CJK-character 4-gram F1 (SH-CJK)", ("body", "scrapinghub_cjk", "f1"), 0.95),
    ("seeds", "seeds, snippet F", ("snippets", "f1"), None),
]


def _get(d: object, path: tuple[str, ...]) -> Optional[float]:
    for k in path:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d if isinstance(d, (int, float)) else None


def _diff(d: float) -> str:
    # A lead too small for three decimals still shows its sign.
    return f"{d:+.4f}" if d and abs(d) < 0.0005 else f"{d:+.3f}"


def _verdict(mine: float, best: float) -> str:
    if mine > best:
        return "ahead"
    return "tied" if mine == best else "**behind**"


def headline(summary: dict) -> str:
    rows = []
    for set_name, label, path, target in HEADLINE:
        tools = dict(_tools(summary, set_name))
        if "lede" not in tools:
            continue
        lede = _get(tools["lede"], path)

        def cell(t: str) -> str:
            v = _get(tools.get(t, {}), path)
            partial = t in tools and tools[t]["done"] < tools[t]["pages"]
            return _f(v) + (" (partial)" if partial and v is not None else "")

        # Only peers that answered every page compete for "best peer".
        peers = [(t, _get(r, path)) for t, r in tools.items() if t != "lede" and r["done"] == r["pages"]]
        peers = [(t, v) for t, v in peers if v is not None]
        best = max(peers, key=lambda x: x[1]) if peers else None
        verdict = "" if best is None or lede is None else _verdict(lede, best[1])
        if target is not None and lede is not None:
            verdict += f"; target {target:.2f} " + ("met" if lede >= target else "**not met**")
        rows.append([label, _f(lede), cell("trafilatura"), f"{best[0]} {_f(best[1])}" if best else "",
                     _diff(lede - best[1]) if best and lede is not None else "", verdict.strip("; ")])
    if not rows:
        return ""
    return "\n".join(["### Headline (issue 3)", "",
                      "lede against trafilatura and against the best peer on each measure (peers with "
                      "every page answered); issue 3 asks lede to beat every peer on each.", "",
                      _table(["measure", "lede", "trafilatura", "best peer", "lede − best peer", "verdict"], rows)])


def halves_rows(summary: dict) -> dict[str, list[list[str]]]:
    """Per half: [measure, lede, best peer, lede − best, verdict] for each headline
    measure, the peers ranked on the same half's pages."""
    out: dict[str, list[list[str]]] = {}
    for set_name, label, path, _target in HEADLINE:
        for h, data in summary["sets"].get(set_name, {}).get("halves", {}).items():
            tools = data["tools"]
            if "lede" not in tools:
                continue
            lede = _get(tools["lede"], path)
            peers = [(t, _get(r, path)) for t, r in tools.items() if t != "lede" and r["done"] == r["pages"]]
            peers = [(t, v) for t, v in peers if v is not None]
            best = max(peers, key=lambda x: x[1]) if peers else None
            pages_path = path[:-2] + ("pages",) if len(path) > 2 else path[:-1] + ("pages",)
            pages = _get(tools["lede"], pages_path)
            out.setdefault(h, []).append([
                f"{label} ({pages:.0f} pages)" if pages is not None else label, _f(lede), f"{best[0]} {_f(best[1])}" if best else "",
                _diff(lede - best[1]) if best and lede is not None else "",
                "" if best is None or lede is None else _verdict(lede, best[1])])
    return out


def halves(summary: dict) -> str:
    by_half = halves_rows(summary)
    if not by_half:
        return ""
    rows = [[measure, h, lede, best, diff, verdict]
            for h, items in sorted(by_half.items()) for measure, lede, best, diff, verdict in items]
    out = ["### The two halves", "",
           "Every set split in two by a stable hash of the page id (`sets/page.py`, `Page.half`). "
           "Rules are tuned on one half and kept only when the other gets no worse; "
           "`python3 bench/run.py --tools lede --half A` runs one half.", "",
           _table(["measure", "half", "lede", "best peer", "lede − best peer", "verdict"], rows)]
    wcxb_halves = summary["sets"].get("wcxb-dev", {}).get("halves", {})
    for h, data in sorted(wcxb_halves.items()):
        tools = [(t, data["tools"][t]) for t in summary["tool_order"] if t in data["tools"]]
        types = sorted({ty for _, r in tools for ty in r["body"].get("by_type", {})},
                       key=lambda ty: (ty != "article", ty))
        if not tools or not types:
            continue
        head = ["tool"] + [f"{ty} ({tools[0][1]['body']['by_type'].get(ty, {}).get('pages', 0)})" for ty in types]
        rows = [[t] + [_f(r["body"].get("by_type", {}).get(ty, {}).get("wcxb", {}).get("f1")) for ty in types]
                for t, r in tools]
        out += ["", f"WCXB word F1 per page type, half {h} (pages):", "", _table(head, rows)]
    return "\n".join(out)


PAGE_TYPES = ["article", "collection", "documentation", "forum", "listing", "product", "service"]


def _confusion(score: dict) -> str:
    cells = {(t, p): n for t, p, n in score["confusion"]}
    predicted = PAGE_TYPES + (["none"] if any(p == "none" for _, p in cells) else [])
    rows = []
    for t in PAGE_TYPES:
        row = [cells.get((t, p), 0) for p in predicted]
        total = sum(row)
        rows.append([t] + [str(n) for n in row] + [str(total), _f(row[predicted.index(t)] / total if total else None)])
    return _table(["truth \\ predicted"] + predicted + ["pages", "recall"], rows)


def page_types(summary: dict) -> str:
    """Page-type accuracy on WCXB dev per half, and the confusion tables (issue 18)."""
    data = summary["sets"].get("wcxb-dev")
    if not data:
        return ""
    tools = [t for t in summary["tool_order"] if "page_type" in data["tools"].get(t, {})]
    if not tools:
        return ""
    halves_data = data.get("halves", {})
    rows = [[t] + [_f(halves_data.get(h, {}).get("tools", {}).get(t, {}).get("page_type", {}).get("accuracy"))
                   for h in sorted(halves_data)] + [_f(data["tools"][t]["page_type"]["accuracy"])]
            for t in tools]
    out = ["### Page type", "",
           "WCXB labels each dev page article, collection, documentation, forum, listing, product or "
           "service; a tool's `page_type` is scored against it (score/page_type.py). lede's model is "
           "trained on half A only (`bench/page_type/train.py`): half B is its held-out check. "
           "rs-trafilatura's classifier comes with the crate (web-page-classifier 0.1.0, XGBoost), "
           "whose README says it was trained on 1,497 pages of the same 7 types (with SMOTE "
           "oversampling), as many as WCXB dev has, and gives its accuracy as 87.3 % (macro F1 "
           "0.824): its figures here are likely on its own training pages, neither half held out.", "",
           _table(["tool"] + [f"half {h} ({halves_data[h]['pages']})" for h in sorted(halves_data)]
                  + [f"all ({data['pages']})"], rows)]
    for h in sorted(halves_data):
        for t in tools:
            score = halves_data[h]["tools"].get(t, {}).get("page_type")
            if score:
                out += ["", f"{t}, half {h}: rows are WCXB's type, columns the tool's "
                        f"(accuracy {_f(score['accuracy'])}).", "", _confusion(score)]
    return "\n".join(out)


def header(summary: dict) -> str:
    m = summary["machine"]
    out = [
        "## Accuracy: body and metadata, lede and the peers in one run",
        "",
        _produced(summary),
        f"Machine: {m['nproc']} cores (shared with other work), {m['cpu']}, {m['os']}, Python {m['python']}; "
        f"load average when the report was written: {m.get('loadavg', '?')}. "
        f"Data: `{summary['eval_dir']}`. Peers ran {summary['jobs']} at a time.",
        "",
        _table(["tool", "version", "configuration", "status"],
               [[t, f"`{i.get('version', '')}`", i.get("config", ""), i.get("status", "")]
                for t, i in ((t, summary["tools"][t]) for t in summary["tool_order"])]),
        "",
        "Scoring (bench/score/, see DESIGN.md): **ScrapingHub** = 4-gram shingles of case-sensitive "
        "`\\w+` tokens, P and R per page averaged (precision over pages with output), F1 from the "
        "averages; **WCXB** = bag-of-words over lower-cased `\\w+` tokens, P/R/F1 per page, averaged; "
        "**-CJK** variants make each Han/Kana/Hangul character one token; **snippets** = trafilatura's "
        "method, counts pooled over the set (whitespace folded, NFC). Errors and timeouts count as "
        "empty output. Times are wall time per page as the driver sees it (request out, answer back), "
        "from the run that computed the cached row.",
    ]
    return "\n".join(out)


def _body_row(t: str, r: dict, keys: list[str]) -> list[str]:
    b = r["body"]
    row = [t, _done(r)]
    for k in keys:
        m = b.get(k, {})
        row += [_f(m.get("precision")), _f(m.get("recall")), _f(m.get("f1"))]
    return row


def wcxb(summary: dict) -> str:
    tools = _tools(summary, "wcxb-dev")
    if not tools:
        return ""
    s = summary["sets"]["wcxb-dev"]
    out = [f"### wcxb-dev: body ({s['pages']} pages)", "",
           _table(["tool", "pages", "WCXB P", "WCXB R", "WCXB F1", "SH P", "SH R", "SH F1",
                   "snippet F", "errors", "empty"],
                  [_body_row(t, r, ["wcxb", "scrapinghub"]) +
                   [_f(r.get("snippets", {}).get("f1")), str(r["errors"]), str(r["empty"])]
                   for t, r in tools])]
    types = sorted({ty for _, r in tools for ty in r["body"].get("by_type", {})},
                   key=lambda ty: (ty != "article", ty))
    for metric, label in (("wcxb", "WCXB word F1"), ("scrapinghub", "ScrapingHub F1")):
        head = ["tool"] + [f"{ty} ({tools[0][1]['body']['by_type'].get(ty, {}).get('pages', 0)})" for ty in types]
        rows = [[t] + [_f(r["body"].get("by_type", {}).get(ty, {}).get(metric, {}).get("f1")) for ty in types]
                for t, r in tools]
        out += ["", f"{label} per page type (pages):", "", _table(head, rows)]
    return "\n".join(out)


def trafilatura_set(summary: dict) -> str:
    tools = _tools(summary, "trafilatura")
    if not tools:
        return ""
    s = summary["sets"]["trafilatura"]
    rows = []
    for t, r in tools:
        sn = r.get("snippets", {})
        rows.append([t, _done(r), _f(sn.get("precision")), _f(sn.get("recall")), _f(sn.get("f1")),
                     _f(sn.get("accuracy")), str(r["errors"]), str(r["empty"])])
    return "\n".join([f"### trafilatura: body snippets ({s['pages']} pages)", "",
                      _table(["tool", "pages", "P", "R", "F", "accuracy", "errors", "empty"], rows)])


def cwced(summary: dict) -> str:
    tools = _tools(summary, "cwced-dev")
    if not tools:
        return ""
    s = summary["sets"]["cwced-dev"]
    rows = [_body_row(t, r, ["scrapinghub_cjk", "wcxb_cjk"]) +
            [_f(r["body"].get("scrapinghub", {}).get("f1")), _f(r["body"].get("wcxb", {}).get("f1")),
             str(r["errors"]), str(r["empty"])] for t, r in tools]
    return "\n".join([f"### cwced-dev: body ({s['pages']} Chinese pages)", "",
                      "CJK-character variants first; the plain `\\w+` scores (last two F1 columns) "
                      "treat a whole run of Chinese as one token and are shown only for comparison "
                      "with published numbers.", "",
                      _table(["tool", "pages", "SH-CJK P", "SH-CJK R", "SH-CJK F1", "WCXB-CJK P",
                              "WCXB-CJK R", "WCXB-CJK F1", "SH F1 (\\w+)", "WCXB F1 (\\w+)",
                              "errors", "empty"], rows)])


def gne(summary: dict) -> str:
    tools = _tools(summary, "gne")
    if not tools:
        return ""
    s = summary["sets"]["gne"]
    rows = [[t, _done(r), str(r["errors"]), str(r["timeouts"]), str(r["empty"]),
             f"{r.get('median_tokens', 0):.0f}"] for t, r in tools]
    return "\n".join([f"### gne: robustness ({s['pages']} Chinese news pages, no truth)", "",
                      _table(["tool", "pages", "errors", "timeouts", "empty body",
                              "median body tokens (CJK chars)"], rows)])


def seeds(summary: dict) -> str:
    tools = _tools(summary, "seeds")
    if not tools:
        return ""
    rows = []
    for t, r in tools:
        sn = r.get("snippets", {})
        rows.append([t, _done(r), f"{sn.get('tp', 0):.0f}/{sn.get('tp', 0) + sn.get('fn', 0):.0f}",
                     f"{sn.get('fp', 0):.0f}/{sn.get('fp', 0) + sn.get('tn', 0):.0f}", _f(sn.get("f1"))])
    return "\n".join(["### seeds: body snippets (3 documents)", "",
                      _table(["tool", "pages", "with found", "without found (bad)", "F"], rows)])


def timing(summary: dict) -> str:
    t = summary["timing"]
    rows = [[tool, f"{i['median_ms']:.1f}", _f(i.get("ratio_vs_lede")), f"{i['p95_ms']:.1f}",
             str(int(i["pages"])), str(i["errors"]), str(i["timeouts"])]
            for tool, i in ((k, t[k]) for k in summary["tool_order"] if k in t)]
    return "\n".join(["### Time per page", "",
                      "Median wall time per page over all sets, and its ratio to lede's median "
                      "(above 1 = slower than lede). `make bench-speed` has the per-page ratios and "
                      "lede against gumbo.", "",
                      _table(["tool", "median ms", "÷ lede", "p95 ms", "pages", "errors",
                              "timeouts"], rows)])


def worst(summary: dict) -> str:
    out = ["### lede's worst pages", "",
           "Ranked by per-page WCXB word F1 where the set has a body (CJK-character tokens on "
           "Chinese sets), share of snippets right (trafilatura set), share of metadata fields "
           "right (readability), body size (gne). `python3 bench/run.py --tools lede --worst N` "
           "lists more, with paths."]
    for set_name, items in summary.get("worst", {}).items():
        if not items:
            continue
        typed = any(w.get("type") for w in items)
        head = ["page"] + (["type"] if typed else []) + ["score", "hint", "url"]
        rows = [[f"`{w['id']}`"] + ([w.get("type", "")] if typed else [])
                + [f"{w['score']:.3f}", w["hint"].replace("|", "\\|"), _short_url(w.get("url", ""))]
                for w in items]
        out += ["", f"**{set_name}**", "", _table(head, rows)]
    return "\n".join(out)


def metadata(summary: dict) -> str:
    m = summary["machine"]
    out = ["## Metadata accuracy, lede and the peers in one run", "",
           _produced(summary) + f" Machine: {m['nproc']} cores (shared), {m['cpu']}.", "",
           metadata_headline(summary), "",
           "Per field: **accuracy** = pages where the value matches the truth ÷ pages whose truth "
           "states a value; **coverage** = pages where the tool returned any value ÷ the same pages. "
           "Shown as `accuracy (coverage)`; n = pages with truth. Title and siteName: exact after "
           "NFC and whitespace folding. Author: any-of: both sides split into names (on , ; / | & "
           "、 ， ； and the words and/und/et/y; CJK-only strings also on spaces), a leading "
           "By/Von/作者：/记者/文/ dropped, NFKC + case-folded; a match is any shared name. Date: same "
           "calendar day as written (no time-zone shift); a truth of only a year or month matches "
           "any day in it. Peers give dates as the page writes them; lede gives an instant in UTC and "
           "the text it read it from, and is scored on that text's day when it names a full day within "
           "a day of the instant, else on the instant's UTC day (report/evaluate.py). `spurious` = values returned where the truth states none. Tools that "
           "do not return a field show —.", ""]
    for set_name, sdata in summary["sets"].items():
        tools = _tools(summary, set_name)
        fields = [f for f in ("title", "author", "date", "site")
                  if any(f in r["meta"] for _, r in tools)]
        if not tools or not fields:
            continue
        labels = SET_FIELD_LABELS.get(set_name, {})
        first = tools[0][1]["meta"]
        head = ["tool"] + [f"{labels.get(f, FIELD_NAMES[f])} (n={first[f]['truth_pages']})" for f in fields] \
            + ["spurious"]
        rows = []
        for t, r in tools:
            cells = [t]
            spurious = []
            for f in fields:
                m = r["meta"][f]
                if not summary["tools"][t].get("fields", {}).get(f, True):
                    cells.append("—")
                    continue
                cells.append(f"{m['accuracy']:.3f} ({m['coverage']:.3f})")
                if m["null_pages"]:
                    spurious.append(f"{labels.get(f, FIELD_NAMES[f])} {m['spurious']}/{m['null_pages']}")
            cells.append(", ".join(spurious))
            rows.append(cells)
        out += [f"### {set_name}", "", _table(head, rows), ""]
        if set_name == "readability":
            out += ["The readability pages' expected metadata is what Readability.js's own test suite "
                    "expects it to return, so Readability.js matches it nearly by construction; it is "
                    "still the peer to beat here (issue 4).", ""]
    return "\n".join(out)


def _short_url(url: str) -> str:
    url = url.replace("|", "%7C")
    return url if len(url) <= 70 else url[:67] + "..."


def metadata_headline(summary: dict) -> str:
    """Per set and field: lede's accuracy against the best peer's (issue 4)."""
    rows = []
    for set_name in summary["sets"]:
        tools = _tools(summary, set_name)
        if not any(t == "lede" for t, _ in tools):
            continue
        labels = SET_FIELD_LABELS.get(set_name, {})
        lede = dict(tools)["lede"]["meta"]
        for f in ("title", "author", "date", "site"):
            if f not in lede or not lede[f]["truth_pages"]:
                continue
            peers = [(t, r["meta"][f]["accuracy"]) for t, r in tools if t != "lede" and f in r["meta"]
                     and summary["tools"][t].get("fields", {}).get(f, True) and r["done"] == r["pages"]]
            best = max(peers, key=lambda x: x[1]) if peers else None
            mine = lede[f]["accuracy"]
            verdict = "" if best is None else ("at or above" if mine >= best[1] else "**below**")
            rows.append([set_name, labels.get(f, FIELD_NAMES[f]), str(lede[f]["truth_pages"]), _f(mine),
                         f"{best[0]} {_f(best[1])}" if best else "",
                         _diff(mine - best[1]) if best else "", verdict])
    return _table(["set", "field", "n", "lede", "best peer", "lede − best", "verdict"], rows) if rows else ""


def accuracy_section(summary: dict) -> str:
    parts = [header(summary), headline(summary), halves(summary), page_types(summary), wcxb(summary),
             trafilatura_set(summary), cwced(summary),
             gne(summary), seeds(summary), timing(summary), worst(summary)]
    return "\n\n".join(p for p in parts if p)
