/* handoff desktop: live updates over server-sent events (GET /events).
 *
 * Loaded as a file (the Content-Security-Policy allows no inline script). Pages opt in with
 * <body data-live="queue|card" data-seq="N">: N is the change-feed position the page was
 * rendered at, so the first connection asks for what changed after it (?after=N) and the
 * browser's own reconnects send Last-Event-ID. The server sends small HTML fragments that
 * it rendered with the page's own templates:
 *
 *   row     a queue <tr id="row-LANE-PK">: replaced in place, or inserted in its lane's
 *           <tbody id="queue-LANE"> at its place (waiting first, priority, SLA deadline)
 *   gone    the id of a row that left its lane's queue (claimed rows stay; resolved,
 *           transferred and handed-back ones go)
 *   stats   a lane's <dl id="stats-LANE">: replaced
 *   lines   the pk of a conversation with new live lines: its card fetches and swaps them
 *   reload  too much was missed: the page reloads (the card page only says so)
 *   logout  the session ended: back to the login page
 *
 * On the card page, a change to the conversation on screen shows a "changed" banner
 * instead of replacing what the agent is reading or typing; a row whose data-version is
 * not newer than the page's (the agent's own tick, swapped in by htmx) does not.
 */
(function () {
  "use strict";

  var body = document.body;
  var mode = body.getAttribute("data-live");
  if (!mode || typeof window.EventSource === "undefined") {
    return;
  }
  var status = document.getElementById("live-status");
  var conversation = body.getAttribute("data-conversation");
  var seq = body.getAttribute("data-seq") || "";

  function show(text, state) {
    if (!status) {
      return;
    }
    status.hidden = false;
    status.textContent = text;
    status.setAttribute("data-state", state);
  }

  function parse(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  // The order the server sorts a lane in: waiting before claimed, higher priority first,
  // earlier SLA deadline first (none last), then older conversations (lower pk) first.
  function key(row) {
    var sla = row.getAttribute("data-sla");
    return [
      row.getAttribute("data-status") === "waiting" ? 0 : 1,
      -Number(row.getAttribute("data-priority") || 0),
      sla ? Date.parse(sla) : Number.MAX_VALUE,
      Number(row.getAttribute("data-pk") || 0)
    ];
  }

  function before(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        return a[i] < b[i];
      }
    }
    return false;
  }

  function place(row) {
    var tbody = document.getElementById("queue-" + row.getAttribute("data-lane"));
    var old = document.getElementById(row.id);
    if (old) {
      old.remove();
    }
    if (!tbody) {
      return;
    }
    var mine = key(row);
    var rows = tbody.children;
    for (var i = 0; i < rows.length; i++) {
      if (before(mine, key(rows[i]))) {
        tbody.insertBefore(row, rows[i]);
        flash(row);
        return;
      }
    }
    tbody.appendChild(row);
    flash(row);
  }

  function flash(row) {
    row.classList.add("changed");
    window.setTimeout(function () {
      row.classList.remove("changed");
    }, 1500);
  }

  function concerns(pk) {
    return pk !== null && pk === conversation;
  }

  // The newest version of the conversation this page shows: the page's own, or a newer
  // one an htmx swap brought in (the checklist after the agent's own tick carries it).
  function shownVersion() {
    var newest = Number(body.getAttribute("data-version") || 0);
    var nodes = document.querySelectorAll("main [data-version]");
    for (var i = 0; i < nodes.length; i++) {
      newest = Math.max(newest, Number(nodes[i].getAttribute("data-version") || 0));
    }
    return newest;
  }

  function pkOfGone(id) {
    // "row-LANE-PK": the pk is what follows the last "-".
    var match = /-(\d+)$/.exec(id);
    return match ? match[1] : null;
  }

  // The agent's own htmx request (a tick) changes the conversation too, and its change can
  // reach the event stream before the response is swapped in: compare versions only once
  // no request of this page is in flight.
  var inFlight = 0;
  var waiting = [];
  document.addEventListener("htmx:beforeRequest", function () {
    inFlight += 1;
  });
  document.addEventListener("htmx:afterSettle", settle);
  document.addEventListener("htmx:afterRequest", function (event) {
    if (!event.detail || !event.detail.successful) {
      settle();
    }
  });
  function settle() {
    inFlight = Math.max(0, inFlight - 1);
    if (inFlight === 0) {
      var versions = waiting;
      waiting = [];
      versions.forEach(checkVersion);
    }
  }
  function checkVersion(version) {
    if (inFlight > 0) {
      waiting.push(version);
      // A response htmx does not swap (no afterSettle) must not hold the check forever.
      window.setTimeout(function () {
        if (waiting.length) {
          inFlight = 1;
          settle();
        }
      }, 3000);
    } else if (version > shownVersion()) {
      // Only a version newer than what is on screen is someone else's change.
      stale();
    }
  }

  function stale() {
    var banner = document.getElementById("stale-banner");
    if (banner) {
      banner.hidden = false;
    }
  }

  // Longest-wait figures tick between updates: the server says how long, at render time.
  var elapsedBase = new WeakMap();
  function tickElapsed() {
    var nodes = document.querySelectorAll("[data-elapsed]");
    var now = Date.now();
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      if (!elapsedBase.has(node)) {
        elapsedBase.set(node, now - 1000 * Number(node.getAttribute("data-elapsed")));
      }
      var seconds = Math.floor((now - elapsedBase.get(node)) / 1000);
      var h = Math.floor(seconds / 3600);
      var m = Math.floor((seconds % 3600) / 60);
      var s = seconds % 60;
      var text = (h ? h + ":" + (m < 10 ? "0" : "") : "") + m + ":" + (s < 10 ? "0" : "") + s;
      if (node.textContent !== text) {
        node.textContent = text;
      }
    }
  }
  window.setInterval(tickElapsed, 1000);

  var source = new EventSource("/events" + (seq ? "?after=" + encodeURIComponent(seq) : ""));
  show("connecting…", "connecting");

  source.addEventListener("open", function () {
    show("live", "open");
  });
  source.addEventListener("error", function () {
    show("reconnecting…", "reconnecting");
  });
  source.addEventListener("row", function (event) {
    var row = parse(event.data);
    if (!row || !row.id) {
      return;
    }
    if (mode === "card") {
      if (concerns(row.getAttribute("data-pk"))) {
        checkVersion(Number(row.getAttribute("data-version") || 0));
      }
      return;
    }
    place(row);
  });
  source.addEventListener("gone", function (event) {
    if (mode === "card") {
      if (concerns(pkOfGone(event.data))) {
        stale();
      }
      return;
    }
    var old = document.getElementById(event.data);
    if (old) {
      old.remove();
    }
  });
  source.addEventListener("stats", function (event) {
    if (mode === "card") {
      return;
    }
    var fresh = parse(event.data);
    var old = fresh && document.getElementById(fresh.id);
    if (old) {
      old.replaceWith(fresh);
    }
  });
  // New lines of a conversation (customer, bot, agent, notice): the card on screen fetches
  // them (GET /c/PK/lines, checked against the session like the page) and swaps the list.
  var fetchingLines = false;
  var linesAgain = false;
  function refreshLines() {
    var list = document.getElementById("live-lines");
    if (!list) {
      return;
    }
    if (fetchingLines) {
      linesAgain = true;
      return;
    }
    fetchingLines = true;
    window.fetch("/c/" + encodeURIComponent(conversation) + "/lines", {
      credentials: "same-origin",
      headers: { "Accept": "text/html" }
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      // (A session that ended answers with the login page: not a list, left alone.)
      var fresh = html && parse(html);
      var old = document.getElementById("live-lines");
      if (fresh && old && fresh.id === "live-lines") {
        old.replaceWith(fresh);
        fresh.scrollTop = fresh.scrollHeight;
      }
    }).catch(function () {}).then(function () {
      fetchingLines = false;
      if (linesAgain) {
        linesAgain = false;
        refreshLines();
      }
    });
  }
  source.addEventListener("lines", function (event) {
    if (mode === "card" && concerns(event.data)) {
      refreshLines();
    }
  });
  source.addEventListener("reload", function () {
    source.close();
    if (mode === "card") {
      stale();
    } else {
      window.location.reload();
    }
  });
  source.addEventListener("logout", function () {
    source.close();
    window.location.assign("/login");
  });
  window.addEventListener("pagehide", function () {
    source.close();
  });
})();
