"""/docs: the API's Swagger UI from vendored assets under the app's own CSP (no CDN, no inline script).

FastAPI's built-in page loads Swagger UI from a CDN and starts it with an inline script, both of which the
Content-Security-Policy blocks, so it rendered blank. The assets are the npm package `swagger-ui-dist`,
copied with its version in the folder name; `static/js/docs.js` starts it from the page's data attribute.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

SWAGGER_UI = "/static/vendor/swagger-ui-5.35.0"

router = APIRouter(include_in_schema=False)

PAGE = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Parallax API</title>
  <link rel="stylesheet" href="{SWAGGER_UI}/swagger-ui.css">
  <script src="{SWAGGER_UI}/swagger-ui-bundle.js" defer></script>
  <script src="/static/js/docs.js" defer></script>
</head>
<body>
  <p><a href="/">Back to Parallax</a></p>
  <div id="swagger-ui" data-openapi-url="/openapi.json">
    <noscript>The API documentation needs JavaScript; the raw schema is at <a href="/openapi.json">/openapi.json</a>.</noscript>
  </div>
</body>
</html>
"""


@router.get("/docs", response_class=HTMLResponse)
def api_docs() -> HTMLResponse:
    return HTMLResponse(PAGE)
