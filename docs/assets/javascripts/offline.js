/* Offline, without getting in the reader's way. When the page has loaded and the browser is idle, this
   registers the offline worker (sw.js, written by hooks/publish.py) and, unless the phone is in Data Saver
   mode, asks it to save every page in the background; in Data Saver mode only crisis help and what the reader
   opens are kept. When a new version of the site is ready it shows a quiet "updated" notice with a Reload
   button, and pages keep coming from the version the reader started with until then. It also runs the About
   page's "Save every page" and "Remove saved pages" controls. Nothing is sent anywhere. */
(function () {
  "use strict";

  var OFF_KEY = "ps-offline";  // "off": the reader removed saved pages, so none are saved until they ask again
  var supported = "serviceWorker" in navigator && location.protocol !== "file:" && !!window.__md_scope;
  var switchedOff = !!document.querySelector('meta[name="ps-offline"][content="off"]');  // the kill switch
  var registration = null;
  var lastCheck = Date.now();

  function readerSaidNo() {
    try { return localStorage.getItem(OFF_KEY) === "off"; } catch (e) { return false; }
  }

  function saveData() {
    return !!(navigator.connection && navigator.connection.saveData);
  }

  // After the load event, when the browser has nothing else to do (or 4 seconds at most).
  function whenIdle(fn) {
    function later() {
      if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 4000 });
      else setTimeout(fn, 1500);
    }
    if (document.readyState === "complete") later();
    else window.addEventListener("load", later, { once: true });
  }

  function ask(worker, message) {
    return new Promise(function (resolve) {
      if (!worker) { resolve({ ok: false }); return; }
      var channel = new MessageChannel();
      channel.port1.onmessage = function (ev) { resolve(ev.data || {}); };
      worker.postMessage(message, [channel.port2]);
    });
  }

  function state(value) {
    document.documentElement.setAttribute("data-ps-offline", value);
    showStatus();
  }

  // The addresses this page loaded from the site itself (Data Saver keeps just these).
  function pageUrls() {
    var urls = [location.href];
    (performance.getEntriesByType ? performance.getEntriesByType("resource") : []).forEach(function (e) {
      if (e.name.indexOf(location.origin + "/") === 0) urls.push(e.name);
    });
    return urls;
  }

  function saveEverything(reg) {
    state("saving");
    return ask(reg.active, { type: "save-all" }).then(function (answer) {
      state(answer.ok ? "saved" : "partial");
      return answer;
    });
  }

  function notice(reg) {
    if (document.querySelector(".ps-update")) return;
    var bar = document.createElement("div");
    bar.className = "ps-update";
    bar.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "This site has been updated. ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ps-update__reload";
    button.textContent = "Reload";
    button.addEventListener("click", function () {
      var waiting = reg.waiting;
      if (!waiting) { location.reload(); return; }
      var reloaded = false;
      navigator.serviceWorker.addEventListener("controllerchange", function () {
        if (!reloaded) { reloaded = true; location.reload(); }
      });
      waiting.postMessage({ type: "skip-waiting" });
    });
    bar.appendChild(text);
    bar.appendChild(button);
    document.body.appendChild(bar);
  }

  function watchForUpdates(reg) {
    function track(next) {
      if (!next) return;
      next.addEventListener("statechange", function () {
        if (next.state === "installed" && navigator.serviceWorker.controller) notice(reg);
      });
    }
    if (reg.waiting && navigator.serviceWorker.controller) notice(reg);
    track(reg.installing);  // the browser may have found the new version while the page loaded
    reg.addEventListener("updatefound", function () { track(reg.installing); });
  }

  function start() {
    if (switchedOff) {
      navigator.serviceWorker.getRegistrations().then(function (regs) {
        regs.forEach(function (r) { r.unregister(); });
      });
      return;
    }
    if (readerSaidNo()) { state("off"); return; }
    navigator.serviceWorker.register(new URL("sw.js", window.__md_scope).href).then(function (reg) {
      registration = reg;
      watchForUpdates(reg);
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      whenIdle(function () {
        if (saveData()) {
          ask(reg.active, { type: "keep", urls: pageUrls() }).then(function () { state("kept"); });
        } else {
          saveEverything(reg);
        }
      });
    }).catch(function () { state("unavailable"); });
  }

  // Instant navigation loads pages without a full page load, so look for a new version now and then.
  function checkForUpdate() {
    if (registration && Date.now() - lastCheck > 60000) {
      lastCheck = Date.now();
      registration.update().catch(function () {});
    }
  }

  // About page ------------------------------------------------------------------------------------

  function showStatus() {
    var el = document.querySelector("[data-ps-offline-status]");
    if (!el) return;
    var now = document.documentElement.getAttribute("data-ps-offline");
    var text = {
      saving: "Saving pages on this device now.",
      saved: "Every page is saved on this device.",
      partial: "Some pages are saved on this device; the rest will be saved on your next visit with a signal.",
      kept: "Data Saver is on: the help page and the pages you open are saved on this device.",
      off: "Saving pages is turned off on this device.",
      removed: "Saved pages removed. None will be saved on this device until you choose to save them again.",
      unavailable: "This browser cannot save pages for offline use."
    }[now];
    if (text) el.textContent = text;
  }

  function removeSaved() {
    try { localStorage.setItem(OFF_KEY, "off"); } catch (e) { /* storage off */ }
    return forgetSaved().then(function () { registration = null; state("removed"); });
  }

  function saveNow() {
    try { localStorage.removeItem(OFF_KEY); } catch (e) { /* storage off */ }
    return navigator.serviceWorker.register(new URL("sw.js", window.__md_scope).href).then(function (reg) {
      registration = reg;
      return navigator.serviceWorker.ready;
    }).then(saveEverything);
  }

  function initControls() {
    showStatus();
    [["[data-ps-save-all]", saveNow], ["[data-ps-remove-saved]", removeSaved]].forEach(function (pair) {
      Array.prototype.forEach.call(document.querySelectorAll(pair[0]), function (button) {
        if (button.getAttribute("data-ps-ready") || !supported || switchedOff) return;
        button.setAttribute("data-ps-ready", "1");
        button.disabled = false;
        button.addEventListener("click", function () {
          pair[1]().then(function () {
            if (window.psListStorage) window.psListStorage();
          }, function () { state("unavailable"); });
        });
      });
    });
  }

  // Stop the worker saving first and wait for its answer (2 s at most), so a download it had in flight cannot
  // bring a cache back; then remove its caches and the worker itself. Also "Clear everything" (site.js).
  function forgetSaved() {
    var sw = navigator.serviceWorker;
    var stop = sw && sw.controller ? Promise.race([ask(sw.controller, { type: "forget" }),
      new Promise(function (resolve) { setTimeout(resolve, 2000); })]) : Promise.resolve();
    return stop.then(function () {
      var jobs = [];
      if (window.caches && caches.keys) {
        jobs.push(caches.keys().then(function (names) {
          return Promise.all(names.map(function (n) { return caches.delete(n); }));
        }));
      }
      if (sw && sw.getRegistrations) {
        jobs.push(sw.getRegistrations().then(function (regs) {
          return Promise.all(regs.map(function (r) { return r.unregister(); }));
        }));
      }
      return Promise.all(jobs);
    });
  }
  window.psForgetSaved = forgetSaved;

  if (!supported) return;
  whenIdle(start);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { initControls(); checkForUpdate(); });
  } else {
    initControls();
  }
})();
