#!/usr/bin/env python3
"""Parses many pages over one stream and prints "file<TAB>title" as each finishes.

python parse_many.py pages/*.html --server localhost:50051
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import lede
from lede.parse_requests import ParseItem


def main() -> int:
    parser = argparse.ArgumentParser(description="Parse many pages over one stream.")
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--server", default="localhost:50051", help="HOST:PORT of lede-server")
    args = parser.parse_args()

    def items() -> Iterator[ParseItem]:
        # Read lazily: only the pages in flight are held in memory.
        for path in args.files:
            yield {"content": path.read_bytes(), "id": str(path)}

    failures = 0
    with lede.Client(args.server) as client:
        for response in client.parse_many(items(), formats="text"):
            error = lede.error_from_response(response)
            if error is not None:
                failures += 1
                print(f"{response.id}: {error}", file=sys.stderr)
            else:
                print(f"{response.id}\t{response.article.title}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
