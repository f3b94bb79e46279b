"""Generated lede.v1 messages and stubs (from proto/lede/v1/lede.proto).

Regenerate with tools/generate_protos.py; never edit the *_pb2* files by hand.
"""
