import Foundation
import Markdown
import XCTest

/// Our renderer against cmark_render_html on the same notes. Printed always; asserted only in release
/// builds, where the Swift code is optimised like the C library it is compared with.
final class PerformanceTests: XCTestCase {
    func testRenderingCostIsCloseToCmark() {
        let note = """
        ## 聞いたこと
        社長の山田さんから、[[companies/marumaru-seiki|〇〇精機]]の試作の速さについて伺った。
        開放特許の候補を**3件**紹介し、`IP-matching` の流れを説明した。詳しくは[手引き](../playbooks/ip.html)。

        ## 見立て
        - 強み: 試作の速さ
        - 課題: 販路と[[people/tanaka]]への引き継ぎ

        ## 次の一手
        - [ ] 特許資料を送る
        - [x] 信金の担当に共有

        > 二代目。海外展開に関心あり。


        """
        let notes = (0..<2_000).map { "# 訪問 \($0)\n\n" + note }
        let ours = measureSeconds {
            for source in notes { _ = MarkdownDocument(parsing: source).html { .text(label: $0.target) } }
        }
        let floor = measureSeconds {
            for source in notes { _ = MarkdownDocument.cmarkReferenceHTML(source, unsafe: false) }
        }
        let ratio = ours / floor
        print(String(format: "2000 notes: ours %.3f s, cmark_render_html %.3f s, ratio %.2f", ours, floor, ratio))
        #if !DEBUG
        // Generous: the machine is shared and timing is noisy; typical is about 2x while doing far more.
        XCTAssertLessThan(ratio, 4, "rendering should cost close to cmark itself")
        #endif
    }

    private func measureSeconds(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
