/* Offline search for the news digest.
 * The index (window.NEWS_DIGEST_INDEX) comes from search-index.js, loaded by a
 * plain <script src>, so this works from file:// with no fetch and no server.
 * Results are built with DOM APIs and textContent only: index text is data. */
(function () {
  "use strict";

  var PAGE = 50; // results rendered per "Show more"
  var QUOTES = { "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": "\"", "\u201d": "\"", "\u201e": "\"", "\u2033": "\"",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " " };
  var foldCache = Object.create(null);

  /* One UTF-16 unit to one lower-case, accent-free unit, so offsets in the folded
   * text are offsets in the original (snippets are cut from the original). */
  function foldChar(c) {
    var hit = foldCache[c];
    if (hit !== undefined) { return hit; }
    var out = QUOTES[c];
    if (out === undefined) {
      out = c.normalize("NFD").charAt(0).toLowerCase();
      if (out.length !== 1) { out = c; }
    }
    foldCache[c] = out;
    return out;
  }

  function fold(text) {
    var out = text.replace(/[^\x00-\x7f]/g, foldChar).toLowerCase();
    if (out.length === text.length) { return out; }
    // Rare: a character whose lower case is longer; fold one unit at a time.
    var parts = [];
    for (var i = 0; i < text.length; i++) {
      var c = foldChar(text.charAt(i)).toLowerCase();
      parts.push(c.length === 1 ? c : text.charAt(i));
    }
    return parts.join("");
  }

  /* Letters and digits of the folded text (Latin, Greek, Cyrillic, Hebrew, Arabic). */
  function isWordCode(c) {
    return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f) ||
      (c >= 0x370 && c <= 0x6ff);
  }

  function terms(query) {
    var seen = Object.create(null);
    return fold(query).split(/\s+/).map(function (t) {
      return t.replace(/^[^0-9a-z\u00c0-\uffff]+|[^0-9a-z\u00c0-\uffff]+$/g, "");
    }).filter(function (t) {
      if (!t || seen[t]) { return false; }
      seen[t] = true;
      return true;
    }).sort(function (a, b) { return b.length - a.length; }); // longest (rarest) first
  }

  /* Where term starts a word in hay: the first such position, or -1. */
  function firstHit(hay, term, from) {
    var at = hay.indexOf(term, from || 0);
    while (at > 0 && isWordCode(hay.charCodeAt(at - 1))) { at = hay.indexOf(term, at + 1); }
    return at;
  }

  /* How many times term starts a word in hay, counting at most cap. */
  function countHits(hay, term, cap) {
    var n = 0;
    var at = firstHit(hay, term, 0);
    while (at !== -1 && n < cap) {
      n++;
      at = firstHit(hay, term, at + term.length);
    }
    return n;
  }

  function prepare(index) {
    var f = {};
    index.fields.forEach(function (name, i) { f[name] = i; });
    return index.docs.map(function (d) {
      var doc = {
        url: d[f.url], title: d[f.title], date: d[f.date], datetime: d[f.datetime],
        trip: d[f.trip], tripUrl: d[f.trip_url] || "", people: d[f.people] || [], places: d[f.places] || [],
        summary: d[f.summary], body: d[f.body]
      };
      doc.hTitle = fold(doc.title);
      doc.hMeta = fold(doc.people.concat(doc.places, [doc.trip]).join(" \u2022 "));
      doc.hSummary = fold(doc.summary);
      doc.hBody = fold(doc.body);
      return doc;
    });
  }

  var PHRASE_CANDIDATES = 200; // best matches re-ranked by whether the words are adjacent

  function search(docs, query) {
    var ts = terms(query);
    if (!ts.length) { return []; }
    var out = [];
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i];
      var score = 0;
      for (var j = 0; j < ts.length; j++) {
        var t = ts[j];
        var s = countHits(d.hBody, t, 10);
        s += countHits(d.hTitle, t, 3) * 8 + countHits(d.hMeta, t, 3) * 5 +
          countHits(d.hSummary, t, 3) * 3;
        if (s === 0) { score = 0; break; }
        score += s;
      }
      if (score) { out.push({ doc: d, score: score }); }
    }
    out.sort(byScore);
    if (ts.length > 1) {
      var phrase = fold(query).replace(/\s+/g, " ").trim();
      var top = out.slice(0, PHRASE_CANDIDATES);
      top.forEach(function (r) {
        if (r.doc.hTitle.indexOf(phrase) !== -1) { r.score += 20; }
        if (r.doc.hBody.indexOf(phrase) !== -1) { r.score += 10; }
      });
      top.sort(byScore);
      out = top.concat(out.slice(PHRASE_CANDIDATES));
    }
    return out;
  }

  function byScore(a, b) {
    return b.score - a.score || (b.doc.datetime > a.doc.datetime ? 1 :
      b.doc.datetime < a.doc.datetime ? -1 : 0);
  }

  /* A window of text around the first hit, with every hit marked. */
  function snippet(doc, ts) {
    var text = doc.body, hay = doc.hBody, first = -1, k, p;
    for (k = 0; k < ts.length; k++) {
      p = firstHit(hay, ts[k], 0);
      if (p !== -1 && (first === -1 || p < first)) { first = p; }
    }
    if (first === -1) { text = doc.summary; hay = doc.hSummary; first = 0; }
    var start = Math.max(0, first - 70);
    if (start > 0) {
      var space = text.indexOf(" ", start);
      if (space !== -1 && space < first) { start = space + 1; }
    }
    var end = Math.min(text.length, start + 220);
    if (end < text.length) {
      var back = text.lastIndexOf(" ", end);
      if (back > first) { end = back; }
    }
    var marks = [];
    for (k = 0; k < ts.length; k++) {
      var at = firstHit(hay, ts[k], start);
      while (at !== -1 && at < end) {
        marks.push([at, at + ts[k].length]);
        at = firstHit(hay, ts[k], at + ts[k].length);
      }
    }
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var frag = document.createDocumentFragment();
    var pos = start;
    if (start > 0) { frag.appendChild(document.createTextNode("\u2026 ")); }
    marks.forEach(function (m) {
      if (m[0] < pos) { return; }
      frag.appendChild(document.createTextNode(text.slice(pos, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], Math.min(m[1], end));
      frag.appendChild(mark);
      pos = Math.min(m[1], end);
    });
    frag.appendChild(document.createTextNode(text.slice(pos, end)));
    if (end < text.length) { frag.appendChild(document.createTextNode(" \u2026")); }
    return frag;
  }

  function safeHref(siteurl, url) {
    if (/^[a-z][a-z0-9+.\-]*:/i.test(url) || url.charAt(0) === "/") { return "#"; }
    return (siteurl ? siteurl + "/" : "") + url;
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function renderResult(hit, ts, siteurl) {
    var d = hit.doc;
    var li = el("li", "result");
    var h = el("h2", "result-title");
    var a = el("a", "", d.title);
    a.href = safeHref(siteurl, d.url);
    h.appendChild(a);
    li.appendChild(h);
    var meta = el("p", "meta");
    if (d.datetime) {
      var time = el("time", "date", d.date);
      time.setAttribute("datetime", d.datetime);
      meta.appendChild(time);
    } else if (d.date) {
      meta.appendChild(el("span", "date approximate", d.date));
    } else {
      meta.appendChild(el("span", "date undated", "Undated"));
    }
    if (d.trip) {
      meta.appendChild(document.createTextNode(" "));
      var trip = el(d.tripUrl ? "a" : "span", "chip chip-trip", d.trip);
      if (d.tripUrl) { trip.href = safeHref(siteurl, d.tripUrl); }
      meta.appendChild(trip);
    }
    li.appendChild(meta);
    var p = el("p", "snippet");
    p.appendChild(snippet(d, ts));
    li.appendChild(p);
    if (d.people.length) {
      var people = el("p", "result-people");
      people.appendChild(el("span", "visually-hidden", "People: "));
      people.appendChild(document.createTextNode(d.people.slice(0, 6).join(", ") +
        (d.people.length > 6 ? ", \u2026" : "")));
      li.appendChild(people);
    }
    return li;
  }

  function start() {
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-input");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    if (!form || !input || !status || !list) { return; }
    var index = window.NEWS_DIGEST_INDEX;
    if (!index || !index.docs) {
      status.textContent = "The search index (search-index.js) did not load. Rebuild the site.";
      return;
    }
    var docs = prepare(index);
    var siteurl = list.getAttribute("data-siteurl") || "";
    var results = [], shown = 0, ts = [], timer = 0;
    form.classList.add("ready");

    function showMore() {
      var frag = document.createDocumentFragment();
      var stop = Math.min(results.length, shown + PAGE);
      for (; shown < stop; shown++) { frag.appendChild(renderResult(results[shown], ts, siteurl)); }
      list.appendChild(frag);
      if (more) { more.hidden = shown >= results.length; }
    }

    function run(query, push) {
      var t0 = performance.now();
      ts = terms(query);
      results = search(docs, query);
      var ms = performance.now() - t0;
      list.textContent = "";
      shown = 0;
      showMore();
      list.setAttribute("data-ms", ms.toFixed(2));
      if (!ts.length) {
        status.textContent = "Type a word or a name: " + docs.length +
          " articles are searched by title, people, places, summary and full text.";
      } else if (!results.length) {
        status.textContent = "No articles match \u201c" + query.trim() + "\u201d.";
      } else {
        status.textContent = results.length + (results.length === 1 ? " article matches" :
          " articles match") + " \u201c" + query.trim() + "\u201d.";
      }
      if (push && window.history && window.history.replaceState) {
        try {
          var url = new URL(window.location.href);
          if (query.trim()) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
          window.history.replaceState(null, "", url.href);
        } catch (e) { /* some file:// contexts refuse; the results still show */ }
      }
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      run(input.value, true);
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value, true); }, 120);
    });
    if (more) { more.addEventListener("click", showMore); }

    var q = "";
    try { q = new URLSearchParams(window.location.search).get("q") || ""; } catch (e) { q = ""; }
    input.value = q;
    run(q, false);

    window.NewsDigestSearch = {
      query: function (text) {
        var t0 = performance.now();
        var n = search(docs, text).length;
        return { count: n, ms: performance.now() - t0 };
      }
    };
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
