"""Scores for one tool on one set, from its rows and the set's truth."""
from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Optional

from score import bow, shingles, snippets
from score import metadata as meta_score
from score import page_type as page_type_score
from score import tokens as tok
from sets.page import Page

CJK_SETS = {"cwced-dev", "gne", "seeds"}


def _timing(rows: list[dict]) -> dict[str, float]:
    walls = [r["wall_ms"] for r in rows if r.get("wall_ms") and not r.get("error", "").startswith("timeout")]
    if not walls:
        return {}
    walls.sort()
    return {"median_ms": statistics.median(walls), "mean_ms": statistics.fmean(walls),
            "p95_ms": walls[min(len(walls) - 1, int(0.95 * len(walls)))], "pages": float(len(walls))}


def _body(pages: list[Page], rows: dict[str, dict], by_type: bool) -> dict:
    have = [p for p in pages if p.body is not None and p.id in rows]
    out: dict = {"pages": len(have)}
    if not have:
        return out
    sh = [shingles.page_counts(p.body, rows[p.id].get("text")) for p in have]
    sh_cjk = [shingles.page_counts(p.body, rows[p.id].get("text"), tok.cjk_tokens) for p in have]
    bw = [bow.page_score(p.body, rows[p.id].get("text")) for p in have]
    bw_cjk = [bow.page_score(p.body, rows[p.id].get("text"), bow.lower_cjk_tokens) for p in have]
    out.update(scrapinghub=shingles.aggregate(sh), scrapinghub_cjk=shingles.aggregate(sh_cjk),
               wcxb=bow.aggregate(bw), wcxb_cjk=bow.aggregate(bw_cjk))
    if by_type:
        groups: dict[str, list[int]] = defaultdict(list)
        for i, p in enumerate(have):
            groups[p.page_type or "unknown"].append(i)
        out["by_type"] = {
            t: {"pages": len(idx), "wcxb": bow.aggregate(bw[i] for i in idx),
                "scrapinghub": shingles.aggregate(sh[i] for i in idx)}
            for t, idx in sorted(groups.items())}
    return out


def _snippets(pages: list[Page], rows: dict[str, dict]) -> Optional[dict]:
    have = [p for p in pages if (p.with_snippets or p.without_snippets) and p.id in rows]
    if not have:
        return None
    total = snippets.Confusion()
    for p in have:
        total = total + snippets.page_confusion(rows[p.id].get("text"), p.with_snippets, p.without_snippets)
    return {"pages": len(have), **snippets.metrics(total)}


def _page_types(pages: list[Page], rows: dict[str, dict]) -> Optional[dict]:
    """Page-type accuracy and confusion, for a tool that classifies pages (its
    rows carry "page_type"); None for the others."""
    have = [p for p in pages if p.page_type and p.id in rows]
    if not any(rows[p.id].get("page_type") for p in have):
        return None
    return page_type_score.score((p.page_type, rows[p.id].get("page_type")) for p in have).as_dict()


def prediction(row: dict, field: str):
    """The value a tool gave for a metadata field, as scored."""
    return row.get(field)


def _meta(pages: list[Page], rows: dict[str, dict]) -> dict:
    fields = sorted({f for p in pages for f in p.meta})
    out: dict = {}
    for f in fields:
        pairs = [(p.meta[f], prediction(rows[p.id], f)) for p in pages if f in p.meta and p.id in rows]
        r = meta_score.score_field(f, pairs)
        out[f] = {"truth_pages": r.truth_pages, "covered": r.covered, "correct": r.correct,
                  "coverage": r.covered / r.truth_pages if r.truth_pages else 0.0,
                  "accuracy": r.correct / r.truth_pages if r.truth_pages else 0.0,
                  "null_pages": r.null_pages, "spurious": r.spurious}
    return out


def evaluate(set_name: str, pages: list[Page], rows: dict[str, dict]) -> dict:
    done = [rows[p.id] for p in pages if p.id in rows]
    errors = [r for r in done if r.get("error")]
    result: dict = {
        "pages": len(pages),
        "done": len(done),
        "errors": len(errors),
        "timeouts": sum(1 for r in errors if r["error"].startswith("timeout")),
        "empty": sum(1 for r in done if not (r.get("text") or "").strip()),
        "timing": _timing(done),
        "body": _body(pages, rows, by_type=set_name == "wcxb-dev"),
        "meta": _meta(pages, rows),
    }
    snip = _snippets(pages, rows)
    if snip:
        result["snippets"] = snip
    if set_name == "wcxb-dev":
        types = _page_types(pages, rows)
        if types:
            result["page_type"] = types
    if set_name == "gne":
        lengths = [len(tok.cjk_tokens(r.get("text"))) for r in done]
        result["median_tokens"] = statistics.median(lengths) if lengths else 0
    return result
