/* Text size: three steps, kept on this device (ps-text-size). overrides/main.html applies the kept size in
   the page head, before the first paint, so text does not jump; this script runs the buttons in the
   module pages' tool row. Loaded on module pages only; works with Material's instant navigation. */
(function () {
  "use strict";
  if (window.psTextSizeLoaded) return;  // instant navigation may load this file again
  window.psTextSizeLoaded = true;

  var SIZE_KEY = "ps-text-size";  // "0" standard, "1" larger, "2" largest; the same key as overrides/main.html
  var SIZES = ["0", "1", "2"];

  function current() {
    try { return SIZES.indexOf(localStorage.getItem(SIZE_KEY)) > 0 ? localStorage.getItem(SIZE_KEY) : "0"; }
    catch (e) { return "0"; }
  }

  function apply(size) {
    var root = document.documentElement;
    SIZES.forEach(function (s) { root.classList.toggle("ps-text-" + s, s === size && s !== "0"); });
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-text-size] [data-size]"), function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-size") === size ? "true" : "false");
    });
  }

  function init() {
    var group = document.querySelector("[data-ps-text-size]");
    apply(current());
    if (!group || group.getAttribute("data-ps-ready")) return;
    group.setAttribute("data-ps-ready", "1");
    group.hidden = false;
    group.closest("[data-ps-tools]").hidden = false;
    group.addEventListener("click", function (ev) {
      var b = ev.target.closest("[data-size]");
      if (!b) return;
      var size = b.getAttribute("data-size");
      try {
        if (size === "0") localStorage.removeItem(SIZE_KEY); else localStorage.setItem(SIZE_KEY, size);
      } catch (e) { /* storage off: the size still applies to this page */ }
      apply(size);
    });
  }

  function begin() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else init();
  }
  // In the page content, this may run before Material's own script: wait for the document first.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
  else begin();
})();
