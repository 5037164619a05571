"""Every word list of the engine, one module per family, each list with the reason it exists."""
