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

  /** Digit of each character of the 93-character alphabet (U+0020–007E without " and \\), or -1. */
  var BASE93 = (function () {
    var digits = new Int16Array(128).fill(-1), d = 0;
    for (var c = 0x20; c <= 0x7E; c++) if (c !== 0x22 && c !== 0x5C) digits[c] = d++;
    return digits;
  })();

  /** The bytes of a file's text (docs/search-index.md): 13 bits per two characters, least significant first. */
  function base93(text) {
    var out = new Uint8Array(Math.floor(text.length * 13 / 16) + 1), n = 0, bits = 0, count = 0;
    for (var i = 0; i < text.length; i += 2) {
      var low = BASE93[text.charCodeAt(i)];
      if (!(low >= 0)) throw new Error('densho search: bad index data');
      if (i + 1 < text.length) {
        var high = BASE93[text.charCodeAt(i + 1)], v = low + 93 * high;
        if (!(high >= 0) || v >= 8192) throw new Error('densho search: bad index data');
        bits |= v << count;
        count += 13;
      } else {
        bits |= low << count;
        count += 6;
      }
      while (count >= 8) { out[n++] = bits & 255; bits >>>= 8; count -= 8; }
    }
    return out.subarray(0, n);
  }

  /** Every file but the manifest is base-93 text of raw DEFLATE; DecompressionStream inflates it. */
  function inflate(text) {
    var stream = new Blob([base93(text)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  /** Little-endian base-128 numbers, read one after another from `bytes`. */
  function VarintReader(bytes) { this.bytes = bytes; this.at = 0; }
  VarintReader.prototype.next = function () {
    var v = 0, scale = 1, b;
    do {
      if (this.at >= this.bytes.length) throw new Error('densho search: bad index data');
      b = this.bytes[this.at++];
      v += (b & 127) * scale;
      scale *= 128;
    } while (b & 128);
    return v;
  };

  /**
   * A g or w file: key (scalars joined as a string) → offset of its columns and count, or the
   * number of the list file that holds them (`<shard>-<k>`). In a g file (`grams`) a bigram's
   * entry is three columns, gaps, classes and positions (a long list's positions are in
   * `p-<n>-<k>`); any other entry is one, `gap × 3 + class` per document.
   */
  function postingShard(bytes, grams) {
    var r = new VarintReader(bytes), entries = new Map(), keys = [], lists = 0;
    while (r.at < bytes.length) {
      var length = r.next(), key = '';
      for (var k = 0; k < length; k++) key += String.fromCodePoint(r.next());
      var flagged = r.next(), count = Math.floor(flagged / 2), positions = grams && length === 2;
      if (flagged % 2) {
        entries.set(key, { list: lists++, count: count, positions: positions });
      } else {
        entries.set(key, { at: r.at, count: count, positions: positions });
        for (var n = 0; n < (positions ? 3 : 1) * count; n++) r.next();
      }
      keys.push(key);
    }
    return { bytes: bytes, entries: entries, keys: keys };
  }

  /**
   * A list from `at` (documents ascending): a bigram's (`bigram`) `count` document gaps, then
   * `count` field classes and, with `positions`, the `count` positions after them (occ =
   * position × 3 + class); any other list's `count` values gap × 3 + class (occ = class).
   */
  function columns(bytes, at, count, bigram, positions) {
    var r = new VarintReader(bytes), docs = [], occ = [], doc = -1, i, v;
    r.at = at;
    if (!bigram) {
      for (i = 0; i < count; i++) { v = r.next(); doc += Math.floor(v / 3) + 1; docs.push(doc); occ.push(v % 3); }
      return { docs: docs, occ: occ };
    }
    for (i = 0; i < count; i++) { doc += r.next() + 1; docs.push(doc); }
    for (i = 0; i < count; i++) occ.push(r.next());
    if (positions) for (i = 0; i < count; i++) occ[i] += 3 * r.next();
    return { docs: docs, occ: occ };
  }

  /** Adds a positions file's column to a list's field classes. */
  function addPositions(list, bytes) {
    var r = new VarintReader(bytes), occ = list.occ.slice();
    for (var i = 0; i < occ.length; i++) occ[i] += 3 * r.next();
    return { docs: list.docs, occ: occ };
  }

  /** FNV-1a (32-bit) over code points, as ShardHash in Swift. */
  function shardOf(cps, count) {
    var h = 0x811C9DC5;
    for (var i = 0; i < cps.length; i++) { h ^= cps[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h % Math.max(count, 1);
  }

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

  function union(lists) {
    if (lists.length === 1) return lists[0];
    var pairs = [];
    lists.forEach(function (l) { for (var i = 0; i < l.docs.length; i++) pairs.push([l.docs[i], l.occ[i]]); });
    pairs.sort(function (a, b) { return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]; });
    var out = { docs: [], occ: [] };
    pairs.forEach(function (p) {
      if (out.docs.length && out.docs[out.docs.length - 1] === p[0]) return;
      out.docs.push(p[0]); out.occ.push(p[1]);
    });
    return out;
  }

  function unionDocs(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length || j < b.length) {
      if (j === b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
      else if (i === a.length || b[j] < a[i]) out.push(b[j++]);
      else { out.push(a[i]); i++; j++; }
    }
    return out;
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  /** First occurrence of `term` (code points) in a stored document's normalised text, or -1. */
  function firstOccurrence(entry, term) {
    var title = entry[7] === null ? entry[1] : entry[7];
    var fields = [title].concat(entry[4], [entry[5], entry[6]]), text = [], starts = [];
    fields.forEach(function (f) {
      if (starts.length) text.push(0x0A);
      starts.push(text.length);
      codePoints(f).forEach(function (cp) { Array.prototype.push.apply(text, lowerScalar(cp)); });
    });
    var headingStart = starts[1], otherStart = starts[1 + entry[4].length];
    for (var a = 0; a + term.length <= text.length; a++) {
      var x = 0;
      while (x < term.length && text[a + x] === term[x]) x++;
      if (x === term.length) return a * 3 + (a < headingStart ? 0 : (a < otherStart ? 1 : 2));
    }
    return -1;
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

  /** A field as written: searched scalar i came from written scalars starts[i] … ends[i]. */
  function writtenText(stored, restores) {
    var scalars = [], starts = [], ends = [], k = 0, i = 0;
    restores = restores.slice().sort(function (a, b) { return a.start - b.start; });
    while (i < stored.length) {
      while (k < restores.length && restores[k].start < i) k++;
      var r = restores[k];
      if (r && r.start === i && r.start + r.length <= stored.length) {
        var from = scalars.length;
        Array.prototype.push.apply(scalars, codePoints(r.original));
        for (var n = 0; n < r.length; n++) { starts.push(from); ends.push(scalars.length); }
        i += r.length; k++;
        continue;
      }
      starts.push(scalars.length); scalars.push(stored[i]); ends.push(scalars.length); i++;
    }
    return { scalars: scalars, range: function (a, b) { return [starts[a], ends[b - 1]]; } };
  }

  /** fields: [{text, restores}] in preference order; as Snippet.make in Swift. */
  function makeSnippet(fields, terms) {
    var chosen = null, source = [], occ = [], firstNonEmpty = null;
    for (var f = 0; f < fields.length; f++) {
      var cps = codePoints(fields[f].text);
      if (!cps.length) continue;
      if (!firstNonEmpty) firstNonEmpty = { field: fields[f], cps: cps };
      var found = occurrences(terms, cps);
      if (found.length) { chosen = fields[f]; source = cps; occ = found; break; }
    }
    if (!chosen && firstNonEmpty) { chosen = firstNonEmpty.field; source = firstNonEmpty.cps; }
    if (!chosen || !source.length) return { text: '', highlights: [] };
    var anchor = occ.length ? Math.min.apply(null, occ.map(function (r) { return r[0]; })) : 0;
    var end = Math.min(source.length, Math.max(0, anchor - SNIPPET_LEAD) + SNIPPET_WIDTH);
    var start = Math.max(0, end - SNIPPET_WIDTH);
    var written = writtenText(source, chosen.restores), window = written.range(start, end);
    var text = start > 0 ? '\u2026' : '', offsets = [], offset = text.length;
    for (var i = window[0]; i < window[1]; i++) {
      offsets.push(offset);
      text += String.fromCodePoint(written.scalars[i]);
      offset += written.scalars[i] > 0xFFFF ? 2 : 1;
    }
    offsets.push(offset);
    if (end < source.length) text += '\u2026';
    occ.sort(function (a, b) { return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]; });
    var ranges = [];
    occ.forEach(function (r) {
      if (r[0] < start || r[1] > end) return;
      var w = written.range(r[0], r[1]);
      var m = [offsets[w[0] - window[0]], offsets[w[1] - window[0]]], last = ranges[ranges.length - 1];
      if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]); else ranges.push(m);
    });
    return { text: text, highlights: ranges };
  }

  /** The snippet fields of a document entry: body, headings…, meta, each with its restores. */
  function snippetFields(e) {
    var h = e[4].length, restores = [];
    for (var k = 0; k < h + 3; k++) restores.push([]);
    for (var r = 0; r + 3 < e[8].length; r += 4) {
      if (restores[e[8][r]]) restores[e[8][r]].push({ start: e[8][r + 1], length: e[8][r + 2], original: e[8][r + 3] });
    }
    var fields = [{ text: e[5], restores: restores[h + 1] }];
    for (var i = 0; i < h; i++) fields.push({ text: e[4][i], restores: restores[i + 1] });
    fields.push({ text: e[6], restores: restores[h + 2] });
    return fields;
  }

  // ---------------------------------------------------------------- engine

  var FIELD_WEIGHTS = [16, 4, 1];

  /**
   * loadFile(id) → the data registered by file <id>.js (or a Promise of it). Returns
   * { manifest(): Promise, facets(names?): Promise, query(text, filters, limit): Promise<{total, results, loaded}> }.
   * facets(names) loads the files (f-<i>) of the named facets only, in the manifest's order; no names: all.
   */
  function createEngine(loadFile) {
    var cache = new Map();
    function load(id, transform) {
      if (!cache.has(id)) {
        var p = Promise.resolve(loadFile(id)).then(function (data) {
          return id === 'index' ? data : inflate(data);
        }).then(transform || function (d) { return d; });
        // a file that failed to load (server hiccup) is tried again by the next query
        p.catch(function () { if (cache.get(id) === p) cache.delete(id); });
        cache.set(id, p);
      }
      return cache.get(id);
    }
    function json(bytes) { return JSON.parse(new TextDecoder().decode(bytes)); }
    function manifest() {
      return load('index').then(function (m) {
        if (m.format !== 'densho-search' || m.version !== 5) throw new Error('densho search: unsupported index version');
        return m;
      });
    }
    // The values of the manifest's i-th facet: file f-<i>; the documents of its j-th value: f-<i>-<j>.
    function facet(m, i) {
      return load('f-' + i, json).then(function (f) {
        if (f.name !== m.facets[i]) throw new Error('densho search: facet file f-' + i + ' holds ' + f.name);
        return f;
      });
    }
    function facets(names) {
      return manifest().then(function (m) {
        var shown = m.facets.filter(function (name) { return !names || names.indexOf(name) >= 0; });
        return Promise.all(shown.map(function (name) { return facet(m, m.facets.indexOf(name)); }));
      });
    }

    function gramShard(m, cps) {
      var id = 'g-' + shardOf(cps, m.shards.g);
      return load(id, function (bytes) { return postingShard(bytes, true); }).then(function (shard) {
        return { id: id, shard: shard };
      });
    }

    /** A gram's documents with field classes, or (`positions`, bigrams) first occurrences; or null. */
    function gram(m, cps, positions) {
      return gramShard(m, cps).then(function (g) {
        return postingsOf(g.id, g.shard, fromCodePoints(cps, 0, cps.length), positions);
      });
    }

    /**
     * Documents (ascending) and values of one key, from its shard or its list file (and, for a
     * bigram's positions, its positions file); or null.
     */
    function postingsOf(id, shard, key, positions) {
      var e = shard.entries.get(key);
      if (!e) return Promise.resolve(null);
      if (e.list === undefined) return Promise.resolve(columns(shard.bytes, e.at, e.count, e.positions, e.positions));
      var list = load(id + '-' + e.list, function (bytes) { return columns(bytes, 0, e.count, e.positions, false); });
      if (!(positions && e.positions)) return list;
      var at = load('p' + id.slice(1) + '-' + e.list);
      return Promise.all([list, at]).then(function (both) { return addPositions(both[0], both[1]); });
    }

    function storedDocument(m, doc) {
      return load('d-' + Math.floor(doc / m.docsPerShard), json).then(function (entries) {
        return entries[doc % m.docsPerShard];
      });
    }

    function termMatches(m, term) {
      var none = { docs: [], occ: [] };
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
        return Promise.all(keys.map(function (k) {
          return load('w-' + k, function (bytes) { return postingShard(bytes, false); });
        })).then(function (shards) {
          var lists = [];
          shards.forEach(function (shard, s) {
            shard.keys.forEach(function (key) {
              if (term.prefix ? key.startsWith(term.str) : key === term.str) lists.push(postingsOf('w-' + keys[s], shard, key, false));
            });
          });
          return Promise.all(lists);
        }).then(function (lists) {
          return lists.length ? union(lists) : none;
        });
      }
      if (term.cps.length <= 2) return gram(m, term.cps, false).then(function (list) { return list || none; });
      if (term.cps.length === 3) {
        // Both bigrams in at least trigramMinimum documents: the trigram's list decides.
        var pairs = [term.cps.slice(0, 2), term.cps.slice(1, 3)];
        return Promise.all(pairs.map(function (p) { return gramShard(m, p); })).then(function (g) {
          var e1 = g[0].shard.entries.get(fromCodePoints(pairs[0], 0, 2));
          var e2 = g[1].shard.entries.get(fromCodePoints(pairs[1], 0, 2));
          if (!e1 || !e2) return none;
          if (e1.count >= m.trigramMinimum && e2.count >= m.trigramMinimum) {
            return gram(m, term.cps, false).then(function (list) { return list || none; });
          }
          return phraseTerm(m, term.cps);
        });
      }
      return phraseTerm(m, term.cps);
    }

    function phraseTerm(m, cps) {
      var none = { docs: [], occ: [] }, offsets = coveringOffsets(cps.length);
      return Promise.all(offsets.map(function (o) { return gram(m, cps.slice(o, o + 2), true); })).then(function (lists) {
        if (lists.some(function (l) { return !l; })) return none;
        return phrase(m, cps, lists, offsets);
      });
    }

    /** As TermLookup.phrase in Swift: aligned first occurrences, else the stored text decides. */
    function phrase(m, cps, lists, offsets) {
      var candidates = [], cursors = lists.map(function () { return 0; }), first = lists[0];
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
        var p = Math.floor(first.occ[i0] / 3), aligned = true;
        for (var k = 1; k < lists.length && aligned; k++) {
          aligned = Math.floor(lists[k].occ[cursors[k]] / 3) === p + offsets[k];
        }
        candidates.push({ doc: doc, occ: aligned ? first.occ[i0] : -1 });
      }
      return Promise.all(candidates.map(function (cand) {
        if (cand.occ >= 0) return cand;
        return storedDocument(m, cand.doc).then(function (entry) {
          return { doc: cand.doc, occ: firstOccurrence(entry, cps) };
        });
      })).then(function (all) {
        var out = { docs: [], occ: [] };
        all.forEach(function (c) { if (c.occ >= 0) { out.docs.push(c.doc); out.occ.push(c.occ); } });
        return out;
      });
    }

    function facetDocs(id) {
      return load(id, function (bytes) {
        var r = new VarintReader(bytes), docs = [], doc = -1;
        while (r.at < bytes.length) { doc += r.next() + 1; docs.push(doc); }
        return docs;
      });
    }

    function query(text, filters, limit) {
      filters = filters || {};
      limit = limit === undefined ? 20 : Math.max(0, limit);
      return manifest().then(function (m) {
        var terms = parseTerms(text || '');
        // filters: facet → value, or → [values] (any of them)
        var wanted = {};
        Object.keys(filters).forEach(function (f) {
          var values = [].concat(filters[f]).filter(function (v) { return v; });
          if (values.length) wanted[f] = values;
        });
        var facetNames = Object.keys(wanted).sort(compareScalars);
        if (facetNames.some(function (f) { return m.facets.indexOf(f) < 0; })) return { total: 0, results: [] };
        // Only the filtered facets' values load (f-<i>), then the lists of the wanted values.
        var facetIds = Promise.all(facetNames.map(function (name) {
          var i = m.facets.indexOf(name);
          return facet(m, i).then(function (f) {
            var ids = [];
            f.values.forEach(function (v, j) { if (wanted[name].indexOf(v.value) >= 0) ids.push('f-' + i + '-' + j); });
            return ids;
          });
        }));
        return facetIds.then(function (ids) {
          if (ids.some(function (list) { return !list.length; })) return { total: 0, results: [] };
          return Promise.all([
            Promise.all(ids.map(function (list) {
              return Promise.all(list.map(facetDocs)).then(function (lists) { return lists.reduce(unionDocs); });
            })),
            Promise.all(terms.map(function (t) { return termMatches(m, t); }))
          ]).then(function (lists) { return rank(m, terms, lists[0], lists[1], limit); });
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
      // Σ weight(field class of each term's first match), then document id (newer first, then url).
      var ranked = docs.map(function (doc) {
        var score = 0;
        for (var t = 0; t < matches.length; t++) {
          var x = matches[t], c = cursors[t];
          while (x.docs[c] < doc) c++;
          cursors[t] = c;
          score += FIELD_WEIGHTS[x.occ[c] % 3];
        }
        return { doc: doc, score: score };
      });
      ranked.sort(function (a, b) { return a.score !== b.score ? b.score - a.score : a.doc - b.doc; });
      var top = ranked.slice(0, limit);
      return Promise.all(top.map(function (r) {
        return storedDocument(m, r.doc).then(function (e) {
          var snippet = makeSnippet(snippetFields(e), terms);
          return { url: e[0], title: e[1], type: e[2], date: e[3], snippet: snippet.text, highlights: snippet.highlights };
        });
      })).then(function (results) { return { total: ranked.length, results: results }; });
    }

    return { manifest: manifest, facets: facets, query: query };
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
    // The filters stay folded: their values (f-<i>.js, hundreds of KB on a large site) load when they open.
    var filterToggle = el('details', { 'class': 'densho-search-filter-toggle' });
    filterToggle.appendChild(el('summary', {}, t.filters));
    var filterBox = el('div', { 'class': 'densho-search-filters', role: 'group', 'aria-label': t.filters });
    filterToggle.appendChild(filterBox);
    form.appendChild(filterToggle);
    var status = el('p', { 'class': 'densho-search-count', role: 'status', 'aria-live': 'polite' });
    var list = el('ol', { 'class': 'densho-search-results', id: 'densho-search-results', role: 'listbox', 'aria-label': t.search });
    root.appendChild(form);
    root.appendChild(status);
    root.appendChild(list);

    var selects = {}, typeLabels = {}, active = -1, sequence = 0, timer = null;

    // A site may label its types; otherwise the theme's words for the built-in ones.
    function typeLabel(value) { return typeLabels[value] || t.types[value] || value; }

    // Until the filter selects exist (their values load when the filters open), the URL's filters apply.
    var urlFilters = null;
    function currentFilters() {
      if (urlFilters) return urlFilters;
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
        list.textContent = ''; status.textContent = ''; active = -1; return Promise.resolve();
      }
      return engine.query(text, filters, PAGE_LIMIT).then(function (res) {
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
    // Before the first query only the manifest loads; the filter values load when the filters open.
    // A filter in the URL loads its own facet's values for the first query, and the filters open
    // (loading the other facets' values) once that query has been answered.
    var filtersLoading = null;
    function loadFilters() {
      if (!filtersLoading) filtersLoading = engine.facets().then(fillFilters).catch(function () { status.textContent = t.error; });
      return filtersLoading;
    }
    filterToggle.addEventListener('toggle', function () { if (filterToggle.open) loadFilters(); });
    engine.manifest().then(function (m) {
      urlFilters = {};
      m.facets.forEach(function (name) { if (params.get(name)) urlFilters[name] = params.get(name); });
      var first = run();
      if (Object.keys(urlFilters).length) first.then(function () { filterToggle.open = true; loadFilters(); });
    }).catch(function () { status.textContent = t.error; });
    function fillFilters(facets) {
      facets.forEach(function (facet) {
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
        select.value = urlFilters[facet.name] || '';
        select.addEventListener('change', run);
        selects[facet.name] = select;
        label.appendChild(select);
        filterBox.appendChild(label);
      });
      urlFilters = null;
    }
    input.focus();
  }

  var api = {
    normalize: normalize, createEngine: createEngine, parseTerms: parseTerms, makeSnippet: makeSnippet,
    shardOf: shardOf, typeLabels: { ja: STRINGS.ja.types, en: STRINGS.en.types }
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
