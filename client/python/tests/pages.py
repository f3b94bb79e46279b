"""Documents the tests send."""

from __future__ import annotations

from pathlib import Path

from lede_server import REPO_ROOT

SMALL_INPUT_LIMIT = 4096
SEEDS = sorted((REPO_ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))


def seed_documents() -> list[Path]:
    """The three seed documents of tests/fixtures/seeds."""
    assert len(SEEDS) == 3, f"expected the three seed documents, found {SEEDS}"
    return SEEDS

# Starts with the PNG signature, which the server refuses as not a document.
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def article_page(title: str, paragraphs: int = 8) -> str:
    """A small news page whose title and author the server will find."""
    body = "".join(
        f"<p>Paragraph {n} of the story called {title}: the council met on Tuesday "
        "and voted to repair the old bridge before the winter floods.</p>"
        for n in range(paragraphs)
    )
    return (
        f"<html><head><title>{title}</title><meta name='author' content='Jane Doe'></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def big_page(megabytes: float) -> str:
    """An article of about `megabytes` MB of body text. Each paragraph is
    numbered: the engine reads a run of copied paragraphs once."""
    sentences = "The river rose again overnight and the town waited. " * 40
    count = int(megabytes * 1_000_000 / (len(sentences) + 20)) + 1
    body = "".join(f"<p>Hour {n}: {sentences}</p>" for n in range(count))
    return "<html><body><article><h1>Flood</h1>" + body + "</article></body></html>"
