"""Peers and lede as long-lived batch workers, with a per-page result cache."""
