// Starts the vendored Swagger UI on /docs. An external file, not an inline script, so the app's CSP
// (script-src 'self') allows it. validatorUrl: null keeps the page from loading a badge from another host.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") return;
  window.SwaggerUIBundle({
    url: root.getAttribute("data-openapi-url"),
    domNode: root,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    validatorUrl: null,
    deepLinking: true,
  });
});
