"""Parses a file through a lede server and prints its title and body.

    python examples/parse_file.py localhost:50051 page.html [URL]
"""
import sys

import lede


def main(address: str, path: str, url: str = "") -> None:
    with lede.Client(address, timeout=10) as client:
        article = client.parse(open(path, "rb").read(), url=url or None)
    print(article.title)
    print(article.text)


if __name__ == "__main__":
    main(*sys.argv[1:])
