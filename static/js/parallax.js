// Parallax progressive enhancement: everything works without this file.
(function () {
  "use strict";
  // Highlight every member of a statement (or of a figure group) when one is hovered or focused.
  function linked(event, on) {
    if (!event.target.closest) return;
    ["data-statement", "data-group"].forEach(function (attribute) {
      var target = event.target.closest("[" + attribute + "]");
      if (!target) return;
      var id = target.getAttribute(attribute);
      document.querySelectorAll("[" + attribute + '="' + id + '"]').forEach(function (el) {
        el.classList.toggle("is-linked", on);
      });
    });
  }
  document.addEventListener("mouseover", function (e) { linked(e, true); });
  document.addEventListener("mouseout", function (e) { linked(e, false); });
  document.addEventListener("focusin", function (e) { linked(e, true); });
  document.addEventListener("focusout", function (e) { linked(e, false); });

  // Upload progress: htmx reports XHR upload progress on the form.
  document.addEventListener("htmx:xhr:progress", function (e) {
    // Only the form's own submission: the live preview posts from inside the same form.
    var form = e.target.matches && e.target.matches("form.upload") ? e.target : null;
    var bar = form && form.querySelector("progress");
    if (!bar || !e.detail.lengthComputable) return;
    bar.hidden = false;
    bar.value = Math.round((e.detail.loaded / e.detail.total) * 100);
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    if (!(e.target.matches && e.target.matches("form.upload"))) return;
    // The upload is over once the answer is in: a full bar left on screen would read as work still going on.
    var bar = e.target.querySelector("progress");
    if (bar) { bar.value = 100; bar.hidden = true; }
  });
  // Every article stored (the server says so): empty the form for the next one, and put the preview back
  // to its invitation; the results above keep the links to what was stored.
  document.addEventListener("parallax-stored", function (e) {
    var form = e.target.closest ? e.target.closest("form.upload") : null;
    if (!form) return;
    form.reset();
    var list = form.querySelector("#file-list");
    if (list) list.textContent = "";
    var bar = form.querySelector("progress");
    if (bar) { bar.hidden = true; bar.value = 0; }
    var preview = form.querySelector("#preview");
    if (preview && preview.dataset.empty) {
      var invitation = document.createElement("p");
      invitation.className = "muted small";
      invitation.textContent = preview.dataset.empty;
      preview.replaceChildren(invitation);
    }
  });

  // On a narrow screen the variants panel sits above the columns: bring it into view when it opens, and
  // when it closes, go back to the quote that opened it (the reader keeps their place).
  var openedFrom = null;
  document.addEventListener("htmx:beforeRequest", function (e) {
    var quote = e.target.closest && e.target.closest("a.q[data-quote]");
    if (quote) openedFrom = quote.getAttribute("data-quote");
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.target.id !== "variants" || window.innerWidth >= 1100) return;
    if (e.target.querySelector(".variant-list")) {
      e.target.scrollIntoView({ block: "start" });
    } else if (openedFrom) {
      var back = document.querySelector('a.q[data-quote="' + openedFrom + '"]');
      if (back) back.scrollIntoView({ block: "center" });
    }
  });

  // Phone: the outlet tab of the column in view is marked current.
  function markTab() {
    var row = document.querySelector("[data-scroll-sync]");
    if (!row) return;
    var index = Math.round(row.scrollLeft / Math.max(1, row.clientWidth));
    var column = row.querySelectorAll(".column")[index];
    // The row is as tall as the column in view, not the longest one: no blank screens below a short article.
    row.style.height = column && window.innerWidth < 700 ? column.offsetHeight + "px" : "";
    document.querySelectorAll("[data-col-tab]").forEach(function (tab) {
      var on = column && "col-" + tab.getAttribute("data-col-tab") === column.id;
      if (on) { tab.setAttribute("aria-current", "true"); } else { tab.removeAttribute("aria-current"); }
    });
  }
  document.addEventListener("scroll", function (e) {
    if (e.target.matches && e.target.matches("[data-scroll-sync]")) window.requestAnimationFrame(markTab);
  }, true);
  document.addEventListener("DOMContentLoaded", markTab);
  window.addEventListener("resize", function () { window.requestAnimationFrame(markTab); });

  // Compare columns scroll in step: when one column scrolls, the others scroll so that the first
  // statement visible in it sits at the same height in theirs. Columns without that statement keep
  // their place. Only where the columns are their own scroll boxes (wide screens).
  var syncing = false;
  function firstVisibleStatement(body) {
    var top = body.getBoundingClientRect().top;
    var quotes = body.querySelectorAll("[data-statement]");
    for (var i = 0; i < quotes.length; i++) {
      var offset = quotes[i].getBoundingClientRect().top - top;
      if (offset >= 0) return { id: quotes[i].getAttribute("data-statement"), offset: offset };
    }
    return null;
  }
  function syncFrom(body) {
    var anchor = firstVisibleStatement(body);
    var bodies = document.querySelectorAll("[data-scroll-sync] .column-body");
    bodies.forEach(function (other) {
      if (other === body || other.scrollHeight <= other.clientHeight) return;
      var match = anchor && other.querySelector('[data-statement="' + anchor.id + '"]');
      if (!match) return;
      var delta = match.getBoundingClientRect().top - other.getBoundingClientRect().top - anchor.offset;
      if (Math.abs(delta) > 2) {
        syncing = true;
        other.scrollTop += delta;
      }
    });
  }
  document.addEventListener("scroll", function (e) {
    var body = e.target;
    if (!body.classList || !body.classList.contains("column-body")) return;
    if (syncing) { syncing = false; return; }
    window.requestAnimationFrame(function () { syncFrom(body); });
  }, true);

  // Mark the quotes of the statement whose variants panel is open (after an HTMX swap or on load).
  function markOpen() {
    var params = new URLSearchParams(window.location.search);
    var open = params.get("_statement");
    document.querySelectorAll("a.q[data-statement]").forEach(function (el) {
      var on = open !== null && el.getAttribute("data-statement") === open;
      el.classList.toggle("is-open", on);
      if (on) { el.setAttribute("aria-current", "true"); } else { el.removeAttribute("aria-current"); }
    });
  }
  document.addEventListener("DOMContentLoaded", markOpen);

  // Share: a button that copies the permalink and says so (the field itself works without JavaScript).
  function setUpCopy() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var field = document.querySelector(button.getAttribute("data-copy"));
        var status = button.closest(".share-box") && button.closest(".share-box").querySelector(".copy-status");
        if (!field) return;
        field.select();
        function done(ok) {
          if (status) status.textContent = ok ? "Link copied to the clipboard." : "Select the link and copy it (Ctrl+C).";
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(field.value).then(function () { done(true); }, function () { done(false); });
        } else {
          var ok = false;
          try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
          done(ok);
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", setUpCopy);

  // Upload: one outlet field per chosen file, filled from its name (the server applies the same rule when
  // this script does not run), and a preview of what each file holds.
  function outletFromName(name) {
    var stem = name.replace(/\.[^.]*$/, "");
    var parts = stem.split("_");
    if (parts.length > 1 && /^\d+$/.test(parts[0])) stem = parts.slice(1).join("_");
    return stem.replace(/[-_]/g, " ").split(/\s+/).filter(Boolean).map(function (w) {
      return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
    }).join(" ") || stem;
  }
  document.addEventListener("change", function (e) {
    var input = e.target;
    if (!input.matches || !input.matches("input[type=file][data-file-list]")) return;
    var list = document.querySelector(input.getAttribute("data-file-list"));
    if (!list) return;
    list.textContent = "";
    var typed = input.form && input.form.querySelector("input[name=outlet]");
    Array.prototype.forEach.call(input.files, function (file) {
      var item = document.createElement("li");
      var label = document.createElement("label");
      var name = document.createElement("span");
      name.className = "file-name";
      name.textContent = file.name + " (" + Math.max(1, Math.round(file.size / 1024)) + " KB)";
      var field = document.createElement("input");
      field.name = "file_outlet";
      field.maxLength = 200;
      field.value = (typed && typed.value.trim()) || outletFromName(file.name);
      field.setAttribute("aria-label", "Outlet of " + file.name);
      label.appendChild(name);
      label.appendChild(field);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      button.textContent = "Preview";
      button.addEventListener("click", function () {
        var reader = new FileReader();
        reader.onload = function () {
          if (window.htmx) {
            window.htmx.ajax("POST", list.getAttribute("data-preview-url"), {
              target: "#preview", swap: "innerHTML", values: { text: reader.result, outlet: field.value }
            });
          }
        };
        reader.readAsText(file);
      });
      item.appendChild(label);
      item.appendChild(button);
      list.appendChild(item);
    });
  });
  document.addEventListener("htmx:pushedIntoHistory", markOpen);
  window.addEventListener("popstate", function () { window.setTimeout(markOpen, 0); });
})();
