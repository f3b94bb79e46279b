#!/usr/bin/env python3
"""Parses pages concurrently with the asyncio client; prints "file<TAB>language<TAB>title".

python async_parse.py pages/*.html --server localhost:50051
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import lede
import lede.aio


async def describe(client: lede.aio.Client, path: Path) -> str:
    try:
        article = await client.parse(path.read_bytes(), formats="text")
    except lede.LedeError as error:
        return f"{path}\terror\t{error}"
    return f"{path}\t{article.language}\t{article.title}"


async def main() -> int:
    parser = argparse.ArgumentParser(description="Parse pages concurrently.")
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--server", default="localhost:50051", help="HOST:PORT of lede-server")
    args = parser.parse_args()

    async with lede.aio.Client(args.server) as client:
        lines = await asyncio.gather(*(describe(client, path) for path in args.files))
    print("\n".join(lines))
    return 1 if any("\terror\t" in line for line in lines) else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
