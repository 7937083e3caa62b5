/* "Copy link": a control beside every section heading of a module page (written at build time by
   hooks/sharing.py, hidden until this script shows it) copies the section's full address, and says so in
   words ("Link copied") that screen readers hear too (role="status"). Where the browser refuses the
   clipboard it offers the share sheet, and else shows the address in a text field, selected, to copy by hand.

   Also serves any button with data-ps-copy-url (reading lists, the hub's list builder). Loaded inside the page
   content, only where used, so Material's instant navigation runs it again on arrival: one click listener on
   the document serves every visit. No inline handlers; nothing from the address is written as markup. */
(function () {
  "use strict";

  var CLEAR_AFTER_MS = 6000;

  function show() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-copy-wrap][hidden]"), function (wrap) {
      wrap.hidden = false;
    });
  }

  function statusOf(button) {
    var wrap = button.closest("[data-ps-copy-wrap]") || button.parentElement;
    return wrap ? wrap.querySelector("[role='status']") : null;
  }

  function say(button, text) {
    var status = statusOf(button);
    if (!status) return;
    status.textContent = "";  // the same words twice are still announced
    window.setTimeout(function () { status.textContent = text; }, 30);
    window.clearTimeout(button.__psClear);
    button.__psClear = window.setTimeout(function () { status.textContent = ""; }, CLEAR_AFTER_MS);
  }

  function field(button, url) {
    var wrap = button.closest("[data-ps-copy-wrap]") || button.parentElement;
    var box = wrap.querySelector(".ps-copy-link__field");
    if (!box) {
      box = document.createElement("label");
      box.className = "ps-copy-link__field";
      var text = document.createElement("span");
      text.textContent = "Copy this link:";
      var input = document.createElement("input");
      input.type = "text";
      input.readOnly = true;
      input.setAttribute("data-ps-copy-field", "");
      box.appendChild(text);
      box.appendChild(input);
      wrap.appendChild(box);
    }
    var input2 = box.querySelector("input");
    input2.value = url;
    input2.focus();
    input2.select();
    window.clearTimeout(button.__psClear);
    var status = statusOf(button);
    if (status) {
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = "Copying is blocked here. The link is selected below: copy it from there.";
      }, 30);
    }
  }

  function urlFor(button) {
    var given = button.getAttribute("data-ps-copy-url");
    if (given) return given;
    var id = button.getAttribute("data-ps-copy-section");
    return location.origin + location.pathname + (id ? "#" + id : "");
  }

  function titleFor(button) {
    var given = button.getAttribute("data-ps-copy-title");
    if (given) return given;
    var heading = document.querySelector("h1");
    return heading ? heading.textContent.trim() : document.title;
  }

  function fallback(button, url) {
    if (navigator.share) {
      navigator.share({ title: titleFor(button), url: url }).then(function () {
        say(button, "Link shared");
      }, function (err) {
        if (err && err.name === "AbortError") return;  // the reader closed the share sheet
        field(button, url);
      });
      return;
    }
    field(button, url);
  }

  function copy(button) {
    var url = urlFor(button);
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        say(button, "Link copied");
      }, function () {
        fallback(button, url);
      });
    } else {
      fallback(button, url);
    }
  }

  if (!window.__psCopyLinkReady) {  // the script may run several times in one document: listen once
    window.__psCopyLinkReady = true;
    document.addEventListener("click", function (event) {
      var target = event.target instanceof Element
        ? event.target.closest("[data-ps-copy-section], [data-ps-copy-url]") : null;
      if (target && target.tagName === "BUTTON") copy(target);
    });
    var subscribe = function () {
      if (window.document$ && typeof window.document$.subscribe === "function") {
        window.document$.subscribe(show);  // Material's instant navigation swaps pages in place
      }
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe);
    else subscribe();
  }
  show();
})();
