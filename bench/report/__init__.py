"""Turning cached rows into scores (evaluate), tables (markdown), and RESULTS.md sections."""
