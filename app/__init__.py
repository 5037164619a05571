"""Parallax: see how different outlets covered one news event."""

__version__ = "0.1.0"
