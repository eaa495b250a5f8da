import Foundation

/// The HTML pages the browser benchmark loads: one for densho's search.js (written next to
/// search.html in the built site) and one for Pagefind (in Hugo's public folder). Each runs query
/// number `?q=i` once cold and a few times warm, and POSTs the figures as JSON.
enum HarnessPages {
    static let densho = "densho-bench-search.html"
    static let pagefind = "pagefind-bench-search.html"

    static func write(densho site: URL, queries: [BenchQuery]) throws {
        let page = """
            <!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>bench</title></head><body>
            <div id="densho-search" data-root="" data-lang="ja" hidden></div>
            <script src="static/search.js"></script>
            <script>
            \(common(queries))
            // search.js loads its manifest on mount; the query starts once that has arrived.
            function ready() {
              return new Promise(function (resolve) {
                (function poll() {
                  if (performance.getEntriesByType('resource').some(function (e) { return /search\\/index\\.js$/.test(e.name); })) setTimeout(resolve, 50);
                  else setTimeout(poll, 5);
                })();
              });
            }
            function once(q) {
              return window.densho_search_query(q.text, q.filters, 10).then(function (r) { return r.total; });
            }
            bench(ready, once);
            </script></body></html>

            """
        try Data(page.utf8).write(to: site.appendingPathComponent(densho))
    }

    static func write(pagefind site: URL, queries: [BenchQuery]) throws {
        let page = """
            <!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>bench</title></head><body>
            <script>
            \(common(queries))
            var pf;
            function ready() {
              return import('/pagefind/pagefind.js').then(function (m) { pf = m; return pf.init(); });
            }
            // Pagefind on Hugo's pages has no filters: the query's text alone.
            function once(q) {
              return pf.search(q.text || null).then(function (r) {
                return Promise.all(r.results.slice(0, 10).map(function (x) { return x.data(); })).then(function () { return r.results.length; });
              });
            }
            bench(ready, once);
            </script></body></html>

            """
        try Data(page.utf8).write(to: site.appendingPathComponent(pagefind))
    }

    /// The shared driver: start-up, one cold run (its resources recorded), five warm runs (median).
    private static func common(_ queries: [BenchQuery]) -> String {
        let list = queries.map { q -> String in
            let filters = q.filters.sorted { $0.key < $1.key }.map { "\(json($0.key)): \(json($0.value))" }.joined(separator: ", ")
            return "{text: \(json(q.text)), filters: {\(filters)}}"
        }.joined(separator: ",\n  ")
        return """
            performance.setResourceTimingBufferSize(1000000);
            var QUERIES = [
              \(list)
            ];
            function size(e) { return e.encodedBodySize || e.transferSize || 0; }
            function bench(ready, once) {
              var i = Number(new URLSearchParams(location.search).get('bench')), q = QUERIES[i];
              function report(o) { return fetch('/__result/' + i, { method: 'POST', body: JSON.stringify(o) }); }
              ready().then(function () { return fetch('/__mark', { method: 'POST' }); }).then(function () {
                var before = performance.getEntriesByType('resource').length;
                var startup = performance.getEntriesByType('resource').reduce(function (s, e) { return s + size(e); }, 0);
                // The index's own files among them (densho: search/index.js), without the page's scripts.
                var startupData = performance.getEntriesByType('resource').reduce(function (s, e) { return /\\/search\\//.test(e.name) ? s + size(e) : s; }, 0);
                var t0 = performance.now();
                return once(q).then(function (total) {
                  var cold = performance.now() - t0;
                  var loaded = performance.getEntriesByType('resource').slice(before).map(function (e) { return { name: e.name, bytes: size(e) }; });
                  var warm = [];
                  function next() {
                    if (warm.length === 5) {
                      warm.sort(function (a, b) { return a - b; });
                      return report({ total: total, coldMs: cold, warmMs: warm[2], resources: loaded, startupBytes: startup, startupDataBytes: startupData });
                    }
                    var t = performance.now();
                    return once(q).then(function () { warm.push(performance.now() - t); return next(); });
                  }
                  return next();
                });
              }).catch(function (e) { report({ error: String(e) }); });
            }
            """
    }

    private static func json(_ s: String) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: [s]), let text = String(data: data, encoding: .utf8) else { return "\"\"" }
        return String(text.dropFirst().dropLast())
    }
}
