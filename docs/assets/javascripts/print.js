/* "Print the packet" on /groups/packet/: shows the button (hidden without JavaScript, where the page says to
   use the browser's Print command) and prints the page. Loaded only by overrides/packet.html, inside the
   page content, so it runs again after Material's instant navigation; document$ re-binds on every page. */
(function () {
  "use strict";

  function bind() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-print]"), function (button) {
      if (button.getAttribute("data-ps-ready")) return;
      button.setAttribute("data-ps-ready", "1");
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
      var hint = document.querySelector(".ps-packet-hint");
      if (hint) hint.textContent = "Each session starts on a new sheet. Choose \u201cSave as PDF\u201d to keep a copy.";
    });
  }

  function start() {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      if (!window.__psPrintSubscribed) {
        window.__psPrintSubscribed = true;
        window.document$.subscribe(bind);   // Material's instant navigation swaps pages in place
      }
    }
    bind();
  }

  // On a full page load this runs before Material's bundle defines document$: wait for the page to finish.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
