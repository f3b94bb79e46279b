#!/usr/bin/env python3
"""Parses one page with a lede server and prints its title, byline and text.

python parse_file.py page.html --server localhost:50051 [--url URL] [--json]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import lede


def main() -> int:
    parser = argparse.ArgumentParser(description="Parse one page with a lede server.")
    parser.add_argument("file", type=Path, help="the page as fetched (any charset)")
    parser.add_argument("--server", default="localhost:50051", help="HOST:PORT of lede-server")
    parser.add_argument("--url", help="where the page came from")
    parser.add_argument("--json", action="store_true", help="print the answer as `lede parse` does")
    args = parser.parse_args()

    with lede.Client(args.server) as client:
        try:
            response = client.parse_response(
                args.file.read_bytes(), url=args.url, id=str(args.file)
            )
        except lede.LedeError as error:
            print(f"{args.file}: {error}", file=sys.stderr)
            return 1
    if args.json:
        print(lede.to_json(response))
        return 0
    article = response.article
    print(article.title)
    if article.authors:
        print("By " + ", ".join(article.authors))
    if article.HasField("published_time"):
        print("Published " + article.published_time.ToJsonString())
    print()
    print(article.text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
