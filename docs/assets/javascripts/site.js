/* Site behaviour that needs no server: the privacy controls list and clear everything this site keeps
   in the browser. Works with Material's instant navigation. Offline saving lives in offline.js. The crisis lines
   (which country opens first) live in crisis-lines.js, loaded only on pages that have them. */
(function () {
  "use strict";

  function storedKeys() {
    var keys = [];
    [["localStorage", window.localStorage], ["sessionStorage", window.sessionStorage]].forEach(function (pair) {
      try {
        for (var i = 0; i < pair[1].length; i++) keys.push(pair[1].key(i) + " (" + pair[0] + ")");
      } catch (e) { /* storage off */ }
    });
    return keys.sort();
  }

  function listStorage() {
    var lists = document.querySelectorAll("[data-ps-storage-list]");
    if (!lists.length) return;
    var cachesNow = window.caches && caches.keys ? caches.keys() : Promise.resolve([]);
    cachesNow.then(function (names) {
      var keys = storedKeys().concat(names.map(function (n) { return n + " (saved pages)"; }));
      Array.prototype.forEach.call(lists, function (el) {
        el.textContent = keys.length ? "This browser holds these for this site now: " + keys.join(", ") + "."
          : "This browser holds nothing for this site right now.";
      });
    });
  }

  function clearAll() {
    try { localStorage.clear(); } catch (e) { /* storage off */ }
    try { sessionStorage.clear(); } catch (e) { /* storage off */ }
    // Saved pages and the offline worker: offline.js knows how to stop it before removing them.
    return window.psForgetSaved ? window.psForgetSaved() : Promise.resolve();
  }

  function initClear() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-clear]"), function (btn) {
      if (btn.getAttribute("data-ps-ready")) return;
      btn.setAttribute("data-ps-ready", "1");
      btn.disabled = false;
      btn.addEventListener("click", function () {
        var status = document.getElementById(btn.getAttribute("aria-controls") || "");
        clearAll().then(function () {
          listStorage();
          if (status) status.textContent = "Done. Your path, progress, quiz answers, country choice, display settings and saved pages are cleared on this device.";
        });
      });
    });
    listStorage();
  }

  // Wide tables scroll sideways on phones: make the scroll area reachable by keyboard, with a name.
  function initScrollAreas() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", "Table (scroll sideways to see all of it)");
      }
    });
  }

  function init() {
    initScrollAreas();
    initClear();
  }

  window.psListStorage = listStorage;    // offline.js refreshes the list after saving or removing pages
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
