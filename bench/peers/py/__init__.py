"""One adapter a Python peer. Each module exposes CONFIG (a one-line description
of the configuration used, shown in RESULTS.md), version() and
extract(raw: bytes, url: str) -> dict with "text" and, where the peer has them,
"title", "author", "date", "site". These run inside bench/.venv only."""
