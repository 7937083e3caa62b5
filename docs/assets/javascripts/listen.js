/* "Listen to this page": reads a module page aloud with the browser's own speech (speechSynthesis).
   No remote service: it works offline wherever the phone has a voice, and the control stays hidden where the
   browser has no speech. Reads the article paragraph by paragraph, highlighting the one being read; skips
   the navigation, the tool row, quiz questions and answers, the practice story's steps and choices,
   citation and footnote marks, and everything from "Sources and review" on. Pause, resume, stop, and a speed
   choice kept on this device (ps-listen-rate). Loaded on module pages only; works with instant navigation. */
(function () {
  "use strict";
  if (window.psListenLoaded) return;  // instant navigation may load this file again
  window.psListenLoaded = true;

  var RATE_KEY = "ps-listen-rate";
  var RATES = ["0.8", "1", "1.2"];
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, summary, figcaption, tr";
  // Never read: controls, navigation, quizzes, story steps and choices, marks, and text kept for screen readers.
  var SKIP = [
    "nav", "button", "select", "script", "style", "[hidden]", "[aria-hidden='true']",
    ".ps-tools", ".ps-stages", ".ps-module-end", ".ps-quiz-note", ".quiz", ".quiz-progress",
    ".ps-scenario__node", ".ps-scenario__how", ".ps-scenario__note", ".ps-scenario__controls",
    ".ps-scenario__after", ".ps-scenario__kicker",
    ".headerlink", "sup.ps-cite", "sup[id^='fnref']", ".footnote-ref", ".footnote", ".md-source-file",
    ".ps-visually-hidden", ".md-content__button", ".tabbed-labels",
  ].join(", ");

  var speech = null;   // window.speechSynthesis, looked up when used (tests replace it)
  var row = null;      // the current page's tool row
  var queue = [];      // [{el, text}]
  var index = 0;
  var state = "idle";  // idle | playing | paused
  var token = 0;       // bumps on every stop or restart, so stale "end" events are ignored
  var lit = null;

  function supported() {
    return !!window.speechSynthesis && typeof window.SpeechSynthesisUtterance === "function";
  }

  function rate() {
    var r = "1";
    try { r = localStorage.getItem(RATE_KEY) || "1"; } catch (e) { /* storage off */ }
    return RATES.indexOf(r) >= 0 ? r : "1";
  }

  // The words of one block, without skipped parts and without nested blocks (read on their own).
  function textOf(el) {
    var copy = el.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(SKIP + ", ul, ol, p, table, dl, details, div"), function (n) {
      if (n.parentNode) n.parentNode.removeChild(n);
    });
    var text = copy.textContent;
    if (el.tagName === "TR") {
      text = Array.prototype.map.call(el.children, function (c) { return c.textContent.trim(); }).join("; ");
    }
    return text.replace(/\s+/g, " ").trim();
  }

  function collect(article) {
    var stop = article.querySelector("#sources-and-review");
    var out = [];
    Array.prototype.forEach.call(article.querySelectorAll(BLOCKS), function (el) {
      if (el.closest(SKIP)) return;
      if (el.closest("tr") && el.tagName !== "TR") return;  // table rows are read whole
      if (stop && (el === stop || (stop.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING))) return;
      if (!el.getClientRects().length) return;  // not shown: closed details, other tabs, hidden story steps
      var text = textOf(el);
      if (text) out.push({ el: el, text: text });
    });
    return out;
  }

  function highlight(el) {
    if (lit) lit.classList.remove("ps-reading");
    lit = el;
    if (!el) return;
    el.classList.add("ps-reading");
    var box = el.getBoundingClientRect();
    if (box.top < 60 || box.bottom > window.innerHeight) el.scrollIntoView({ block: "center" });
  }

  // Spoken state goes to screen readers; a problem is shown to everyone.
  function announce(text, visible) {
    var status = row && row.querySelector("[data-ps-listen-status]");
    if (!status) return;
    status.textContent = text;
    status.className = visible ? "ps-tools__message" : "ps-visually-hidden";
  }

  function show() {
    if (!row) return;
    var start = row.querySelector("[data-ps-listen-start]");
    var pause = row.querySelector("[data-ps-listen-pause]");
    var stop = row.querySelector("[data-ps-listen-stop]");
    start.hidden = state !== "idle";
    pause.hidden = stop.hidden = state === "idle";
    pause.setAttribute("aria-pressed", state === "paused" ? "true" : "false");
    pause.querySelector("span").textContent = state === "paused" ? "Resume" : "Pause";
  }

  function speakNext() {
    if (index >= queue.length) {
      finish("Finished reading this page.");
      return;
    }
    var item = queue[index];
    highlight(item.el);
    var u = new window.SpeechSynthesisUtterance(item.text);
    u.rate = Number(rate());
    u.lang = document.documentElement.lang || "en";
    var mine = ++token;
    u.onend = function () {
      if (mine !== token) return;
      index++;
      speakNext();
    };
    u.onerror = function (ev) {
      if (mine !== token || (ev && (ev.error === "interrupted" || ev.error === "canceled"))) return;
      if (ev && ev.error === "text-too-long") {
        index++;
        speakNext();
        return;
      }
      finish("Reading aloud is not working on this device right now (" + ((ev && ev.error) || "no voice") + ").", true);
    };
    speech.speak(u);
  }

  function finish(message, visible) {
    token++;
    if (speech) speech.cancel();
    state = "idle";
    highlight(null);
    show();
    announce(message, visible);
  }

  function start() {
    speech = window.speechSynthesis;
    var article = row.closest("article") || document.querySelector("article");
    queue = collect(article);
    index = 0;
    token++;
    speech.cancel();
    state = "playing";
    show();
    announce("Reading this page aloud.");
    row.querySelector("[data-ps-listen-pause]").focus();
    speakNext();
  }

  function togglePause() {
    if (state === "playing") {
      speech.pause();
      state = "paused";
      announce("Paused.");
    } else if (state === "paused") {
      speech.resume();
      state = "playing";
      announce("Reading again.");
    }
    show();
  }

  function changeRate(value) {
    try {
      if (value === "1") localStorage.removeItem(RATE_KEY); else localStorage.setItem(RATE_KEY, value);
    } catch (e) { /* storage off */ }
    if (state === "playing") {  // start the current paragraph again at the new speed
      token++;
      speech.cancel();
      speakNext();
    }
  }

  function init() {
    var next = document.querySelector("[data-ps-tools]");
    if (next === row) return;
    if (state !== "idle") finish("");  // a new page: stop reading the old one
    row = next;
    if (!row || !supported()) return;
    var group = row.querySelector("[data-ps-listen]");
    if (!group || group.getAttribute("data-ps-ready")) return;
    group.setAttribute("data-ps-ready", "1");
    group.hidden = false;
    row.hidden = false;
    var select = row.querySelector("[data-ps-listen-rate]");
    select.value = rate();
    row.querySelector("[data-ps-listen-start]").addEventListener("click", start);
    row.querySelector("[data-ps-listen-pause]").addEventListener("click", togglePause);
    row.querySelector("[data-ps-listen-stop]").addEventListener("click", function () {
      finish("Stopped.");
      row.querySelector("[data-ps-listen-start]").focus();
    });
    select.addEventListener("change", function () { changeRate(select.value); });
    show();
  }

  window.addEventListener("pagehide", function () { if (state !== "idle") finish(""); });
  function begin() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else init();
  }
  // In the page content, this may run before Material's own script: wait for the document first.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
  else begin();
})();
