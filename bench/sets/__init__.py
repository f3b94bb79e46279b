"""Evaluation sets: each module turns one folder of ../shared/eval into Pages."""
