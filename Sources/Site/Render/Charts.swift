import Foundation
import Mustache

/// Small inline SVG charts drawn at build time: no JavaScript, readable without colour
/// (every bar carries its number and label as text).
enum Charts {
    /// The theme's own escaping (the five HTML metacharacters), for labels that come from content.
    static func escape(_ text: String) -> String { Mustache.escapeHTML(text) }

    /// Vertical bars, one per year from the first visit to the last.
    static func visitsPerYear(_ visits: [Visit], label: String) -> String {
        guard let first = visits.map(\.date.year).min(), let last = visits.map(\.date.year).max() else { return "" }
        var counts: [Int: Int] = [:]
        for visit in visits { counts[visit.date.year, default: 0] += 1 }
        let years = Array(first...last)
        let maxCount = max(counts.values.max() ?? 1, 1)
        let barWidth = 44, gap = 12, height = 120, top = 18
        let width = years.count * (barWidth + gap) + gap
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height + top + 22)\" width=\"\(width)\" height=\"\(height + top + 22)\"><title>\(escape(label))</title>"
        for (i, year) in years.enumerated() {
            let count = counts[year] ?? 0
            let h = count * height / maxCount
            let x = gap + i * (barWidth + gap)
            svg += "<rect class=\"bar\" x=\"\(x)\" y=\"\(top + height - h)\" width=\"\(barWidth)\" height=\"\(h)\"/>"
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + height - h - 4)\" text-anchor=\"middle\">\(count)</text>"
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + height + 16)\" text-anchor=\"middle\">\(year)</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal funnel: one bar per stage, width proportional to how many reached it.
    static func funnel(stages: [(label: String, count: Int)], title: String) -> String {
        let maxCount = max(stages.map(\.count).max() ?? 1, 1)
        let rowHeight = 26, labelWidth = 130, barMax = 260, width = labelWidth + barMax + 50
        let height = stages.count * rowHeight + 8
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart funnel\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\"><title>\(escape(title))</title>"
        for (i, stage) in stages.enumerated() {
            let y = 4 + i * rowHeight
            let w = stage.count == 0 ? 0 : max(2, stage.count * barMax / maxCount)
            let x = labelWidth + (barMax - w) / 2
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(escape(stage.label))</text>"
            svg += "<rect class=\"bar stage\(i)\" x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(rowHeight - 6)\"/>"
            svg += "<text x=\"\(labelWidth + barMax + 8)\" y=\"\(y + 17)\">\(stage.count)</text>"
        }
        return svg + "</svg>"
    }
}
