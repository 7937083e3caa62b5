/* Reading lists. Two places use this file (hooks/clinician_tools.py loads it only there):

   /pathway/?p=PATH,PATH,...  shows the list: each site path, in order, with its title and one-line description
   from the page map the build writes into the page (the data-ps-page-map attribute of #ps-page-map). A path
   may end in #section. An address that is malformed or not a page on this site is shown as an error line
   naming it, never dropped. Controls copy (copy-link.js), share or print the list; the QR code of the list's
   own address is drawn here with the vendored qrcode-generator (qrcode-generator.js, MIT), no request made.

   /clinicians/  the builder: a tick box beside every page in the hub's tables; the ticked pages, in the order
   ticked, make the list's link, which can be copied, opened or cleared.

   Everything from the address is written with textContent or setAttribute, never as markup. Works offline
   once the page is saved: the page map travels inside the page. */
(function () {
  "use strict";

  var MAX_ITEMS = 40;
  var SAFE_PATH = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/;
  var SAFE_ANCHOR = /^[a-z0-9][a-z0-9-]*$/;
  var SVG_NS = "http://www.w3.org/2000/svg";

  function scope() {
    try { return new URL(window.__md_scope || new URL("..", location.href)); } catch (e) { return new URL("/", location.href); }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function pageMap() {
    var data = document.getElementById("ps-page-map");
    if (!data) return {};
    try { return JSON.parse(data.getAttribute("data-ps-page-map") || "{}") || {}; } catch (e) { return {}; }
  }

  // One item of ?p=: a known page (and section), or an error naming what was given.
  function parseItem(raw, map) {
    var text = raw.trim();
    var shown = text.length > 120 ? text.slice(0, 117) + "..." : text;
    var hashAt = text.indexOf("#");
    var path = hashAt >= 0 ? text.slice(0, hashAt) : text;
    var anchor = hashAt >= 0 ? text.slice(hashAt + 1) : "";
    var bare = path.replace(/^\/+/, "").replace(/\/+$/, "");
    if ((bare !== "" && !SAFE_PATH.test(bare)) || (hashAt >= 0 && !SAFE_ANCHOR.test(anchor))) {
      return { error: "This is not a page address on this site:", raw: shown };
    }
    var key = bare ? "/" + bare + "/" : "/";
    var page = map[key];
    if (!page) return { error: "There is no page at this address on this site:", raw: shown };
    if (anchor && !(page.sections && page.sections[anchor])) {
      return { error: "That page has no section with this address:", raw: shown };
    }
    return { key: key, anchor: anchor, page: page };
  }

  function drawQr(host, text, label) {
    host.textContent = "";
    if (typeof window.qrcode !== "function") return false;
    var qr;
    try {
      qr = window.qrcode(0, "M");
      qr.addData(text);
      qr.make();
    } catch (e) {
      return false;  // far too long for a QR code
    }
    var count = qr.getModuleCount();
    var margin = 4;
    var size = count + margin * 2;
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("shape-rendering", "crispEdges");
    var back = document.createElementNS(SVG_NS, "rect");
    back.setAttribute("width", String(size));
    back.setAttribute("height", String(size));
    back.setAttribute("fill", "#ffffff");
    svg.appendChild(back);
    var d = [];
    for (var r = 0; r < count; r += 1) {
      for (var c = 0; c < count; c += 1) {
        if (qr.isDark(r, c)) d.push("M" + (c + margin) + " " + (r + margin) + "h1v1h-1z");
      }
    }
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", d.join(""));
    path.setAttribute("fill", "#000000");
    svg.appendChild(path);
    host.appendChild(svg);
    return true;
  }

  // The list page --------------------------------------------------------------------------------

  function renderList(root) {
    if (root.getAttribute("data-ps-ready")) return;
    root.setAttribute("data-ps-ready", "1");
    var map = pageMap();
    var base = scope();
    var list = root.querySelector("[data-ps-pathway-list]");
    var count = root.querySelector("[data-ps-pathway-count]");
    var empty = root.querySelector("[data-ps-pathway-empty]");
    var query = new URLSearchParams(location.search).get("p");
    var raws = query === null ? [] : query.split(",").filter(function (r) { return r.trim() !== ""; });
    list.textContent = "";
    var good = 0;
    raws.slice(0, MAX_ITEMS).forEach(function (raw) {
      var item = parseItem(raw, map);
      var li = el("li");
      if (item.error) {
        li.className = "ps-pathway__error";
        li.setAttribute("data-ps-pathway-error", "");
        li.appendChild(el("strong", null, item.error + " "));
        li.appendChild(el("span", "ps-pathway__raw", item.raw));
        li.appendChild(el("span", "ps-pathway__section", "Check the link with whoever sent it."));
      } else {
        good += 1;
        var link = el("a", "ps-pathway__title", item.page.title);
        link.href = new URL(item.key.replace(/^\//, "") + (item.anchor ? "#" + item.anchor : ""), base).href;
        li.appendChild(link);
        if (item.anchor) li.appendChild(el("span", "ps-pathway__section", "Section: " + item.page.sections[item.anchor]));
        if (item.page.description) li.appendChild(el("p", "ps-pathway__desc", item.page.description));
      }
      list.appendChild(li);
    });
    if (raws.length > MAX_ITEMS) {
      var more = el("li", "ps-pathway__error");
      more.setAttribute("data-ps-pathway-error", "");
      more.appendChild(el("strong", null, (raws.length - MAX_ITEMS) + " more addresses are not shown: "));
      more.appendChild(el("span", null, "a reading list holds at most " + MAX_ITEMS + " pages."));
      list.appendChild(more);
    }
    var errors = list.querySelectorAll("[data-ps-pathway-error]").length;
    if (count) {
      count.textContent = raws.length === 0 ? "" :
        (good === 1 ? "1 page" : good + " pages") + " to read, in this order." +
        (errors ? " " + (errors === 1 ? "1 address" : errors + " addresses") + " in the link could not be found." : "");
    }
    if (empty) empty.hidden = raws.length > 0;
    list.hidden = raws.length === 0;

    var here = location.href.split("#")[0];
    Array.prototype.forEach.call(root.querySelectorAll("[data-ps-copy-url]"), function (b) {
      b.setAttribute("data-ps-copy-url", here);
    });
    var share = root.querySelector("[data-ps-pathway-share]");
    if (share && navigator.share && raws.length) {
      share.hidden = false;
      share.addEventListener("click", function () {
        navigator.share({ title: document.title, url: here }).catch(function () { /* closed or refused */ });
      });
    }
    var controls = root.querySelector(".ps-pathway__controls");
    if (controls) controls.hidden = raws.length === 0;
    root.__psQrFor = raws.length ? here : "";
    drawListQr(root);
  }

  // The QR code of the list's own address (again on a later run if the QR library was not loaded yet).
  function drawListQr(root) {
    var here = root.__psQrFor;
    var qrWrap = root.querySelector("[data-ps-pathway-qr-wrap]");
    var qrHost = root.querySelector("[data-ps-pathway-qr]");
    if (!here || !qrWrap || !qrHost || root.getAttribute("data-ps-qr")) return;
    var urlText = root.querySelector("[data-ps-pathway-url]");
    if (urlText) urlText.textContent = here;
    if (drawQr(qrHost, here, "QR code that opens this reading list")) {
      root.setAttribute("data-ps-qr", "1");
      qrWrap.hidden = false;
    }
  }

  // The builder on the hub -------------------------------------------------------------------------

  function sitePathOf(href, base) {
    var url = new URL(href, location.href);
    if (url.origin !== base.origin || url.pathname.indexOf(base.pathname) !== 0) return "";
    return "/" + url.pathname.slice(base.pathname.length);
  }

  function initBuilder(panel) {
    if (panel.getAttribute("data-ps-ready")) return;
    panel.setAttribute("data-ps-ready", "1");
    var base = scope();
    var chosen = [];          // site paths in the order ticked
    var names = {};
    var boxes = [];
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-picker] tbody tr"), function (row) {
      var cell = row.querySelector("td");
      var link = cell && cell.querySelector("a[href]");
      if (!link) return;
      var path = sitePathOf(link.getAttribute("href"), base);
      if (!path) return;
      var group = row.closest("[data-ps-picker]").getAttribute("data-ps-group");  // "Bipolar disorder"
      names[path] = (group ? group + ": " : "") + link.textContent.trim();
      var label = el("label", "ps-pick");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = path;
      box.setAttribute("data-ps-pick", path);
      box.setAttribute("aria-label", "Add to the reading list: " + names[path]);
      label.appendChild(box);
      cell.insertBefore(label, cell.firstChild);
      boxes.push(box);
    });
    var list = panel.querySelector("[data-ps-builder-list]");
    var empty = panel.querySelector("[data-ps-builder-empty]");
    var copy = panel.querySelector("[data-ps-copy-url]");
    var open = panel.querySelector("[data-ps-builder-open]");
    var clear = panel.querySelector("[data-ps-builder-clear]");
    var field = panel.querySelector("[data-ps-builder-url]");
    var bar = document.querySelector("[data-ps-builder-bar]");
    var barCount = bar ? bar.querySelector("[data-ps-builder-count]") : null;

    function update() {
      var url = chosen.length ? new URL("pathway/?p=" + chosen.join(","), base).href : "";
      list.textContent = "";
      chosen.forEach(function (p) { list.appendChild(el("li", null, names[p] || p)); });
      list.hidden = !chosen.length;
      empty.hidden = chosen.length > 0;
      copy.disabled = !chosen.length;
      copy.setAttribute("data-ps-copy-url", url);
      open.hidden = !chosen.length;
      if (url) open.href = url; else open.removeAttribute("href");
      clear.disabled = !chosen.length;
      field.value = url;
      if (bar) {
        bar.hidden = !chosen.length;
        if (barCount) barCount.textContent = chosen.length === 1 ? "1 page in your reading list" : chosen.length + " pages in your reading list";
      }
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var at = chosen.indexOf(box.value);
        if (box.checked && at < 0) chosen.push(box.value);
        if (!box.checked && at >= 0) chosen.splice(at, 1);
        boxes.forEach(function (other) { if (other !== box && other.value === box.value) other.checked = box.checked; });
        update();
      });
    });
    clear.addEventListener("click", function () {
      chosen = [];
      boxes.forEach(function (b) { b.checked = false; });
      update();
    });
    panel.hidden = false;
    update();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-pathway]"), function (root) {
      renderList(root);
      drawListQr(root);
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-builder]"), initBuilder);
  }

  if (!window.__psPathwayReady) {
    window.__psPathwayReady = true;
    var subscribe = function () {
      if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe);
    else subscribe();
  }
  init();
})();
