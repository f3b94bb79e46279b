"""Scorers for the accuracy benchmark: pure Python, stdlib only, unit-tested."""
