"""Exports of results: text, JSON and CSV tables; xlsx, DataFrames, charts, Markdown/HTML."""

__all__: list[str] = []
