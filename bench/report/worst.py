"""lede's worst pages per set, with a one-line hint of what went wrong."""
from __future__ import annotations

from score import bow, snippets
from score import metadata as meta_score
from score import tokens as tok
from sets.page import Page

from .evaluate import prediction


def _hint(p: float, r: float, got: int, want: int) -> str:
    if got == 0:
        return "empty"
    if r < 0.5 and p >= 0.7:
        return f"low recall (got {got} of {want} tokens)"
    if p < 0.5 and r >= 0.7:
        return f"low precision (got {got}, truth {want} tokens)"
    if p < 0.7 and r < 0.7:
        return f"wrong block (P {p:.2f}, R {r:.2f})"
    return f"P {p:.2f}, R {r:.2f}"


def worst(set_name: str, pages: list[Page], rows: dict[str, dict], n: int) -> list[dict]:
    items: list[dict] = []
    cjk = set_name in ("cwced-dev", "gne", "seeds")
    for page in pages:
        row = rows.get(page.id)
        if row is None:
            continue
        text = row.get("text") or ""
        base = {"id": page.id, "path": str(page.path), "url": page.url, "type": page.page_type, "size": 0}
        if row.get("error"):
            items.append({**base, "score": 0.0, "hint": f"error: {row['error'][:80]}"})
            continue
        if page.body is not None:
            tokenizer = bow.lower_cjk_tokens if cjk else bow.lower_words
            s = bow.page_score(page.body, text, tokenizer)
            got, want = len(tokenizer(text)), len(tokenizer(page.body))
            items.append({**base, "score": s.f1, "size": want,
                          "hint": _hint(s.precision, s.recall, got, want) if got else f"empty (truth {want} tokens)"})
        elif page.with_snippets or page.without_snippets:
            c = snippets.page_confusion(text, page.with_snippets, page.without_snippets)
            total = c.tp + c.fn + c.fp + c.tn
            score = (c.tp + c.tn) / total if total else 1.0
            hint = "empty" if not text.strip() else f"{c.fn} with-snippets missing, {c.fp} without-snippets kept"
            items.append({**base, "score": score, "hint": hint})
        elif page.meta:
            wrong = []
            checked = 0
            for f, truth in page.meta.items():
                if truth is None:
                    continue
                checked += 1
                got = prediction(row, f)
                if not meta_score.MATCHERS[f](truth, got):
                    wrong.append(f"{f}: want {truth!r:.40} got {got!r:.40}")
            score = 1 - len(wrong) / checked if checked else 1.0
            items.append({**base, "score": score, "hint": "; ".join(wrong) or "ok"})
        else:  # no truth (gne): only robustness
            got = len(tok.cjk_tokens(text))
            items.append({**base, "score": float(min(got, 50)) / 50,
                          "hint": "empty" if got == 0 else f"{got} tokens"})
    # Ties (empty pages, mostly) by how much truth was lost.
    items.sort(key=lambda x: (x["score"], -x["size"], x["id"]))
    return items[:n]

