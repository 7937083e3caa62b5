/* Together in Recovery: offline support. Written by hooks/site.py after each build (do not edit sw.js
   in the built site). Pages load from the network when it answers; when it does not (a hospital
   corridor, a lift), pages already seen, the crisis page and the home page come from this device.
   Nothing is sent anywhere: this worker only talks to the site's own host. */
"use strict";

const VERSION = "{{ version }}";
const CACHE = "together-in-recovery-" + VERSION;
const CORE = {{ core | tojson }};        // cached at install: crisis help works offline from the first visit
const ALL_PAGES = {{ pages | tojson }};  // cached on request ("Save every page on this device")
const NETWORK_TIMEOUT_MS = 4000;
let forgotten = false;                   // set by "forget" (the About page's clear control): cache nothing more

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(CORE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("together-in-recovery-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (err) => { clearTimeout(timer); reject(err); });
  });
}

// Network first, so readers always get the newest page; the saved copy when the network fails or stalls.
async function respond(request) {
  if (forgotten) return fetch(request);
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok && response.type === "basic") cache.put(request, response.clone());
    return response;
  } catch (err) {
    const saved = await cache.match(request, { ignoreSearch: true });
    if (saved) return saved;
    if (request.mode === "navigate") {
      const fallback = await cache.match("offline.html");
      if (fallback) return fallback;
    }
    throw err;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(respond(event.request));
});

self.addEventListener("message", (event) => {
  const port = event.ports && event.ports[0];
  if (event.data === "save-all") {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ALL_PAGES))
      .then(() => port && port.postMessage({ ok: true, count: ALL_PAGES.length }),
            (err) => port && port.postMessage({ ok: false, error: String(err) })));
  } else if (event.data === "forget") {
    forgotten = true;
    event.waitUntil(caches.keys().then((names) => Promise.all(names.map((n) => caches.delete(n))))
      .then(() => port && port.postMessage({ ok: true })));
  } else if (event.data === "count") {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.keys())
      .then((keys) => port && port.postMessage({ ok: true, count: keys.length })));
  }
});
