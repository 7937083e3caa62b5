/* Crisis lines open on the reader's country: the country chosen on this device (on /crisis/ or in a
   "Whom to call" tab), else a guess from the device's time zone and language. Nothing is sent anywhere.
   Loaded only on pages with crisis lines (hooks/site.py flags them; overrides/main.html adds this file).
   Works with Material's instant navigation: Material loads this file again on each such page, so it sets
   itself up once and then runs on every page through document$. */
(function () {
  "use strict";

  if (window.psCrisisLines) return;  // already set up by an earlier page

  var COUNTRY_KEY = "ps-crisis-country";
  var OTHER = "other";

  // Time zones that name a country outright; America/* is the US unless listed as Canada.
  var CANADA = /^America\/(Toronto|Vancouver|Edmonton|Winnipeg|Halifax|St_Johns|Regina|Montreal|Moncton|Whitehorse|Yellowknife|Iqaluit|Glace_Bay|Goose_Bay|Swift_Current|Dawson_Creek|Dawson|Fort_Nelson|Creston|Rankin_Inlet|Resolute|Cambridge_Bay|Inuvik|Atikokan|Blanc-Sablon|Nipigon|Thunder_Bay|Rainy_River|Pangnirtung)$/;
  var US = /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Juneau|Sitka|Nome|Yakutat|Metlakatla|Adak|Menominee|Indiana\/.*|Kentucky\/.*|North_Dakota\/.*)|Pacific\/Honolulu|US\/.*)$/;
  var REGIONS = { US: "us", GB: "uk", UK: "uk", IE: "ie", CA: "ca", AU: "au", NZ: "nz" };

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
      if (REGIONS[region]) return REGIONS[region];
    }
    return OTHER;
  }

  function storedCountry() {
    try { return localStorage.getItem(COUNTRY_KEY); } catch (e) { return null; }
  }

  function storeCountry(country) {
    try { localStorage.setItem(COUNTRY_KEY, country); } catch (e) { /* storage off */ }
  }

  function readerCountry() {
    var tz = "";
    try { tz = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { /* old browser */ }
    return storedCountry() || guessCountry(tz, navigator.languages || [navigator.language || ""]);
  }

  // /crisis/: a country picker and one panel per country (all shown without JavaScript).
  function initPicker(country) {
    var picker = document.getElementById("ps-country");
    if (!picker || picker.getAttribute("data-ps-ready")) return;
    picker.setAttribute("data-ps-ready", "1");
    var panels = document.querySelectorAll(".ps-country[data-country]");
    if (!picker.querySelector('option[value="' + country + '"]')) country = OTHER;

    function apply(value) {
      picker.value = value;
      Array.prototype.forEach.call(panels, function (p) {
        p.hidden = p.getAttribute("data-country") !== value;
      });
    }
    apply(country);
    picker.closest(".ps-country-picker").hidden = false;
    picker.addEventListener("change", function () {
      storeCountry(picker.value);
      apply(picker.value);
    });
  }

  // "Whom to call" content tabs: the first paragraph of each tab names its country (data-ps-country).
  // The tab is checked before Material mounts its tabs (Material mounts them a moment later), so Material
  // draws its indicator under the right label. A tab the reader taps becomes their country.
  function initTabs(country) {
    var sets = [];
    Array.prototype.forEach.call(document.querySelectorAll(".tabbed-set [data-ps-country]"), function (mark) {
      var set = mark.closest(".tabbed-set");
      if (sets.indexOf(set) < 0) sets.push(set);
    });
    sets.forEach(function (set) {
      if (set.getAttribute("data-ps-ready")) return;
      set.setAttribute("data-ps-ready", "1");
      var inputs = set.querySelectorAll(":scope > input");
      var blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
      var byCountry = {};
      var byId = {};
      Array.prototype.forEach.call(blocks, function (block, i) {
        var mark = block.querySelector("[data-ps-country]");
        var input = inputs[i];
        if (!mark || !input) return;
        var code = mark.getAttribute("data-ps-country");
        byCountry[code] = input;
        byId[input.id] = code;
        input.addEventListener("change", function (ev) {
          // keyboard: arrow keys on the tabs; a trusted event, so the reader chose it
          if (ev.isTrusted && input.checked) storeCountry(code);
        });
      });
      // tap or click on a label (Material turns it into a programmatic click, so listen while capturing);
      // Material switching linked tabs elsewhere on the page is not a trusted event and does not count
      set.addEventListener("click", function (ev) {
        var label = ev.isTrusted && ev.target.closest && ev.target.closest(".tabbed-labels > label");
        if (label && byId[label.htmlFor]) storeCountry(byId[label.htmlFor]);
      }, true);
      var target = byCountry[country] || byCountry[OTHER];
      if (target) target.checked = true;
    });
  }

  function init() {
    var country = readerCountry();
    initPicker(country);
    initTabs(country);
  }

  window.psCrisisLines = { guessCountry: guessCountry };  // also marks this file as set up
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
