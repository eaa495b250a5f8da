/*
 * densho search client — plain JavaScript, no build step.
 *
 * The engine below is the same algorithm as Sources/Search (Swift): same normalisation, same
 * shard hash, same matching, ranking and snippets, so the browser and `densho search` give the
 * same results in the same order. Index format: docs/search-index.md.
 *
 * Index files are scripts that call densho_search_register(id, data); they are loaded with
 * <script> tags, which works over HTTP and from file:// (where fetch does not).
 */
(function (global) {
  'use strict';

  // ---------------------------------------------------------------- normalisation

  /** NFKC, then lowercase scalar by scalar (Σ always → σ: no Final_Sigma rule, as in Swift). */
  function normalize(s) {
    return String(s).normalize('NFKC').replace(/\u03A3/g, '\u03C3').toLowerCase();
  }

  function lowerScalar(cp) {
    if (cp < 0x80) return cp >= 0x41 && cp <= 0x5A ? [cp + 32] : [cp];
    return codePoints(String.fromCodePoint(cp).toLowerCase());
  }

  function codePoints(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xD800 && c < 0xDC00 && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d < 0xE000) { out.push((c - 0xD800) * 0x400 + (d - 0xDC00) + 0x10000); i++; continue; }
      }
      out.push(c);
    }
    return out;
  }

  function fromCodePoints(cps, start, end) {
    var s = '';
    for (var i = start; i < end; i++) s += String.fromCodePoint(cps[i]);
    return s;
  }

  function isSpace(v) {
    return (v >= 0x09 && v <= 0x0D) || v === 0x20 || v === 0x85 || v === 0xA0 || v === 0x1680 ||
      (v >= 0x2000 && v <= 0x200A) || v === 0x2028 || v === 0x2029 || v === 0x202F ||
      v === 0x205F || v === 0x3000 || v === 0xFEFF;
  }

  function isWord(v) {
    return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) ||
      (v >= 0xC0 && v <= 0xD6) || (v >= 0xD8 && v <= 0xF6) || (v >= 0xF8 && v <= 0x24F) ||
      (v >= 0x300 && v <= 0x36F) || (v >= 0x1E00 && v <= 0x1EFF);
  }

  // ---------------------------------------------------------------- encoding

  var VLQ_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  var VLQ_VALUE = new Int8Array(128).fill(-1);
  for (var vi = 0; vi < VLQ_DIGITS.length; vi++) VLQ_VALUE[VLQ_DIGITS.charCodeAt(vi)] = vi;

  /** Unsigned base-64 VLQ: 5 bits per digit, least significant first, 32 = more follows. */
  function vlqDecode(text) {
    var out = [], current = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      var digit = c < 128 ? VLQ_VALUE[c] : -1;
      if (digit < 0) throw new Error('densho search: bad index data');
      current += (digit & 31) * Math.pow(2, shift);
      if (digit & 32) { shift += 5; } else { out.push(current); current = 0; shift = 0; }
    }
    return out;
  }

  /** FNV-1a (32-bit) over code points, as ShardHash in Swift. */
  function shardOf(cps, count) {
    var h = 0x811C9DC5;
    for (var i = 0; i < cps.length; i++) { h ^= cps[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h % Math.max(count, 1);
  }

  function info(position, fieldClass) { return fieldClass + 3 * Math.min(position >> 4, 340); }

  // ---------------------------------------------------------------- query terms

  function parseTerms(text) {
    var cps = codePoints(normalize(text)), pieces = [], cur = [];
    for (var i = 0; i < cps.length; i++) {
      if (isSpace(cps[i])) { if (cur.length) { pieces.push(cur); cur = []; } } else cur.push(cps[i]);
    }
    if (cur.length) pieces.push(cur);
    return pieces.map(function (p, i) {
      var latin = p.every(isWord);
      return { cps: p, str: fromCodePoints(p, 0, p.length), word: latin, prefix: latin && i === pieces.length - 1 };
    });
  }

  function coveringOffsets(length) {
    var out = [];
    for (var o = 0; o < length - 1; o += 2) out.push(o);
    if (out[out.length - 1] !== length - 2) out.push(length - 2);
    return out;
  }

  function decodeDocPostings(text) {
    var v = vlqDecode(text), docs = [], infos = [], doc = -1;
    for (var i = 0; i + 1 < v.length; i += 2) { doc += v[i] + 1; docs.push(doc); infos.push(v[i + 1]); }
    return { docs: docs, infos: infos };
  }

  /** Positional postings: per document head = gap*2 + (more than one), [count-2], v0, deltas-1. */
  function decodePositions(text) {
    var v = vlqDecode(text), docs = [], starts = [], values = [], doc = -1, i = 0;
    while (i < v.length) {
      var head = v[i];
      doc += Math.floor(head / 2) + 1;
      i += 1;
      var count = 1;
      if (head & 1) {
        if (i >= v.length) break;
        count = v[i] + 2;
        i += 1;
      }
      if (i + count > v.length) break;
      docs.push(doc); starts.push(values.length);
      var x = -1;
      for (var k = 0; k < count; k++) { x += v[i + k] + 1; values.push(x); }
      i += count;
    }
    starts.push(values.length);
    return { docs: docs, starts: starts, values: values };
  }

  function documentMatches(list) {
    var out = { docs: list.docs, infos: [] };
    for (var i = 0; i < list.docs.length; i++) {
      var first = list.values[list.starts[i]];
      out.infos.push(info(Math.floor(first / 3), first % 3));
    }
    return out;
  }

  function union(lists) {
    if (lists.length === 1) return lists[0];
    var pairs = [];
    lists.forEach(function (l) { for (var i = 0; i < l.docs.length; i++) pairs.push([l.docs[i], l.infos[i]]); });
    pairs.sort(function (a, b) { return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]; });
    var out = { docs: [], infos: [] };
    pairs.forEach(function (p) {
      if (out.docs.length && out.docs[out.docs.length - 1] === p[0]) return;
      out.docs.push(p[0]); out.infos.push(p[1]);
    });
    return out;
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  function hasPosition(values, from, to, position) {
    var lo = from, hi = to;
    while (lo < hi) {
      var mid = (lo + hi) >> 1, p = Math.floor(values[mid] / 3);
      if (p === position) return true;
      if (p < position) lo = mid + 1; else hi = mid;
    }
    return false;
  }

  function verifyPhrase(lists, offsets) {
    var out = { docs: [], infos: [] }, cursors = lists.map(function () { return 0; }), first = lists[0];
    docLoop:
    for (var i0 = 0; i0 < first.docs.length; i0++) {
      var doc = first.docs[i0];
      for (var j = 1; j < lists.length; j++) {
        var docs = lists[j].docs, c = cursors[j];
        while (c < docs.length && docs[c] < doc) c++;
        cursors[j] = c;
        if (c === docs.length) break docLoop;
        if (docs[c] !== doc) continue docLoop;
      }
      for (var k = first.starts[i0]; k < first.starts[i0 + 1]; k++) {
        var v = first.values[k], p = Math.floor(v / 3), all = true;
        for (var m = 1; m < lists.length && all; m++) {
          var l = lists[m], at = cursors[m];
          all = hasPosition(l.values, l.starts[at], l.starts[at + 1], p + offsets[m]);
        }
        if (all) { out.docs.push(doc); out.infos.push(info(p, v % 3)); break; }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- snippets

  var SNIPPET_WIDTH = 100, SNIPPET_LEAD = 30;

  function occurrences(terms, source) {
    if (!terms.length) return [];
    var normal = [], origin = [];
    for (var i = 0; i < source.length; i++) {
      var lowered = lowerScalar(source[i]);
      for (var k = 0; k < lowered.length; k++) { normal.push(lowered[k]); origin.push(i); }
    }
    var found = [];
    function add(a, b) { found.push([origin[a], origin[b - 1] + 1]); }
    terms.forEach(function (term) {
      var t = term.cps, a, x;
      if (!term.word) {
        for (a = 0; a + t.length <= normal.length; a++) {
          for (x = 0; x < t.length && normal[a + x] === t[x]; x++);
          if (x === t.length) add(a, a + t.length);
        }
        return;
      }
      var n = 0;
      while (n < normal.length) {
        if (!isWord(normal[n])) { n++; continue; }
        var start = n;
        while (n < normal.length && isWord(normal[n])) n++;
        var len = n - start, ok = term.prefix ? len >= t.length : len === t.length;
        for (x = 0; ok && x < t.length; x++) ok = normal[start + x] === t[x];
        if (ok) add(start, start + t.length);
      }
    });
    return found;
  }

  function makeSnippet(fields, terms) {
    var chosen = null, occ = [], firstNonEmpty = null;
    for (var f = 0; f < fields.length; f++) {
      var source = codePoints(fields[f]);
      if (!source.length) continue;
      if (!firstNonEmpty) firstNonEmpty = source;
      var found = occurrences(terms, source);
      if (found.length) { chosen = source; occ = found; break; }
    }
    if (!occ.length) chosen = firstNonEmpty || [];
    if (!chosen.length) return { text: '', highlights: [] };
    var anchor = occ.length ? Math.min.apply(null, occ.map(function (r) { return r[0]; })) : 0;
    var end = Math.min(chosen.length, Math.max(0, anchor - SNIPPET_LEAD) + SNIPPET_WIDTH);
    var start = Math.max(0, end - SNIPPET_WIDTH);
    var text = start > 0 ? '\u2026' : '', offsets = [], offset = text.length;
    for (var i = start; i < end; i++) {
      offsets.push(offset);
      text += String.fromCodePoint(chosen[i]);
      offset += chosen[i] > 0xFFFF ? 2 : 1;
    }
    offsets.push(offset);
    if (end < chosen.length) text += '\u2026';
    occ.sort(function (a, b) { return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]; });
    var ranges = [];
    occ.forEach(function (r) {
      if (r[0] < start || r[1] > end) return;
      var m = [offsets[r[0] - start], offsets[r[1] - start]], last = ranges[ranges.length - 1];
      if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]); else ranges.push(m);
    });
    return { text: text, highlights: ranges };
  }

  // ---------------------------------------------------------------- engine

  var FIELD_WEIGHTS = [16, 4, 1];

  /**
   * loadShard(id) → Promise of the data registered by file <id>.js. Returns
   * { manifest(): Promise, query(text, filters, limit): Promise<{total, results}> }.
   */
  function createEngine(loadShard) {
    var cache = new Map();
    function load(id, transform) {
      if (!cache.has(id)) {
        var p = Promise.resolve(loadShard(id)).then(transform || function (d) { return d; });
        // a file that failed to load (server hiccup) is tried again by the next query
        p.catch(function () { if (cache.get(id) === p) cache.delete(id); });
        cache.set(id, p);
      }
      return cache.get(id);
    }
    function pairMap(data) {
      var m = new Map();
      for (var i = 0; i + 1 < data.length; i += 2) m.set(data[i], data[i + 1]);
      return m;
    }
    function pairList(data) {
      var l = [];
      for (var i = 0; i + 1 < data.length; i += 2) l.push([data[i], data[i + 1]]);
      return l;
    }
    function manifest() {
      return load('index').then(function (m) {
        if (m.format !== 'densho-search' || m.version !== 1) throw new Error('densho search: unsupported index version');
        return m;
      });
    }

    function termMatches(m, term) {
      var none = { docs: [], infos: [] };
      if (term.word) {
        var keys = [];
        if (term.prefix && term.cps.length === 1) {
          m.wordKeys.forEach(function (k) {
            var kc = codePoints(k);
            if (kc[0] === term.cps[0]) keys.push(shardOf(kc, m.shards.w));
          });
          keys = Array.from(new Set(keys)).sort(function (a, b) { return a - b; });
        } else {
          keys = [shardOf(term.cps.slice(0, 2), m.shards.w)];
        }
        return Promise.all(keys.map(function (k) { return load('w-' + k, pairList); })).then(function (shards) {
          var lists = [];
          shards.forEach(function (list) {
            list.forEach(function (e) {
              if (term.prefix ? e[0].startsWith(term.str) : e[0] === term.str) lists.push(decodeDocPostings(e[1]));
            });
          });
          return lists.length ? union(lists) : none;
        });
      }
      if (term.cps.length <= 2) {
        return load('g-' + shardOf(term.cps, m.shards.g), pairMap).then(function (map) {
          var p = map.get(term.str);
          if (p !== undefined) return decodeDocPostings(p);
          if (term.cps.length === 1) return none;
          // bigrams without a document-level copy: read it off their positions
          return load('p-' + shardOf(term.cps, m.shards.p), pairMap).then(function (pm) {
            var q = pm.get(term.str);
            return q === undefined ? none : documentMatches(decodePositions(q));
          });
        });
      }
      var offsets = coveringOffsets(term.cps.length);
      return Promise.all(offsets.map(function (o) {
        var gram = term.cps.slice(o, o + 2);
        return load('p-' + shardOf(gram, m.shards.p), pairMap).then(function (map) {
          return map.get(fromCodePoints(gram, 0, 2));
        });
      })).then(function (postings) {
        if (postings.some(function (p) { return p === undefined; })) return none;
        return verifyPhrase(postings.map(decodePositions), offsets);
      });
    }

    function facetDocs(id) {
      return load(id, function (text) {
        var gaps = vlqDecode(text), doc = -1;
        return gaps.map(function (g) { doc += g + 1; return doc; });
      });
    }

    function query(text, filters, limit) {
      filters = filters || {};
      limit = limit === undefined ? 20 : Math.max(0, limit);
      return manifest().then(function (m) {
        var terms = parseTerms(text || '');
        var facetNames = Object.keys(filters).filter(function (f) { return filters[f]; }).sort(compareScalars);
        var facetIds = [];
        for (var i = 0; i < facetNames.length; i++) {
          var facet = m.facets.find(function (f) { return f.name === facetNames[i]; });
          var entry = facet && facet.values.find(function (v) { return v.value === filters[facetNames[i]]; });
          if (!entry) return { total: 0, results: [] };
          facetIds.push(entry.shard);
        }
        return Promise.all([
          Promise.all(facetIds.map(facetDocs)),
          Promise.all(terms.map(function (t) { return termMatches(m, t); }))
        ]).then(function (loaded) {
          return rank(m, terms, loaded[0], loaded[1], limit);
        });
      });
    }

    function rank(m, terms, facetLists, matches, limit) {
      if (matches.some(function (x) { return !x.docs.length; })) return { total: 0, results: [] };
      var docs = null;
      facetLists.forEach(function (l) { docs = docs ? intersect(docs, l) : l; });
      if (!docs) {
        if (matches.length) {
          docs = matches.reduce(function (a, b) { return b.docs.length < a.docs.length ? b : a; }).docs;
        } else {
          docs = [];
          for (var d = 0; d < m.documents; d++) docs.push(d);
        }
      }
      matches.forEach(function (x) { docs = intersect(docs, x.docs); });
      var cursors = matches.map(function () { return 0; });
      var ranked = docs.map(function (doc) {
        var score = 0, low = Infinity, high = -Infinity;
        for (var t = 0; t < matches.length; t++) {
          var x = matches[t], c = cursors[t];
          while (x.docs[c] < doc) c++;
          cursors[t] = c;
          var inf = x.infos[c], bucket = Math.floor(inf / 3);
          score += FIELD_WEIGHTS[inf % 3];
          low = Math.min(low, bucket); high = Math.max(high, bucket);
        }
        return { doc: doc, score: score, span: matches.length ? high - low : 0 };
      });
      ranked.sort(function (a, b) {
        if (a.score !== b.score) return b.score - a.score;
        if (a.span !== b.span) return a.span - b.span;
        return a.doc - b.doc;
      });
      var top = ranked.slice(0, limit);
      return Promise.all(top.map(function (r) {
        var shard = Math.floor(r.doc / m.docsPerShard);
        return load('d-' + shard).then(function (entries) {
          var e = entries[r.doc % m.docsPerShard];
          var snippet = makeSnippet([e[5]].concat(e[4], [e[6]]), terms);
          return { url: e[0], title: e[1], type: e[2], date: e[3], snippet: snippet.text, highlights: snippet.highlights };
        });
      })).then(function (results) { return { total: ranked.length, results: results }; });
    }

    return { manifest: manifest, query: query };
  }

  /** Order by code points, as Swift sorts filter names. */
  function compareScalars(a, b) {
    var x = codePoints(a), y = codePoints(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  }

  // ---------------------------------------------------------------- browser loading

  // id → the loads waiting for that file; more than one when two engines ask at once.
  var pending = new Map();

  /** Called by every index file. */
  function register(id, data) {
    var waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    waiting.forEach(function (w) { w.resolve(data); });
  }

  function settle(id, error) {
    var waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    waiting.forEach(function (w) { w.reject(error); });
  }

  function scriptLoader(base) {
    return function (id) {
      return new Promise(function (resolve, reject) {
        var waiting = pending.get(id);
        if (waiting) { waiting.push({ resolve: resolve, reject: reject }); return; }
        pending.set(id, [{ resolve: resolve, reject: reject }]);
        var script = document.createElement('script');
        script.src = base + 'search/' + encodeURIComponent(id) + '.js';
        script.async = true;
        script.onerror = function () {
          script.remove();
          settle(id, new Error('densho search: cannot load ' + script.src));
        };
        script.onload = function () {
          script.remove();
          settle(id, new Error('densho search: ' + id + ' did not register'));
        };
        document.head.appendChild(script);
      });
    };
  }

  // ---------------------------------------------------------------- search page UI

  var STRINGS = {
    ja: {
      search: '検索', placeholder: 'キーワード（スペースで区切ると絞り込み）', none: '該当なし', all: 'すべて',
      filters: '絞り込み', error: '検索インデックスを読み込めませんでした',
      count: function (n, shown) { return n + ' 件' + (shown < n ? '（上位 ' + shown + ' 件を表示）' : ''); },
      facets: { type: '種類', theme: 'テーマ', company: '企業', person: '担当者', partner: '支援機関', year: '年' },
      types: { visit: '訪問記録', company: '企業カルテ', playbook: '伴走のてびき', person: '担当者', partner: '支援機関' }
    },
    en: {
      search: 'Search', placeholder: 'Type to search (spaces narrow down)', none: 'No results', all: 'All',
      filters: 'Filters', error: 'Could not load the search index',
      count: function (n, shown) {
        return n + (n === 1 ? ' result' : ' results') + (shown < n ? ' (showing the first ' + shown + ')' : '');
      },
      facets: { type: 'Type', theme: 'Theme', company: 'Company', person: 'Person', partner: 'Partner', year: 'Year' },
      types: { visit: 'Visit', company: 'Company', playbook: 'Playbook', person: 'Person', partner: 'Partner' }
    }
  };

  var PAGE_LIMIT = 50, DEBOUNCE_MS = 150;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** Snippet as text nodes and <mark> elements — never innerHTML with content. */
  function highlighted(snippet, ranges) {
    var p = el('p', { 'class': 'densho-search-snippet' }), at = 0;
    ranges.forEach(function (r) {
      if (r[0] > at) p.appendChild(document.createTextNode(snippet.slice(at, r[0])));
      p.appendChild(el('mark', {}, snippet.slice(r[0], r[1])));
      at = r[1];
    });
    if (at < snippet.length) p.appendChild(document.createTextNode(snippet.slice(at)));
    return p;
  }

  function mount(root) {
    var base = root.getAttribute('data-root') || '';
    var t = STRINGS[root.getAttribute('data-lang')] || STRINGS.ja;
    var engine = createEngine(scriptLoader(base));
    global.densho_search_query = function (text, filters, limit) { return engine.query(text, filters, limit); };

    var form = el('form', { role: 'search', 'class': 'densho-search-form' });
    var input = el('input', {
      type: 'search', name: 'q', 'aria-label': t.search, placeholder: t.placeholder, autocomplete: 'off',
      'aria-controls': 'densho-search-results', 'class': 'densho-search-input'
    });
    form.appendChild(input);
    var filterBox = el('div', { 'class': 'densho-search-filters', role: 'group', 'aria-label': t.filters });
    form.appendChild(filterBox);
    var status = el('p', { 'class': 'densho-search-count', role: 'status', 'aria-live': 'polite' });
    var list = el('ol', { 'class': 'densho-search-results', id: 'densho-search-results', role: 'listbox', 'aria-label': t.search });
    root.appendChild(form);
    root.appendChild(status);
    root.appendChild(list);

    var selects = {}, typeLabels = {}, active = -1, sequence = 0, timer = null;

    // A site may label its types; otherwise the theme's words for the built-in ones.
    function typeLabel(value) { return typeLabels[value] || t.types[value] || value; }

    function currentFilters() {
      var f = {};
      Object.keys(selects).forEach(function (k) { if (selects[k].value) f[k] = selects[k].value; });
      return f;
    }

    // The query lives in the URL, so a search can be bookmarked, shared and survives "back".
    function mirrorToURL(text, filters) {
      var params = new URLSearchParams();
      if (text) params.set('q', text);
      Object.keys(filters).forEach(function (k) { params.set(k, filters[k]); });
      var qs = params.toString();
      try { history.replaceState(null, '', qs ? '?' + qs : location.pathname); } catch (e) { /* some file:// setups */ }
    }

    function setActive(i, moveFocus) {
      var items = list.children;
      if (!items.length) { active = -1; input.removeAttribute('aria-activedescendant'); return; }
      active = Math.max(0, Math.min(items.length - 1, i));
      for (var k = 0; k < items.length; k++) {
        items[k].classList.toggle('active', k === active);
        items[k].setAttribute('aria-selected', k === active ? 'true' : 'false');
      }
      input.setAttribute('aria-activedescendant', items[active].id);
      if (moveFocus) items[active].querySelector('a').focus(); else items[active].scrollIntoView({ block: 'nearest' });
    }

    function render(res) {
      list.textContent = '';
      active = -1;
      input.removeAttribute('aria-activedescendant');
      status.textContent = res.total ? t.count(res.total, res.results.length) : t.none;
      res.results.forEach(function (r, i) {
        var li = el('li', { role: 'option', id: 'densho-search-result-' + i, 'aria-selected': 'false' });
        li.appendChild(el('a', { href: base + r.url, 'class': 'densho-search-title' }, r.title));
        var meta = el('div', { 'class': 'densho-search-meta' });
        meta.appendChild(el('span', { 'class': 'densho-search-type type-' + r.type }, typeLabel(r.type)));
        // visit titles already start with their date
        if (r.date && r.title.indexOf(r.date) !== 0) meta.appendChild(el('time', { datetime: r.date }, r.date));
        li.appendChild(meta);
        if (r.snippet) li.appendChild(highlighted(r.snippet, r.highlights));
        li.addEventListener('mousemove', function () { if (active !== i) setActive(i, false); });
        list.appendChild(li);
      });
    }

    function run() {
      clearTimeout(timer);
      var text = input.value, filters = currentFilters(), mine = ++sequence;
      mirrorToURL(text, filters);
      if (!text.trim() && !Object.keys(filters).length) {
        list.textContent = ''; status.textContent = ''; active = -1; return;
      }
      engine.query(text, filters, PAGE_LIMIT).then(function (res) {
        if (mine === sequence) render(res);
      }, function () { if (mine === sequence) status.textContent = t.error; });
    }

    function schedule() { clearTimeout(timer); timer = setTimeout(run, DEBOUNCE_MS); }

    input.addEventListener('input', schedule);
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    // ↑/↓ move through the results from the search box or a result, Enter opens, Esc goes back
    // to the box. Selects keep their own arrow keys; an IME's Enter confirms the conversion.
    root.addEventListener('keydown', function (e) {
      if (e.isComposing || e.keyCode === 229 || e.altKey || e.ctrlKey || e.metaKey) return;
      var inList = list.contains(e.target);
      if (e.target !== input && !inList) return;
      if (e.key === 'ArrowDown') { e.preventDefault(); setActive(active + 1, inList); }
      else if (e.key === 'ArrowUp') {
        e.preventDefault();
        if (inList && active <= 0) { active = -1; input.focus(); } else setActive(active - 1, inList);
      } else if (e.key === 'Enter' && e.target === input && active >= 0 && list.children[active]) {
        e.preventDefault();
        location.href = list.children[active].querySelector('a').href;
      } else if (e.key === 'Escape' && inList) { e.preventDefault(); input.focus(); }
    });

    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    engine.manifest().then(function (m) {
      m.facets.forEach(function (facet) {
        if (facet.name === 'type') {
          facet.values.forEach(function (v) { if (v.label !== v.value) typeLabels[v.value] = v.label; });
        }
        var values = facet.values.slice();
        if (facet.name === 'year') values.reverse();
        var label = el('label', { 'class': 'densho-search-filter' });
        label.appendChild(el('span', {}, t.facets[facet.name] || facet.name));
        var select = el('select', { name: facet.name });
        select.appendChild(el('option', { value: '' }, t.all));
        values.forEach(function (v) {
          var shown = facet.name === 'type' ? typeLabel(v.value) : v.label;
          select.appendChild(el('option', { value: v.value }, shown + ' (' + v.count + ')'));
        });
        select.value = params.get(facet.name) || '';
        select.addEventListener('change', run);
        selects[facet.name] = select;
        label.appendChild(select);
        filterBox.appendChild(label);
      });
      run();
    }, function () { status.textContent = t.error; });
    input.focus();
  }

  var api = {
    normalize: normalize, createEngine: createEngine, parseTerms: parseTerms, makeSnippet: makeSnippet,
    shardOf: shardOf, vlqDecode: vlqDecode
  };
  global.densho_search_register = register;
  global.densho_search_normalize = normalize;
  global.densho_search_api = api;

  if (typeof module === 'object' && module.exports) module.exports = api;

  if (typeof document !== 'undefined') {
    var start = function () {
      var root = document.getElementById('densho-search');
      if (root) mount(root);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  }
})(typeof window !== 'undefined' ? window : globalThis);
