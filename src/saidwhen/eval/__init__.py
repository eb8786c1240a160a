"""Evaluation against the shared corpora, through their own scorers."""
