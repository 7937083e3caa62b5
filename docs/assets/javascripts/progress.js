/* Progress, kept on this device only: a module page read to its end, its quiz questions answered
   (read from mkdocs-quiz's own storage, never copied) and its practice story played to an ending
   (recorded by scenario.js). Shows a quiet "done" mark after done pages in the menu, fills the rows of
   /progress/, lets the reader mark a page done or not done, and clears it all on request.
   Loaded on every page (the menu marks); works with Material's instant navigation. */
(function () {
  "use strict";
  if (window.psProgress) return;  // loaded once per document

  var PROGRESS_KEY = "ps-progress";             // {"/skills/communicating/": {end, mark, q, s}}
  var ENDINGS_KEY = "ps-scenario-endings";      // written by scenario.js: {"scenario-id": "supportive"}
  var PATH_KEY = "ps-path";                     // written by start.js: the chosen situation
  var QUIZ_PREFIX = "quiz_progress_";           // mkdocs-quiz: "quiz_progress_" + location.pathname

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null") || {}; } catch (e) { return {}; }
  }

  function write(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage off or full */ }
  }

  // The site root's path ("/" or "/base/"), and a page's address from that root ("/skills/communicating/").
  function scopePath() {
    return window.__md_scope ? new URL(window.__md_scope).pathname : "/";
  }

  function sitePath(pathname) {
    var root = scopePath();
    var rest = pathname.indexOf(root) === 0 ? pathname.slice(root.length) : pathname.replace(/^\//, "");
    rest = rest.replace(/index\.html$/, "");
    return "/" + rest;
  }

  function fullPath(path) {
    return scopePath() + path.replace(/^\//, "");
  }

  function quizAnswered(path) {
    var data = read(QUIZ_PREFIX + fullPath(path));
    var n = 0;
    Object.keys(data).forEach(function (k) { if (data[k] && data[k].answered) n++; });
    return n;
  }

  /* One page's state. facts: {q: number of quiz questions, s: scenario id} from the build (the /progress/
     rows) or, elsewhere, from what the page said about itself when the reader was last on it. */
  function state(path, facts) {
    var rec = read(PROGRESS_KEY)[path] || {};
    facts = facts || rec;
    var q = Number(facts.q) || 0;
    var sid = facts.s || "";
    var ending = sid ? read(ENDINGS_KEY)[sid] || "" : "";
    var answered = quizAnswered(path);
    var complete = !!rec.end && answered >= q && (!sid || !!ending);
    var any = !!rec.end || answered > 0 || !!ending || rec.mark === true;
    var status = rec.mark === true ? "done" : rec.mark === false ? (any ? "in-progress" : "not-started")
      : complete ? "done" : any ? "in-progress" : "not-started";
    return { status: status, end: !!rec.end, answered: answered, questions: q, scenario: sid, ending: ending,
             mark: rec.mark };
  }

  function update(path, change) {
    var all = read(PROGRESS_KEY);
    var rec = all[path] || {};
    Object.keys(change).forEach(function (k) {
      if (change[k] === undefined) delete rec[k]; else rec[k] = change[k];
    });
    all[path] = rec;
    write(PROGRESS_KEY, all);
  }

  var LABELS = { "done": "Done", "in-progress": "In progress", "not-started": "Not started" };

  // A quiet mark after done pages in the navigation (and after links to them on /start/).
  function markLinks() {
    var all = read(PROGRESS_KEY);
    var links = document.querySelectorAll(".md-nav__link[href], a[data-ps-page]");
    Array.prototype.forEach.call(links, function (a) {
      var url = new URL(a.href, location.href);
      if (!a.hasAttribute("data-ps-page") && (url.hash || url.origin !== location.origin)) return;  // contents links
      var path = a.getAttribute("data-ps-page") || sitePath(url.pathname);
      var old = a.querySelector(".ps-done-mark");
      var done = all[path] && state(path).status === "done";
      if (done && !old) {
        var mark = document.createElement("span");
        mark.className = "ps-done-mark";
        mark.innerHTML = '<span aria-hidden="true">\u2713</span><span class="ps-visually-hidden"> done</span>';
        (a.querySelector(".md-ellipsis") || a).insertAdjacentElement("afterend", mark);
      } else if (!done && old) {
        old.parentNode.removeChild(old);
      }
    });
  }

  function thisPage() {
    var end = document.querySelector("[data-ps-module-end]");
    return end ? end.getAttribute("data-ps-module-end") : "";
  }

  // What the page says about itself, kept with its record so menu marks know when it is done.
  function pageFacts() {
    var root = document.querySelector("[data-scenario]");
    return { q: document.querySelectorAll(".quiz").length, s: root ? root.getAttribute("data-scenario") : "" };
  }

  function setMarkButton(btn, status) {
    var done = status === "done";
    btn.setAttribute("aria-pressed", done ? "true" : "false");
    var hidden = btn.querySelector(".ps-visually-hidden");
    var name = hidden ? hidden.outerHTML + " " : "";
    if (btn.closest(".ps-module-end")) btn.textContent = done ? "Done: mark as not done" : "Mark this page as done";
    else btn.innerHTML = "Mark " + name + (done ? "as not done" : "as done");
  }

  function toggleMark(path, facts) {
    var done = state(path, facts).status === "done";
    update(path, { mark: !done, q: facts.q, s: facts.s });
  }

  function initModulePage() {
    var end = document.querySelector("[data-ps-module-end]");
    if (!end || end.getAttribute("data-ps-ready")) return;
    end.setAttribute("data-ps-ready", "1");
    end.hidden = false;
    var path = thisPage();
    var facts = pageFacts();
    var btn = end.querySelector("[data-ps-mark]");
    var rec = read(PROGRESS_KEY)[path];
    if (rec) update(path, facts);  // keep the page's facts current
    setMarkButton(btn, state(path, facts).status);
    btn.addEventListener("click", function () {
      toggleMark(path, facts);
      setMarkButton(btn, state(path, facts).status);
      markLinks();
    });
    if ("IntersectionObserver" in window) {
      var seen = new IntersectionObserver(function (entries) {
        if (!entries.some(function (e) { return e.isIntersecting; })) return;
        seen.disconnect();
        facts = pageFacts();
        update(path, { end: new Date().toISOString().slice(0, 10), q: facts.q, s: facts.s });
        setMarkButton(btn, state(path, facts).status);
        markLinks();
      });
      seen.observe(end);
    }
  }

  // Answers and endings on this page change its state: refresh the marks.
  function onActivity() {
    var path = thisPage();
    if (path && read(PROGRESS_KEY)[path] === undefined && state(path, pageFacts()).status !== "not-started") {
      update(path, pageFacts());
    }
    var btn = document.querySelector(".ps-module-end [data-ps-mark]");
    if (btn && path) setMarkButton(btn, state(path, pageFacts()).status);
    markLinks();
  }

  function rowFacts(row) {
    return { q: Number(row.getAttribute("data-quizzes")) || 0, s: row.getAttribute("data-story") || "" };
  }

  function fillRow(row) {
    var path = row.getAttribute("data-progress-page");
    var st = state(path, rowFacts(row));
    row.setAttribute("data-status", st.status);
    row.querySelector("[data-ps-status]").textContent = LABELS[st.status];
    var bits = [];
    if (st.end) bits.push("read to the end");
    if (st.questions) bits.push(st.answered + " of " + st.questions + " questions answered");
    if (st.scenario && st.ending) bits.push("practice story played");
    if (st.mark === true) bits.push("marked done by you");
    row.querySelector("[data-ps-detail]").textContent = st.status === "not-started" ? "" : bits.join(", ");
    var btn = row.querySelector("[data-ps-mark]");
    btn.hidden = false;
    setMarkButton(btn, st.status);
  }

  function initProgressPage() {
    var rows = document.querySelectorAll("[data-progress-page]");
    if (!rows.length) return;
    var note = document.querySelector("[data-ps-progress-nojs]");
    if (note) note.hidden = true;
    var count = { "done": 0, "in-progress": 0, "not-started": 0 };
    Array.prototype.forEach.call(rows, function (row) {
      fillRow(row);
      count[row.getAttribute("data-status")]++;
      if (row.getAttribute("data-ps-ready")) return;
      row.setAttribute("data-ps-ready", "1");
      row.querySelector("[data-ps-mark]").addEventListener("click", function () {
        toggleMark(row.getAttribute("data-progress-page"), rowFacts(row));
        initProgressPage();
        markLinks();
      });
    });
    var summary = document.querySelector("[data-ps-progress-summary]");
    if (summary) {
      summary.textContent = "On this device: " + count["done"] + " of " + rows.length + " modules done, " +
        count["in-progress"] + " in progress.";
      summary.hidden = false;
    }
  }

  // "Clear my progress": the path, the progress, story endings and saved quiz answers (after asking).
  function clearProgress() {
    try {
      var doomed = [];
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k === PROGRESS_KEY || k === ENDINGS_KEY || k === PATH_KEY || k.indexOf(QUIZ_PREFIX) === 0) doomed.push(k);
      }
      doomed.forEach(function (k) { localStorage.removeItem(k); });
    } catch (e) { /* storage off */ }
  }

  function initClear() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-clear-progress]"), function (box) {
      if (box.getAttribute("data-ps-ready")) return;
      box.setAttribute("data-ps-ready", "1");
      var ask = box.querySelector("[data-ps-clear-progress-ask]");
      var confirm = box.querySelector(".ps-clear-progress__confirm");
      var status = box.querySelector("[data-ps-clear-progress-status]");
      ask.disabled = false;
      function close() {
        confirm.hidden = true;
        ask.setAttribute("aria-expanded", "false");
      }
      ask.addEventListener("click", function () {
        confirm.hidden = false;
        ask.setAttribute("aria-expanded", "true");
        status.textContent = "";
        box.querySelector("[data-ps-clear-progress-yes]").focus();
      });
      box.querySelector("[data-ps-clear-progress-no]").addEventListener("click", function () {
        close();
        ask.focus();
      });
      box.querySelector("[data-ps-clear-progress-yes]").addEventListener("click", function () {
        clearProgress();
        close();
        ask.focus();
        status.textContent = "Done. Your path, progress and quiz answers are cleared on this device.";
        initProgressPage();
        markLinks();
        document.dispatchEvent(new CustomEvent("ps:progress-cleared"));
      });
    });
  }

  function init() {
    initModulePage();
    initProgressPage();
    initClear();
    markLinks();
  }

  window.psProgress = { state: state, sitePath: sitePath, fullPath: fullPath, clear: clearProgress, refresh: init };
  window.addEventListener("quizProgressUpdate", onActivity);      // mkdocs-quiz, after each answer
  document.addEventListener("ps:scenario-ending", onActivity);    // scenario.js, at an ending
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
