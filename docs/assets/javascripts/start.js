/* Find your path (/start/) and "Your path" on the home page. The paths themselves are in the page (rendered
   from docs/paths.yml as plain links that work without JavaScript); this script shows the form instead,
   copies the chosen path out of that list, and keeps the choice on this device (ps-path) so the home page
   can show it again. Loaded on /start/ and the home page only; works with Material's instant navigation. */
(function () {
  "use strict";
  if (window.psStartLoaded) return;  // instant navigation may load this file again
  window.psStartLoaded = true;

  var PATH_KEY = "ps-path";

  function load() {
    try { return JSON.parse(localStorage.getItem(PATH_KEY) || "null"); } catch (e) { return null; }
  }

  function save(choice) {
    try { localStorage.setItem(PATH_KEY, JSON.stringify(choice)); } catch (e) { /* storage off */ }
  }

  function scope() {
    return window.__md_scope ? new URL(window.__md_scope) : new URL("/", location.href);
  }

  function checked(form, name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : "";
  }

  function labelOf(form, name, value) {
    var input = form.querySelector('input[name="' + name + '"][value="' + value + '"]');
    var label = input && input.closest("label").querySelector(".ps-choice__label");
    return label ? label.textContent : "";
  }

  function pick(form, name, value) {
    var input = value && form.querySelector('input[name="' + name + '"][value="' + value + '"]');
    if (input) input.checked = true;
  }

  // The chosen path, copied from the no-script list; its links keep working after instant navigation.
  function showPath(form, result, choice, focus) {
    var source = document.querySelector('[data-ps-path="' + choice.condition + "/" + choice.stage + '"] ol');
    if (!source) return false;
    var steps = result.querySelector("[data-ps-start-steps]");
    steps.innerHTML = "";
    var list = source.cloneNode(true);
    list.className = "ps-start__steps";
    steps.appendChild(list);
    var situation = [labelOf(form, "condition", choice.condition), labelOf(form, "stage", choice.stage)];
    result.querySelector("[data-ps-start-situation]").textContent = situation.join(" \u00b7 ");
    var relation = result.querySelector("[data-ps-start-relation]");
    var line = choice.relation && document.querySelector('[data-ps-relation="' + choice.relation + '"]');
    relation.innerHTML = line ? line.innerHTML : "";
    relation.hidden = !line;
    result.hidden = false;
    if (window.psProgress) window.psProgress.refresh();  // done marks on the path's links
    if (focus) {
      result.focus({ preventScroll: true });
      result.scrollIntoView({ block: "start" });
    }
    // Keep the pages with their titles, so the home page can offer the next one.
    var pages = Array.prototype.map.call(list.querySelectorAll("a[data-ps-page]"), function (a) {
      return [a.getAttribute("data-ps-page"), a.textContent, a.getAttribute("data-ps-step")];
    });
    choice.label = situation.join(" \u00b7 ");
    choice.pages = pages;
    return true;
  }

  function initStart() {
    var form = document.querySelector("[data-ps-start]");
    if (!form || form.getAttribute("data-ps-ready")) return;
    form.setAttribute("data-ps-ready", "1");
    var result = document.querySelector("[data-ps-start-result]");
    var list = document.querySelector("[data-ps-paths]");
    var error = form.querySelector("[data-ps-start-error]");
    form.hidden = false;
    list.hidden = true;

    // Preselect: the address (?condition=&stage=, or #path-CONDITION-STAGE), else what this device kept.
    var query = new URLSearchParams(location.search);
    var kept = load() || {};
    var hash = /^#path-(.+)-(early-signs|crisis|early-recovery|rebuilding|living-well)$/.exec(location.hash);
    var choice = {
      relation: query.get("relation") || kept.relation || "",
      condition: query.get("condition") || (hash && hash[1]) || (query.get("stage") ? "" : kept.condition) || "",
      stage: query.get("stage") || (hash && hash[2]) || kept.stage || "",
    };
    pick(form, "relation", choice.relation);
    pick(form, "condition", choice.condition);
    pick(form, "stage", choice.stage);
    if (checked(form, "condition") && checked(form, "stage")) {
      showPath(form, result, { relation: checked(form, "relation"), condition: checked(form, "condition"),
                               stage: checked(form, "stage") }, !!hash || location.hash === "#your-path");
    } else if (query.get("stage") || query.get("condition")) {
      var missing = form.querySelector('input[name="' + (checked(form, "condition") ? "stage" : "condition") + '"]');
      if (missing) missing.closest("fieldset").scrollIntoView({ block: "start" });
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var chosen = { relation: checked(form, "relation"), condition: checked(form, "condition"),
                     stage: checked(form, "stage") };
      if (!chosen.condition || !chosen.stage) {
        error.textContent = !chosen.condition && !chosen.stage ? "Please choose what it is and where things are now."
          : !chosen.condition ? "Please choose what it is. \u201cNot sure yet\u201d is fine."
          : "Please choose where things are now.";
        var first = form.querySelector('input[name="' + (chosen.condition ? "stage" : "condition") + '"]');
        if (first) first.focus();
        return;
      }
      error.textContent = "";
      if (showPath(form, result, chosen, true)) {
        chosen.saved = new Date().toISOString().slice(0, 10);
        save(chosen);
      }
    });

    result.querySelector("[data-ps-start-change]").addEventListener("click", function (ev) {
      ev.preventDefault();
      ev.stopPropagation();  // an in-page link: not for instant navigation
      form.scrollIntoView({ block: "start" });
      var first = form.querySelector("input:checked") || form.querySelector("input");
      if (first) first.focus();
    }, true);
  }

  // Home page: "Your path: ..." with the next page not yet done, the whole path, and a way to change it.
  function initHome() {
    var box = document.querySelector("[data-ps-your-path]");
    if (!box) return;
    var choice = load();
    if (!choice || !choice.pages || !choice.pages.length) {
      box.hidden = true;
      return;
    }
    var root = scope();
    var next = choice.pages[0];
    for (var i = 0; i < choice.pages.length; i++) {
      var st = window.psProgress ? window.psProgress.state(choice.pages[i][0]).status : "not-started";
      if (st !== "done" && choice.pages[i][2] !== "crisis") { next = choice.pages[i]; break; }
    }
    var start = box.getAttribute("data-ps-start-href") || "start/";
    var query = "?condition=" + encodeURIComponent(choice.condition) + "&stage=" + encodeURIComponent(choice.stage) +
      (choice.relation ? "&relation=" + encodeURIComponent(choice.relation) : "");
    box.innerHTML = "";
    var title = document.createElement("p");
    title.className = "ps-your-path__title";
    title.innerHTML = "<strong>Your path:</strong> ";
    title.appendChild(document.createTextNode(choice.label || ""));
    var go = document.createElement("p");
    go.className = "ps-your-path__next";
    go.appendChild(document.createTextNode("Next: "));
    var a = document.createElement("a");
    a.href = new URL(next[0].replace(/^\//, ""), root).href;
    a.textContent = next[1];
    go.appendChild(a);
    var more = document.createElement("p");
    more.className = "ps-your-path__more";
    var all = document.createElement("a");
    all.href = new URL(start, location.href).href.split("?")[0] + query + "#your-path";
    all.textContent = "See your whole path (" + choice.pages.length + " pages)";
    var change = document.createElement("a");
    change.href = new URL(start, location.href).href.split("?")[0] + "#choose";
    change.textContent = "Change your situation";
    more.appendChild(all);
    more.appendChild(document.createTextNode(" \u00b7 "));
    more.appendChild(change);
    box.appendChild(title);
    box.appendChild(go);
    box.appendChild(more);
    box.hidden = false;
  }

  function init() {
    initStart();
    initHome();
  }

  document.addEventListener("ps:progress-cleared", init);
  function begin() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else init();
  }
  // In the page content, this may run before Material's own script: wait for the document first.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
  else begin();
})();
