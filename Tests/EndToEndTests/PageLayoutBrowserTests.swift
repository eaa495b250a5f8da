import Foundation
import XCTest

/// Every page kind of the demo as a person sees it, in headless Chromium at a desktop width (1280 px)
/// and a phone's (390 px): nothing wider than the window, no label or link with nothing in it, no
/// "undefined", no title printed twice, no separator left hanging. The screenshots are kept as
/// artifacts (the test prints where) so a person can look at what the checks passed.
final class PageLayoutBrowserTests: XCTestCase {
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("densho-layout-\(UUID().uuidString)")
    static var site: URL { scratch.appendingPathComponent("site") }
    /// Under .build, which is never committed: `scripts/test` leaves the latest run's pictures there.
    static var screenshots: URL { Densho.repositoryRoot.appendingPathComponent(".build/screenshots") }
    static let widths = [1280, 390]

    override class func tearDown() {
        try? FileManager.default.removeItem(at: scratch)
        super.tearDown()
    }

    /// One page of each kind, found in the built demo (a visit and a theme are whichever come first).
    static func pageKinds(in site: URL) throws -> [String] {
        func first(_ folder: String, _ keep: (String) -> Bool) throws -> String {
            let names = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent(folder).path).sorted()
            guard let name = names.first(where: { $0.hasSuffix(".html") && $0 != "index.html" && keep($0) }) else {
                throw BrowserTestError("no page in \(folder)")
            }
            return "\(folder)/\(name)"
        }
        let handover = try first("people") { $0.hasSuffix("-handover.html") }
        let person = handover.replacingOccurrences(of: "-handover.html", with: ".html")
        return ["index.html", "companies/index.html", try first("companies") { _ in true },
                "visits/index.html", try first("visits/2026") { _ in true }, "radar.html",
                "themes/index.html", try first("themes") { _ in true },
                "people/index.html", person, handover,
                "partners/index.html", try first("partners") { _ in true },
                "playbooks/index.html", try first("playbooks") { $0 != "print.html" }, "playbooks/print.html",
                "search.html", "404.html"]
    }

    struct Finding: Decodable { let page: String; let width: Int; let problems: [String] }

    func testEveryPageKindFitsAndHasNoEmptyLabelsUndefinedOrRepeatedTitles() throws {
        let chromium = try Chromium.require()
        let root = Densho.repositoryRoot
        let built = try Densho.run(["build", "--content", root.appendingPathComponent("content").path, "--output", Self.site.path,
                                    "--theme", root.appendingPathComponent("themes/default").path, "--today", "2026-12-02"])
        XCTAssertEqual(built.status, 0, built.stderr)
        let pages = try Self.pageKinds(in: Self.site)

        // The checks run inside the browser, over loopback HTTP so the probe may read its frames.
        try Self.probePage(pages: pages).write(to: Self.site.appendingPathComponent("probe-layout.html"), atomically: true, encoding: .utf8)
        let server = try LoopbackServer(serving: Self.site)
        defer { server.stop() }
        let dom = try chromium.dumpDOM(server.baseURL + "probe-layout.html", scratch: Self.scratch, virtualTimeBudget: 120_000)
        guard let output = DumpedDOM.matches(#"<pre id="probe-output">(.*?)</pre>"#, in: dom).first else {
            return XCTFail("the probe wrote no output; page ended as:\n\(dom.suffix(3000))")
        }
        let findings = try JSONDecoder().decode([Finding].self, from: Data(DumpedDOM.unescape(output).utf8))
        XCTAssertEqual(findings.count, pages.count * Self.widths.count, "every page at every width was looked at")
        for finding in findings where !finding.problems.isEmpty {
            XCTFail("\(finding.page) at \(finding.width) px:\n  " + finding.problems.joined(separator: "\n  "))
        }

        let shots = try takeScreenshots(pages, chromium: chromium)
        print("PageLayoutBrowserTests: \(shots) screenshots in \(Self.screenshots.path)")
        XCTAssertEqual(shots, pages.count * Self.widths.count)
    }

    /// A screenshot of each page at each width, two browsers at a time.
    private func takeScreenshots(_ pages: [String], chromium: Chromium) throws -> Int {
        try? FileManager.default.removeItem(at: Self.screenshots)
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        let jobs = pages.flatMap { page in Self.widths.map { (page, $0) } }
        let failures = ConcurrentList()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let (page, width) = jobs[i]
            let name = page.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: ".html", with: "") + "-\(width).png"
            let file = Self.screenshots.appendingPathComponent(name)
            do {
                try chromium.screenshot(Self.site.appendingPathComponent(page).absoluteString, to: file,
                                        width: width, height: 1400, scratch: Self.scratch)
            } catch {
                failures.append("\(name): \(error)")
            }
        }
        for failure in failures.items { XCTFail(failure) }
        let made = try FileManager.default.contentsOfDirectory(atPath: Self.screenshots.path).filter { $0.hasSuffix(".png") }
        return made.count
    }

    static func probePage(pages: [String]) throws -> String {
        let jobs = String(decoding: try JSONEncoder().encode(pages.flatMap { page in widths.map { ["page": page, "width": String($0)] } }),
                          as: UTF8.self)
        return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>layout probe</title></head>
        <body>
        <script>
        \(layoutChecks)
        var jobs = \(jobs), out = [];
        function report(value) {
          var json = JSON.stringify(value).replace(/[^\\x20-\\x7e]/g, function (c) {
            return '\\\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
          });
          var pre = document.createElement('pre');
          pre.id = 'probe-output';
          pre.textContent = json;
          document.body.appendChild(pre);
        }
        (function next(i) {
          if (i === jobs.length) return report(out);
          var frame = document.createElement('iframe');
          frame.style.width = jobs[i].width + 'px';
          frame.style.height = '900px';
          frame.style.border = '0';
          frame.onload = function () {
            var problems;
            try { problems = layoutProblems(frame.contentDocument, frame.contentWindow); }
            catch (e) { problems = ['the check failed: ' + e]; }
            out.push({ page: jobs[i].page, width: Number(jobs[i].width), problems: problems });
            frame.remove();
            next(i + 1);
          };
          frame.src = jobs[i].page;
          document.body.appendChild(frame);
        })(0);
        </script>
        </body></html>
        """
    }

    /// The checks, as plain JavaScript over one page's document.
    static let layoutChecks = #"""
    function layoutProblems(doc, win) {
      var problems = [];
      function visible(e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && win.getComputedStyle(e).visibility !== 'hidden'; }
      function describe(e) {
        var s = e.tagName.toLowerCase();
        if (e.id) s += '#' + e.id;
        if (e.className && typeof e.className === 'string') s += '.' + e.className.trim().split(/\s+/).join('.');
        return s;
      }
      function text(e) { return (e.innerText || '').replace(/\s+/g, ' ').trim(); }
      var all = Array.prototype.slice.call(doc.body.querySelectorAll('*'));

      // Nothing wider than the window: the page never scrolls sideways.
      var root = doc.documentElement, width = root.clientWidth;
      if (root.scrollWidth > width + 1) {
        var wide = all.filter(function (e) { var r = e.getBoundingClientRect(); return visible(e) && r.right > width + 1; })
                      .slice(-3).map(function (e) { return describe(e) + ' ' + Math.round(e.getBoundingClientRect().right) + 'px'; });
        problems.push('wider than the window: ' + root.scrollWidth + ' > ' + width + ' (' + wide.join(', ') + ')');
      }

      // On a desktop the header is one row: the quick search shrinks rather than wrapping below the title.
      var title = doc.querySelector('.site-title'), quick = doc.querySelector('.quick-search');
      if (width >= 1024 && title && quick && visible(quick) && quick.getBoundingClientRect().top >= title.getBoundingClientRect().bottom) {
        problems.push('the header search wrapped below the title row');
      }

      // No element that labels or links something with nothing in it.
      doc.body.querySelectorAll('a, button, dt, dd, th, label, h1, h2, h3, h4, li, .label, .tag').forEach(function (e) {
        if (!visible(e) || text(e) || e.getAttribute('aria-label') || e.querySelector('img, svg, input, select, textarea')) return;
        problems.push('empty ' + describe(e));
      });
      doc.body.querySelectorAll('p.label').forEach(function (e) {
        var next = e.nextElementSibling;
        if (!next || next.classList.contains('label') || !text(next)) problems.push('label with nothing under it: ' + text(e));
      });
      doc.body.querySelectorAll('dt').forEach(function (e) {
        var next = e.nextElementSibling;
        if (!next || next.tagName !== 'DD' || !text(next)) problems.push('term with no description: ' + text(e));
      });

      // No separator left hanging where a field was empty.
      doc.body.querySelectorAll('p, span, dd, li, td, h1, h2, h3, small').forEach(function (e) {
        if (!visible(e)) return;
        var t = text(e);
        if (/^[·・,、|]/.test(t) || /[·・,、|]$/.test(t) || /[·・]\s*[·・]/.test(t)) problems.push('hanging separator in ' + describe(e) + ': ' + t.slice(0, 60));
      });

      // No text from a value that was not there.
      var body = text(doc.body);
      ['undefined', 'NaN', '[object Object]', 'null'].forEach(function (word) {
        var at = body.indexOf(word);
        if (at >= 0 && !/[A-Za-z]/.test(body.charAt(at - 1) + body.charAt(at + word.length))) problems.push('"' + word + '" in the text: …' + body.slice(Math.max(0, at - 30), at + 30) + '…');
      });

      // No title printed twice: the document title's parts are different, no two top headings (h1) say
      // the same, and no section heading (h2) repeats one (a print of chapters may repeat an h2 per chapter).
      var parts = doc.title.split(' | ');
      if (parts.length > 1 && parts[0] === parts[1]) problems.push('title repeats itself: ' + doc.title);
      function texts(selector) {
        return Array.prototype.filter.call(doc.querySelectorAll(selector), visible).map(text);
      }
      var titles = texts('main h1'), seen = {};
      titles.forEach(function (t) { if (seen[t]) problems.push('title printed twice: ' + t); seen[t] = true; });
      texts('main h2').forEach(function (t) { if (seen[t]) problems.push('title printed again as a section: ' + t); });
      return problems;
    }
    """#
}

/// Strings gathered from several threads.
final class ConcurrentList: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ item: String) { lock.lock(); storage.append(item); lock.unlock() }
    var items: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}
