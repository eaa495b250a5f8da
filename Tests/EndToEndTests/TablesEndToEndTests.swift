import Foundation
import XCTest

/// Pipe tables and strikethrough through the whole pipeline: the page shows them, search finds cell text.
final class TablesEndToEndTests: XCTestCase {
    func testTableRendersAndItsCellsAreSearchable() throws {
        let project = try TemporaryProject()
        try project.writeMinimalSite()
        try project.write("content/playbooks/compare.md", """
        ---
        title: 支援制度の比較
        order: 20
        ---
        ## 比較表

        | 制度 | 窓口 | 補助率 |
        |:-----|:----:|-------:|
        | ものづくり補助金 | [[ip-center\\|知財センター]] | 1/2 |
        | ~~旧・試作補助~~ | 市役所 | ２／３ |
        """)
        let built = try project.build()
        XCTAssertEqual(built.status, 0, built.stderr)
        let page = try project.read("site/playbooks/compare.html")
        XCTAssertTrue(page.contains("<th align=\"center\">窓口</th>"), page)
        XCTAssertTrue(page.contains("<td align=\"left\"><del>旧・試作補助</del></td>"), page)
        XCTAssertTrue(page.contains(">知財センター</a></td>"), page)
        // The partner page lists the playbook as a backlink: the link inside the cell resolved.
        XCTAssertTrue(try project.read("site/partners/ip-center.html").contains("支援制度の比較"))

        let found = try Densho.run(["search", "--site", project.site.path, "ものづくり補助金", "--json"])
        XCTAssertEqual(found.status, 0, found.stderr)
        XCTAssertTrue(found.stdout.contains("支援制度の比較"), found.stdout)
        let widthForm = try Densho.run(["search", "--site", project.site.path, "2/3", "--json"])
        XCTAssertTrue(widthForm.stdout.contains("支援制度の比較"), widthForm.stdout)
        // Cells are separated: text never joins across a cell boundary.
        let across = try Densho.run(["search", "--site", project.site.path, "ものづくり補助金知財", "--json"])
        XCTAssertFalse(across.stdout.contains("支援制度の比較"), across.stdout)
    }
}
