/* handoff desktop: SLA countdowns and the CSRF header for htmx requests.
 *
 * Loaded as a file (the pages' Content-Security-Policy allows no inline script).
 *
 * Countdown: every element with data-deadline (ISO 8601, UTC) shows the time left,
 * "SLA 0:42 left", updated every second; past the deadline it gets the class `breach` and
 * reads "SLA breached 0:12 ago". Under a minute left it gets `due-soon`. Elements that
 * arrive later (htmx swaps, server-sent events) are picked up on the next tick, so nothing
 * has to register them.
 *
 * CSRF: htmx requests carry the session's token (base.html's <meta name="csrf-token">) in
 * the X-CSRF-Token header; plain forms carry it as the csrf_token field.
 *
 * Checklist: a tick the server refuses is unticked again, with a note saying so.
 */
(function () {
  "use strict";

  var SOON_SECONDS = 60;

  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }

  // 42 -> "0:42", 3725 -> "1:02:05"
  function clock(totalSeconds) {
    var s = Math.floor(totalSeconds);
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var sec = s % 60;
    return h > 0 ? h + ":" + pad(m) + ":" + pad(sec) : m + ":" + pad(sec);
  }

  function describe(deadlineMs, nowMs) {
    var left = (deadlineMs - nowMs) / 1000;
    if (left > 0) {
      return { text: "SLA " + clock(Math.ceil(left)) + " left", breach: false, soon: left <= SOON_SECONDS };
    }
    return { text: "SLA breached " + clock(-left) + " ago", breach: true, soon: false };
  }

  function tick() {
    var now = Date.now();
    var nodes = document.querySelectorAll("[data-deadline]");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var deadline = Date.parse(node.getAttribute("data-deadline"));
      if (isNaN(deadline)) {
        continue;
      }
      var state = describe(deadline, now);
      if (node.textContent !== state.text) {
        node.textContent = state.text;
      }
      node.classList.toggle("breach", state.breach);
      node.classList.toggle("due-soon", state.soon);
      // A queue row shows its breach too (.queue-row.breach), without :has().
      var row = node.closest(".queue-row");
      if (row) {
        row.classList.toggle("breach", state.breach);
      }
    }
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers["X-CSRF-Token"] = token;
    }
  });

  // A tick the server refused (409: not yours any more, 403, a lost connection) must not
  // stay checked on screen: untick it and say so next to the step.
  function tickFailed(event) {
    var form = event.detail && event.detail.elt;
    if (!form || !form.closest || !form.closest(".checklist")) {
      return;
    }
    var box = form.querySelector('input[type="checkbox"]');
    if (box) {
      box.checked = false;
    }
    var xhr = event.detail.xhr;
    var why = xhr && xhr.status ? "the server answered " + xhr.status : "no connection";
    var note = form.parentNode.querySelector(".tick-error");
    if (!note) {
      note = document.createElement("p");
      note.className = "tick-error";
      note.setAttribute("role", "alert");
      form.parentNode.appendChild(note);
    }
    note.textContent = "Not recorded (" + why + "). Reload the card to see its state.";
  }

  document.addEventListener("htmx:responseError", tickFailed);
  document.addEventListener("htmx:sendError", tickFailed);

  function start() {
    tick();
    // Align with the wall-clock second so every countdown on the page changes together.
    window.setTimeout(function () {
      tick();
      window.setInterval(tick, 1000);
    }, 1000 - (Date.now() % 1000));
  }

  document.addEventListener("htmx:afterSwap", tick);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  // For tests (node or the browser console): the pure text of a countdown.
  window.handoffDesk = { describe: describe, clock: clock };
})();
