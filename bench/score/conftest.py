"""Lets `pytest bench/score` import the scorers as the `score` package."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
