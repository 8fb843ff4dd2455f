"""Whole jobs over many articles: batches of files and resumable runs."""
