/* Site search: short and common words match whole words only.

   Why: Material for MkDocs 9.8.1 puts a trailing wildcard on every word of a query (its search worker's
   query/transform), and lunr skips its stop-word filter for a word with a wildcard. So "he" matched "help",
   "health" and "here", "her" matched "here", "the" matched "therapy", and "he won't leave his room" put
   "Get help now" first. Material has no setting for this: `separator` and `pipeline` in mkdocs.yml shape the
   index, not the query, and there is no query hook in 9.8.1. So this file rewrites the one message the page
   sends to the search worker ({type: 2, data: "the query"}; 2 is SearchMessageType.QUERY, the third of
   SETUP, READY, QUERY, RESULT in Material's integrations/search/worker/message). The rules:
   - a word of one letter, or one of lunr's English stop words (Material's index leaves those out, so they
     could only ever match the start of another word), is dropped;
   - a contraction is a stop word too ("won't", "I'm", "they're"); a possessive keeps its word ("mum's": mum);
   - a word of two letters matches only itself ("gp" finds GP, not gps): lunr reads "gp^1" as a whole word;
   - words of three letters or more keep Material's wildcard, so "med" still finds medicine;
   - a few words relatives type that the site does not use on purpose are read as the site's word: safe
     messaging keeps self-harm methods out of the pages, so "cutting" is searched as "self harm".
   A query with quotes or lunr's modifiers (+ ~ ^ * :) is left as typed. tests/test_search.py fails if an upgrade
   changes the message ("he" must not find "help"). */
(function () {
  "use strict";
  if (window.psSearchWords) return;

  var QUERY = 2;
  var STOP = new Set(("a able about across after all almost also am among an and any are as at be because been but by " +
    "can cannot could dear did do does either else ever every for from get got had has have he her hers him his " +
    "how however i if in into is it its just least let like likely may me might most must my neither no nor not " +
    "of off often on only or other our own rather said say says she should since so some than that the their " +
    "them then there these they this tis to too twas us wants was we were what when where which while who whom " +
    "why will with would yet you your").split(" "));  // lunr 2.3.9's English stop words

  var THEIR_WORDS = { cutting: "self harm" };  // their word -> the site's words (see the list above)

  function word(raw) {
    var w = raw.toLowerCase().replace(/[\u2018\u2019]/g, "'")
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");          // "room." -> room, "carers'" -> carers
    var parts = /^(\p{L}+)'(s|t|m|re|ve|ll|d)$/u.exec(w);
    if (parts) {
      if (parts[2] !== "s" || STOP.has(parts[1])) return "";   // won't, i'm, they're, he's: function words
      w = parts[1];                                              // mum's -> mum
    }
    if (w.length < 2 || STOP.has(w)) return "";
    if (Object.prototype.hasOwnProperty.call(THEIR_WORDS, w)) return THEIR_WORDS[w];
    return w.length === 2 ? w + "^1" : w;
  }

  function tighten(query) {
    if (/["+~^*:]/.test(query)) return query;                   // query syntax typed on purpose: as typed
    return query.split(/[\s\-\u2010-\u2015]+/).map(word).filter(Boolean).join(" ");
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var args = Array.prototype.slice.call(arguments);
      args[0] = Object.assign({}, message, { data: tighten(message.data) });
      return post.apply(this, args);
    }
    return post.apply(this, arguments);
  };
  window.psSearchWords = { tighten: tighten };
})();
