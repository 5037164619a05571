"""The pure engine: extraction and alignment over plain text and plain records.

Nothing in this package imports FastAPI, SQLModel or anything that does I/O; the web layer and the
storage services call into it, never the reverse.
"""
