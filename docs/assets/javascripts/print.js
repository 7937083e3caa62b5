/* "Print the packet" on /groups/packet/: shows the button (hidden without JavaScript, where the page says to
   use the browser's Print command) and prints the page when it is pressed. Loaded only by
   overrides/packet.html, inside the page content, so Material's instant navigation runs it again on arrival;
   one click listener on the document serves every visit, and document$ un-hides the button on each page. */
(function () {
  "use strict";

  function show() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-print]"), function (button) {
      button.hidden = false;
    });
    var hint = document.querySelector(".ps-packet-hint");
    if (hint && document.querySelector("[data-ps-print]")) {
      hint.textContent = "Each session starts on a new sheet. To keep a copy, choose \u201cSave as PDF\u201d.";
    }
  }

  if (!window.__psPrintReady) {  // the script may run several times in one document: set up once
    window.__psPrintReady = true;
    document.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target.closest("[data-ps-print]") : null;
      if (target) window.print();
    });
    var subscribe = function () {
      if (window.document$ && typeof window.document$.subscribe === "function") {
        window.document$.subscribe(show);   // Material's instant navigation swaps pages in place
      }
    };
    // On a full page load this runs before Material's bundle defines document$.
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe);
    else subscribe();
  }
  show();
})();
