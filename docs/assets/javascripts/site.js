/* Site behaviour that needs no server: the crisis page opens on the reader's country (guessed from
   the device's time zone and language, never from a request), and the privacy controls list and
   clear everything this site keeps in the browser. Works with Material's instant navigation.
   Offline saving lives in offline.js. */
(function () {
  "use strict";

  var COUNTRY_KEY = "ps-crisis-country";

  // Time zones that name a country outright; America/* is the US unless listed as Canada.
  var CANADA = /^America\/(Toronto|Vancouver|Edmonton|Winnipeg|Halifax|St_Johns|Regina|Montreal|Moncton|Whitehorse|Yellowknife|Iqaluit|Glace_Bay|Goose_Bay|Swift_Current|Dawson_Creek|Dawson|Fort_Nelson|Creston|Rankin_Inlet|Resolute|Cambridge_Bay|Inuvik|Atikokan|Blanc-Sablon|Nipigon|Thunder_Bay|Rainy_River|Pangnirtung)$/;
  var US = /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Juneau|Sitka|Nome|Yakutat|Metlakatla|Adak|Menominee|Indiana\/.*|Kentucky\/.*|North_Dakota\/.*)|Pacific\/Honolulu|US\/.*)$/;

  function guessCountry(timeZone, languages) {
    var tz = timeZone || "";
    if (tz === "Europe/London" || tz === "Europe/Belfast" || tz === "GB") return "uk";
    if (tz === "Europe/Dublin" || tz === "Eire") return "ie";
    if (/^Australia\//.test(tz)) return "au";
    if (tz === "Pacific/Auckland" || tz === "Pacific/Chatham" || tz === "NZ") return "nz";
    if (CANADA.test(tz) || /^Canada\//.test(tz)) return "ca";
    if (US.test(tz)) return "us";
    var langs = languages || [];
    for (var i = 0; i < langs.length; i++) {
      var region = (langs[i].split("-")[1] || "").toUpperCase();
      var map = { US: "us", GB: "uk", UK: "uk", IE: "ie", CA: "ca", AU: "au", NZ: "nz" };
      if (map[region]) return map[region];
    }
    return "other";
  }

  function storedCountry() {
    try { return localStorage.getItem(COUNTRY_KEY); } catch (e) { return null; }
  }

  function initCrisis() {
    var picker = document.getElementById("ps-country");
    if (!picker || picker.getAttribute("data-ps-ready")) return;
    picker.setAttribute("data-ps-ready", "1");
    var panels = document.querySelectorAll(".ps-country[data-country]");
    var tz = "";
    try { tz = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { /* old browser */ }
    var chosen = storedCountry() || guessCountry(tz, navigator.languages || [navigator.language || ""]);
    if (!picker.querySelector('option[value="' + chosen + '"]')) chosen = "other";

    function apply(country) {
      picker.value = country;
      Array.prototype.forEach.call(panels, function (p) {
        p.hidden = p.getAttribute("data-country") !== country;
      });
    }
    apply(chosen);
    picker.closest(".ps-country-picker").hidden = false;
    picker.addEventListener("change", function () {
      try { localStorage.setItem(COUNTRY_KEY, picker.value); } catch (e) { /* storage off */ }
      apply(picker.value);
    });
  }

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
          if (status) status.textContent = "Done. Quiz answers, your country choice, display settings and saved pages are cleared on this device.";
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
    initCrisis();
    initClear();
  }

  window.psGuessCountry = guessCountry;  // exposed for tests
  window.psListStorage = listStorage;    // offline.js refreshes the list after saving or removing pages
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
