"""newspaper4k: Article(url).download(input_html=...).parse(), default config without image fetching."""
from __future__ import annotations

from importlib.metadata import version as _pkg_version

from newspaper import Article, Config

from .decode import to_text

CONFIG = ("Article(url or placeholder, config) with the default Configuration but fetch_images=False "
          "(no network: the default downloads images to size the top image); download(input_html=decoded); "
          "parse(); text, title, authors, publish_date, meta_site_name")

_CONFIG: Config | None = None


def version() -> str:
    return _pkg_version("newspaper4k")


def extract(raw: bytes, url: str) -> dict:
    # newspaper needs some URL; the placeholder has no date or site in it.
    global _CONFIG
    if _CONFIG is None:
        _CONFIG = Config()
        _CONFIG.fetch_images = False
    article = Article(url or "http://localhost/page.html", config=_CONFIG)
    article.download(input_html=to_text(raw))
    article.parse()
    date = article.publish_date.isoformat() if article.publish_date else None
    return {"text": article.text or "", "title": article.title or None,
            "author": list(article.authors or []), "date": date,
            "site": (article.meta_site_name or None) if hasattr(article, "meta_site_name") else None}
