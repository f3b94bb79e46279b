"""Generated lede.v1 messages and stubs (tools/generate.py)."""
