/* handoff chat: the customer's page.
 *
 * Loaded as a file (the Content-Security-Policy allows no inline script). The page was
 * rendered with the conversation so far and <body data-seq="N">, the position of the
 * conversation's lines at that moment. This script:
 *
 *   - sends what the customer types to POST /send as JSON with the page's CSRF token (the
 *     X-CSRF-Token header) and shows it at once ("sending…", then sent, or not sent with
 *     the reason: the text goes back into the box so nothing typed is lost);
 *   - listens to GET /events (server-sent events; the browser reconnects by itself and
 *     sends Last-Event-ID) for the assistant's, the agent's and the notice lines; a line
 *     already on the page (same seq) is not shown twice;
 *   - shows who the customer is chatting with: a join notice names the agent; any other
 *     notice (moved to another team, handed back to the assistant) ends it.
 *   - under the bot's effort question (a line with "survey"), offers buttons 1 to 7 that
 *     send the number exactly as if it were typed; they go as soon as anything else is said.
 *
 * Every text is set with textContent: nothing from the server is ever parsed as HTML.
 */
(function () {
  "use strict";

  var body = document.body;
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var box = document.getElementById("message");
  var button = document.getElementById("send");
  var error = document.getElementById("error");
  var withWhom = document.getElementById("with");
  var live = document.getElementById("live");
  var choices = document.getElementById("choices");
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var maxChars = Number(body.getAttribute("data-max-chars") || 2000);
  var seen = {};

  Array.prototype.forEach.call(log.querySelectorAll("li[data-seq]"), function (item) {
    seen[item.getAttribute("data-seq")] = true;
  });
  var last = log.querySelector("li[data-seq]:last-child");
  if (last && last.getAttribute("data-survey")) {
    offerChoices();
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function who(kind, author) {
    if (kind === "customer") {
      return "You";
    }
    if (kind === "agent") {
      return (author || "Agent") + " (agent)";
    }
    return "Assistant";
  }

  function addLine(kind, text, author, seq) {
    var item = document.createElement("li");
    item.className = "line line-" + kind;
    item.setAttribute("data-kind", kind);
    item.setAttribute("data-testid", "line-" + kind);
    if (seq !== undefined && seq !== null) {
      item.setAttribute("data-seq", String(seq));
    }
    if (kind !== "notice") {
      var label = document.createElement("span");
      label.className = "who";
      label.textContent = who(kind, author);
      item.appendChild(label);
    }
    var paragraph = document.createElement("p");
    paragraph.className = "text";
    paragraph.textContent = text;
    item.appendChild(paragraph);
    log.appendChild(item);
    scrollDown();
    return item;
  }

  function hideChoices() {
    choices.hidden = true;
    choices.textContent = "";
  }

  function offerChoices() {
    hideChoices();
    for (var n = 1; n <= 7; n += 1) {
      var choice = document.createElement("button");
      choice.type = "button";
      choice.className = "choice";
      choice.textContent = String(n);
      choice.setAttribute("data-testid", "choice-" + n);
      choice.addEventListener("click", function (event) {
        var text = event.currentTarget.textContent;
        hideChoices();
        send(text);
      });
      choices.appendChild(choice);
    }
    choices.hidden = false;
  }

  function showError(text) {
    error.textContent = text;
    error.hidden = !text;
  }

  function setAgent(name) {
    withWhom.textContent = name
      ? "You're chatting with " + name
      : "You're chatting with our assistant";
  }

  function setLive(state, text) {
    live.setAttribute("data-state", state);
    live.textContent = text;
  }

  // ------------------------------------------------------------------ sending

  function send(text) {
    hideChoices();
    var item = addLine("customer", text);
    item.setAttribute("data-state", "sending");
    var state = document.createElement("span");
    state.className = "state";
    state.textContent = "sending…";
    item.appendChild(state);
    showError("");
    return fetch("/send", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ text: text })
    }).then(function (response) {
      if (response.ok) {
        item.setAttribute("data-state", "sent");
        state.remove();
        return;
      }
      return response.json().catch(function () {
        return {};
      }).then(function (answer) {
        throw new Error(answer.error || "your message was not sent (" + response.status + ")");
      });
    }).catch(function (problem) {
      item.setAttribute("data-state", "failed");
      state.textContent = "not sent";
      showError("Not sent: " + problem.message);
      if (!box.value) {
        box.value = text;
      }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = box.value.trim();
    if (!text) {
      return;
    }
    if (text.length > maxChars) {
      showError("A message has at most " + maxChars + " characters.");
      return;
    }
    box.value = "";
    button.disabled = true;
    send(text).then(function () {
      button.disabled = false;
      box.focus();
    });
  });

  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (typeof form.requestSubmit === "function") {
        form.requestSubmit();
      } else {
        form.dispatchEvent(new Event("submit", { cancelable: true }));
      }
    }
  });

  // ------------------------------------------------------------------ receiving

  if (typeof window.EventSource === "undefined") {
    setLive("off", "live updates are not supported by this browser");
    return;
  }
  var events = new EventSource("/events?after=" + encodeURIComponent(body.getAttribute("data-seq") || "0"));
  events.addEventListener("open", function () {
    setLive("on", "connected");
  });
  events.addEventListener("error", function () {
    setLive("off", "reconnecting…");
  });
  events.addEventListener("line", function (event) {
    var line;
    try {
      line = JSON.parse(event.data);
    } catch (ignored) {
      return;
    }
    if (seen[String(line.seq)]) {
      return;
    }
    seen[String(line.seq)] = true;
    addLine(line.kind, line.text, line.author, line.seq);
    if (line.survey) {
      offerChoices();
    } else {
      hideChoices();
    }
    if (line.kind === "notice") {
      // A join names the agent; any other notice (moved, handed back) ends it.
      setAgent(line.joins ? line.author || "" : "");
    }
  });
  events.addEventListener("reload", function () {
    events.close();
    window.location.reload();
  });
  scrollDown();
})();
