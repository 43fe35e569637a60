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

  var TYPO_MIN = 5; // words this long forgive one typo (as site/search.py's TYPO_MIN)
  var TYPOS_PER_WORD = 8;

  function tokens(query) {
    return fold(query).split(/\s+/).map(function (t) {
      return t.replace(/^[^0-9a-z\u00c0-\uffff]+|[^0-9a-z\u00c0-\uffff]+$/g, "");
    }).filter(Boolean);
  }

  /* The collection's vocabulary (from the index): sorted long words, and hyphenated
   * compounds by their spelling without hyphens ("ceasefire" -> ["cease-fire"]). */
  function Vocabulary(vocab) {
    this.words = (vocab && vocab.words) || [];
    this.joined = Object.create(null);
    var compounds = (vocab && vocab.compounds) || [];
    for (var i = 0; i < compounds.length; i++) {
      var key = compounds[i].replace(/-/g, "");
      (this.joined[key] = this.joined[key] || []).push(compounds[i]);
    }
  }

  /* Does any word of the collection start with w? (binary search) */
  Vocabulary.prototype.hasPrefix = function (w) {
    var lo = 0, hi = this.words.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (this.words[mid] < w) { lo = mid + 1; } else { hi = mid; }
    }
    return lo < this.words.length && this.words[lo].lastIndexOf(w, 0) === 0;
  };

  Vocabulary.prototype.known = function (w) {
    return this.joined[w] !== undefined || this.hasPrefix(w);
  };

  /* Words of the collection one edit (insert, delete, replace, swap) away from w. */
  Vocabulary.prototype.nearby = function (w) {
    var out = [];
    for (var i = 0; i < this.words.length && out.length < TYPOS_PER_WORD; i++) {
      var v = this.words[i];
      if (Math.abs(v.length - w.length) <= 1 && oneEdit(w, v)) { out.push(v); }
    }
    return out;
  };

  function oneEdit(a, b) {
    if (a === b) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a.charAt(i) === b.charAt(i)) { i++; }
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) || (a.charAt(i) === b.charAt(i + 1) &&
        a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
  }

  /* The spellings that count as w: hyphen/space variants of a compound, and, for a long
   * word the collection does not have, the words one typo away. */
  function variants(w, vocab) {
    var out = [w], bare = w.replace(/[- ]/g, "");
    var compounds = vocab.joined[bare] || [];
    if (w.indexOf("-") !== -1 || w.indexOf(" ") !== -1) { out.push(bare); }
    compounds.forEach(function (c) { out.push(c, c.replace(/-/g, " ")); });
    if (w.indexOf("-") !== -1) { out.push(w.replace(/-/g, " ")); }
    if (bare.length >= TYPO_MIN && /^[a-z]+$/.test(bare) && !vocab.known(bare)) {
      out = out.concat(vocab.nearby(bare));
    }
    return out.filter(function (v, i) { return v && out.indexOf(v) === i; });
  }

  /* The query as groups of alternatives: a document must match one of each group.
   * Two words that the collection writes as one ("cease fire") form one group. */
  function groups(query, vocab) {
    var ws = tokens(query), out = [], seen = Object.create(null);
    for (var i = 0; i < ws.length; i++) {
      var w = ws[i];
      if (i + 1 < ws.length && vocab.joined[w + ws[i + 1]] !== undefined) {
        w = w + " " + ws[i + 1];
        i++;
      }
      if (seen[w]) { continue; }
      seen[w] = true;
      out.push(variants(w, vocab));
    }
    // longest (rarest) first: a document that lacks it is dropped soonest
    return out.sort(function (a, b) { return b[0].length - a[0].length; });
  }

  function flat(gs) {
    return gs.reduce(function (all, g) { return all.concat(g); }, []);
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

  /* People's other names (the people file's aliases), by canonical name. */
  function aliasesOf(entities) {
    var out = Object.create(null);
    entities.forEach(function (e) {
      if (e.kind === "person" && e.aliases.length) { out[e.name] = e.aliases; }
    });
    return out;
  }

  function prepareEntities(index) {
    return (index.entities || []).map(function (e) {
      var ent = { kind: e[0], name: e[1], url: e[2], detail: e[3], aliases: e[4] || [],
        links: e[5] || [] };
      ent.hName = fold(ent.name);
      ent.hAll = fold([ent.name].concat(ent.aliases).join(" \u2022 "));
      return ent;
    });
  }

  function prepare(index, aliases) {
    var f = {};
    index.fields.forEach(function (name, i) { f[name] = i; });
    return index.docs.map(function (d) {
      var doc = {
        url: d[f.url], title: d[f.title], date: d[f.date], datetime: d[f.datetime],
        trip: d[f.trip], tripUrl: d[f.trip_url] || "", people: d[f.people] || [], places: d[f.places] || [],
        summary: d[f.summary], body: d[f.body], source: d[f.source] || "", orgs: d[f.orgs] || []
      };
      var meta = doc.people.concat(doc.places, [doc.trip, doc.source], doc.orgs);
      doc.people.forEach(function (p) { if (aliases[p]) { meta = meta.concat(aliases[p]); } });
      doc.hTitle = fold(doc.title);
      doc.hMeta = fold(meta.join(" \u2022 "));
      doc.hSummary = fold(doc.summary);
      doc.hBody = fold(doc.body);
      return doc;
    });
  }

  var PHRASE_CANDIDATES = 200; // best matches re-ranked by whether the words are adjacent

  function termScore(d, t) {
    return countHits(d.hBody, t, 10) + countHits(d.hTitle, t, 3) * 8 +
      countHits(d.hMeta, t, 3) * 5 + countHits(d.hSummary, t, 3) * 3;
  }

  function search(docs, gs, query) {
    if (!gs.length) { return []; }
    var out = [];
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i];
      var score = 0;
      for (var j = 0; j < gs.length; j++) {
        var best = 0;
        for (var k = 0; k < gs[j].length; k++) { best = Math.max(best, termScore(d, gs[j][k])); }
        if (best === 0) { score = 0; break; }
        score += best;
      }
      if (score) { out.push({ doc: d, score: score }); }
    }
    out.sort(byScore);
    if (gs.length > 1) {
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

  /* People, trips and places whose name or other names match every group. */
  function searchEntities(entities, gs) {
    if (!gs.length) { return []; }
    var out = [];
    entities.forEach(function (e, order) {
      var score = 0;
      for (var j = 0; j < gs.length; j++) {
        var best = 0;
        for (var k = 0; k < gs[j].length; k++) {
          if (firstHit(e.hName, gs[j][k], 0) !== -1) { best = 2; break; }
          if (firstHit(e.hAll, gs[j][k], 0) !== -1) { best = 1; }
        }
        if (!best) { return; }
        score += best;
      }
      out.push({ entity: e, score: score, order: order });
    });
    return out.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
  }

  var KINDS = { person: "Person", trip: "Trip", place: "Place" };

  function renderEntity(hit, siteurl) {
    var e = hit.entity;
    var li = el("li", "entity entity-" + e.kind);
    var name = el(e.url ? "a" : "span", "entity-name", e.name);
    if (e.url) { name.href = safeHref(siteurl, e.url); }
    li.appendChild(name);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", "chip entity-kind", KINDS[e.kind] || e.kind));
    if (e.detail) { li.appendChild(el("span", "entity-detail", " " + e.detail)); }
    if (e.links.length) {
      var on = el("span", "entity-links", " \u00b7 on ");
      e.links.forEach(function (l, i) {
        if (i) { on.appendChild(document.createTextNode(", ")); }
        var a = el("a", "", l[0]);
        a.href = safeHref(siteurl, l[1]);
        on.appendChild(a);
      });
      li.appendChild(on);
    }
    return li;
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
    var h = el("h3", "result-title");
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
    if (d.source) { meta.appendChild(el("span", "source", d.source)); }
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
    var found = document.getElementById("search-entities");
    var more = document.getElementById("search-more");
    if (!form || !input || !status || !list) { return; }
    var index = window.NEWS_DIGEST_INDEX;
    if (!index || !index.docs) {
      status.textContent = "The search index (search-index.js) did not load. Rebuild the site.";
      return;
    }
    var vocab = new Vocabulary(index.vocab);
    var entities = prepareEntities(index);
    var docs = prepare(index, aliasesOf(entities));
    var siteurl = list.getAttribute("data-siteurl") || "";
    var baseTitle = document.title;
    var results = [], shown = 0, ts = [], timer = 0;
    form.classList.add("ready");

    function showMore() {
      var frag = document.createDocumentFragment();
      var stop = Math.min(results.length, shown + PAGE);
      for (; shown < stop; shown++) { frag.appendChild(renderResult(results[shown], ts, siteurl)); }
      list.appendChild(frag);
      if (more) { more.hidden = shown >= results.length; }
    }

    function showEntities(hits) {
      if (!found) { return; }
      found.textContent = "";
      var frag = document.createDocumentFragment();
      hits.slice(0, 8).forEach(function (h) { frag.appendChild(renderEntity(h, siteurl)); });
      found.appendChild(frag);
      found.hidden = !hits.length;
      var heading = document.getElementById("search-entities-h");
      if (heading) { heading.hidden = !hits.length; }
    }

    function say(query, n, m) {
      var q = "\u201c" + query.trim() + "\u201d";
      if (!ts.length) {
        status.textContent = "Type a word or a name: " + docs.length +
          " articles are searched by title, people, places, outlet, summary and full text.";
      } else if (!n && !m) {
        status.textContent = "Nothing matches " + q + ".";
      } else {
        status.textContent = (m ? m + (m === 1 ? " person, trip or place" :
          " people, trips or places") + " and " : "") + n +
          (n === 1 ? " article match " : " articles match ") + q + ".";
      }
      document.title = query.trim() ? q + " \u00b7 " + baseTitle : baseTitle;
    }

    /* History: each query the reader submits or types is one entry, so Back returns to
     * the previous query. The first keystroke after a query adds the entry, the next
     * ones (and the submit that ends them) update it. */
    var typing = false;

    function remember(query, how) {
      if (!how || !window.history || !window.history.replaceState) { return; }
      try {
        var url = new URL(window.location.href);
        if ((url.searchParams.get("q") || "") === query) { typing = typing && how === "type"; return; }
        if (query.trim()) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
        if (typing) { window.history.replaceState(null, "", url.href); }
        else { window.history.pushState(null, "", url.href); }
        typing = how === "type";
      } catch (e) { /* some file:// contexts refuse; the results still show */ }
    }

    function run(query, how) {
      var t0 = performance.now();
      var gs = groups(query, vocab);
      ts = flat(gs);
      results = search(docs, gs, query);
      var hits = searchEntities(entities, gs);
      var ms = performance.now() - t0;
      list.textContent = "";
      shown = 0;
      showMore();
      showEntities(hits);
      list.setAttribute("data-ms", ms.toFixed(2));
      say(query, results.length, hits.length);
      remember(query, how);
    }

    function fromLocation() {
      var q = "";
      try { q = new URLSearchParams(window.location.search).get("q") || ""; } catch (e) { q = ""; }
      input.value = q;
      run(q, null);
      return q;
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      run(input.value, "submit");
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value, "type"); }, 120);
    });
    window.addEventListener("popstate", function () { typing = false; fromLocation(); });
    if (more) { more.addEventListener("click", showMore); }

    if (!fromLocation()) { input.focus(); }

    window.NewsDigestSearch = {
      query: function (text) {
        var t0 = performance.now();
        var n = search(docs, groups(text, vocab), text).length;
        return { count: n, ms: performance.now() - t0 };
      },
      entities: function (text) {
        return searchEntities(entities, groups(text, vocab)).map(function (h) {
          return h.entity.kind + ":" + h.entity.name;
        });
      }
    };
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
