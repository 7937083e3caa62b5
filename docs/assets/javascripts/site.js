/* Site behaviour that needs no server: the privacy controls list and clear everything this site keeps
   in the browser, and the offline helper. Works with Material's instant navigation. The crisis lines
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
    var jobs = [];
    if ("serviceWorker" in navigator && navigator.serviceWorker.controller) {
      jobs.push(new Promise(function (resolve) {  // stop the offline helper saving anything more first
        var channel = new MessageChannel();
        channel.port1.onmessage = function () { resolve(); };
        navigator.serviceWorker.controller.postMessage("forget", [channel.port2]);
        setTimeout(resolve, 2000);
      }));
    }
    if (window.caches && caches.keys) {
      jobs.push(caches.keys().then(function (names) {
        return Promise.all(names.map(function (n) { return caches.delete(n); }));
      }));
    }
    if ("serviceWorker" in navigator && navigator.serviceWorker.getRegistrations) {
      jobs.push(navigator.serviceWorker.getRegistrations().then(function (regs) {
        return Promise.all(regs.map(function (r) { return r.unregister(); }));
      }));
    }
    return Promise.all(jobs);
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

  // Offline support: a service worker keeps crisis help and visited pages on this device.
  function registerWorker() {
    if (!("serviceWorker" in navigator) || !window.__md_scope || location.protocol === "file:") return;
    navigator.serviceWorker.register(new URL("sw.js", window.__md_scope).href).catch(function () {});
  }

  function askWorker(message) {
    return navigator.serviceWorker.ready.then(function (reg) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (ev) { resolve(ev.data); };
        reg.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function initSaveAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-save-all]"), function (btn) {
      if (btn.getAttribute("data-ps-ready") || !("serviceWorker" in navigator)) return;
      btn.setAttribute("data-ps-ready", "1");
      btn.disabled = false;
      var status = document.getElementById(btn.getAttribute("aria-controls") || "");
      btn.addEventListener("click", function () {
        if (status) status.textContent = "Saving…";
        askWorker("save-all").then(function (answer) {
          if (status) status.textContent = answer.ok ? "Saved: every page now works on this device without a connection."
            : "Saving stopped part way. Try again when you have a better signal.";
          listStorage();
        });
      });
    });
  }

  function init() {
    initScrollAreas();
    initSaveAll();
    initClear();
  }

  registerWorker();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
