"""The web layer: HTML pages, HTMX partials and the JSON API, all thin over app.services."""
