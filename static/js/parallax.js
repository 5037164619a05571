// Parallax progressive enhancement: everything works without this file.
(function () {
  "use strict";
  // Highlight every member of a statement when one is hovered or focused.
  function linked(event, on) {
    var target = event.target.closest && event.target.closest("[data-statement]");
    if (!target) return;
    var id = target.getAttribute("data-statement");
    document.querySelectorAll('[data-statement="' + id + '"]').forEach(function (el) {
      el.classList.toggle("is-linked", on);
    });
  }
  document.addEventListener("mouseover", function (e) { linked(e, true); });
  document.addEventListener("mouseout", function (e) { linked(e, false); });
  document.addEventListener("focusin", function (e) { linked(e, true); });
  document.addEventListener("focusout", function (e) { linked(e, false); });

  // Upload progress: htmx reports XHR upload progress on the form.
  document.addEventListener("htmx:xhr:progress", function (e) {
    var form = e.target.closest && e.target.closest("form.upload");
    var bar = form && form.querySelector("progress");
    if (!bar || !e.detail.lengthComputable) return;
    bar.hidden = false;
    bar.value = Math.round((e.detail.loaded / e.detail.total) * 100);
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    var bar = e.target.querySelector && e.target.querySelector("form.upload progress, progress#upload-progress");
    if (bar) { bar.value = 100; }
  });
})();
