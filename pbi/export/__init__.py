"""Exports of results: text, JSON and CSV tables; xlsx, DataFrames, charts, Markdown/HTML."""
