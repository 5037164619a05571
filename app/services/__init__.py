"""Use-cases: call the pure core and read or write through SQLModel. Web and CLI call these."""
