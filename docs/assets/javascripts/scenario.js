/* Scenario walkthroughs: progressive enhancement of the gamebook HTML rendered by hooks/site.py.
   Without this script every step is a section and every choice a link to the next one.
   With it: one step at a time, the choice's feedback shown, focus moved to the new step and
   announced, the back button steps back, "start again" offered, and a facilitator view of
   all steps. Only the ending reached is stored (progress), never the choices made. */
(function () {
  "use strict";

  function button(text, className) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "ps-scenario__button " + (className || "");
    b.textContent = text;
    return b;
  }

  // Material's instant navigation may rewrite hrefs to absolute URLs: read the fragment, not the attribute.
  function targetOf(a) {
    return decodeURIComponent(new URL(a.href, location.href).hash.slice(1));
  }

  function initScenario(root) {
    if (root.getAttribute("data-ps-ready")) return;
    root.setAttribute("data-ps-ready", "1");
    root.classList.add("ps-scenario--js");

    var id = root.getAttribute("data-scenario");
    var nodes = Array.prototype.slice.call(root.querySelectorAll(".ps-scenario__node"));
    var byId = {};
    nodes.forEach(function (n) { byId[n.id] = n; });
    var startId = root.getAttribute("data-start");
    var note = root.querySelector(".ps-scenario__note");
    var path = [];

    // One live region per scenario announces each new step to screen readers.
    var live = document.createElement("p");
    live.className = "ps-visually-hidden";
    live.setAttribute("aria-live", "polite");
    root.insertBefore(live, root.firstChild);

    // Controls: begin (after a content note) and the facilitator view.
    var controls = document.createElement("p");
    controls.className = "ps-scenario__controls";
    var begin = note ? button("Start the scenario", "ps-scenario__begin") : null;
    var all = button("Show every step at once", "ps-scenario__all");
    all.setAttribute("aria-pressed", "false");
    if (begin) controls.appendChild(begin);
    controls.appendChild(all);
    var intro = root.querySelector(".ps-scenario__intro");
    intro.appendChild(controls);

    function label(node, depth) {
      var step = node.querySelector(".ps-scenario__step");
      if (!node.hasAttribute("data-ending")) {
        step.textContent = "Step " + depth;
        node.setAttribute("aria-label", "Step " + depth);
      }
    }

    function show(nodeId, feedback, focus) {
      var node = byId[nodeId];
      if (!node) return;
      nodes.forEach(function (n) { n.hidden = n !== node; });
      label(node, path.length);
      var fb = node.querySelector(".ps-scenario__feedback");
      fb.textContent = feedback ? "About your choice: " + feedback : "";
      var heading = node.hasAttribute("data-ending") ? "Ending: " + node.getAttribute("data-ending")
        : "Step " + path.length;
      live.textContent = heading + (feedback ? ". " + feedback : "");
      if (focus) {
        node.focus({ preventScroll: true });
        node.scrollIntoView({ block: "start", behavior: "auto" });
      }
    }

    function hideAll() {
      nodes.forEach(function (n) { n.hidden = true; });
    }

    function go(nodeId, feedback, push) {
      path.push(nodeId);
      if (push) {
        history.pushState({ psScenario: id, path: path.slice(), feedback: feedback || "" }, "", "#" + nodeId);
      }
      show(nodeId, feedback, true);
      if (byId[nodeId] && byId[nodeId].hasAttribute("data-ending")) recordEnding(id, byId[nodeId].getAttribute("data-ending"));
    }

    function restart() {
      path = [];
      if (begin) begin.hidden = true;
      go(startId, "", true);
    }

    root.addEventListener("click", function (ev) {
      var a = ev.target.closest("a[data-choice], a[data-restart]");
      if (!a || !root.contains(a)) return;
      // Own the click: Material's instant navigation must not handle these in-page links.
      ev.preventDefault();
      ev.stopPropagation();
      if (root.classList.contains("ps-scenario--all")) {
        var target = byId[targetOf(a)];
        if (target) target.scrollIntoView({ block: "start" });
        return;
      }
      if (a.hasAttribute("data-restart")) {
        restart();
      } else {
        go(targetOf(a), a.getAttribute("data-feedback"), true);
      }
    }, true);

    if (begin) {
      begin.addEventListener("click", function () {
        begin.hidden = true;
        go(startId, "", false);
      });
    }

    all.addEventListener("click", function () {
      var on = root.classList.toggle("ps-scenario--all");
      all.setAttribute("aria-pressed", on ? "true" : "false");
      all.textContent = on ? "Show one step at a time" : "Show every step at once";
      if (on) {
        nodes.forEach(function (n, i) {
          n.hidden = false;
          if (!n.hasAttribute("data-ending")) {
            n.querySelector(".ps-scenario__step").textContent = "Step " + (i + 1);
          }
        });
        if (begin) begin.hidden = true;
      } else if (path.length) {
        show(path[path.length - 1], "", false);
      } else {
        restart();
      }
    });

    window.addEventListener("popstate", function (ev) {
      var st = ev.state;
      if (st && st.psScenario === id && st.path && st.path.length) {
        path = st.path.slice();
        show(path[path.length - 1], st.feedback, true);
      } else if (path.length > 1 && byId[location.hash.slice(1)] === undefined) {
        path = [startId];
        show(startId, "", false);
      }
    });

    // First view: a deep link to a step, the content note, or the first step.
    var hash = decodeURIComponent(location.hash.slice(1));
    if (byId[hash]) {
      path = hash === startId ? [startId] : [startId, hash];
      if (begin) begin.hidden = true;
      show(hash, "", false);
    } else if (note) {
      hideAll();
    } else {
      path = [startId];
      show(startId, "", false);
    }
  }

  // Progress (progress.js, /progress/): which stories were played to an ending on this device, and the last
  // ending reached. Only when the reader got there by choosing, not by opening a link to an ending.
  var ENDINGS_KEY = "ps-scenario-endings";
  function recordEnding(id, ending) {
    try {
      var all = JSON.parse(localStorage.getItem(ENDINGS_KEY) || "{}") || {};
      all[id] = ending;
      localStorage.setItem(ENDINGS_KEY, JSON.stringify(all));
    } catch (e) { /* storage off or full */ }
    document.dispatchEvent(new CustomEvent("ps:scenario-ending", { detail: { scenario: id, ending: ending } }));
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-scenario]"), initScenario);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(initAll);   // Material's instant navigation swaps pages in place
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
