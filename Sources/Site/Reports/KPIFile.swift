import Foundation

/// `reports/kpi-<year>.csv`: one fiscal year's figures for Excel. UTF-8 with a byte-order mark
/// (without it Excel reads UTF-8 as the system code page and the Japanese turns to mojibake),
/// CRLF line ends, RFC 4180 quoting. Columns: 区分, 項目, 内訳, 件数 (the UI language's words).
enum KPIFile {
    static func path(_ year: Int) -> String { "reports/kpi-\(year).csv" }

    static func data(_ year: FiscalYear, index: SiteIndex, label: (String) -> String) -> Data {
        var rows: [[String]] = [[label("kpi_section"), label("kpi_item"), label("kpi_detail"), label("kpi_count")]]
        rows.append([label("fiscal_year"), "\(year.year)", "\(year.from)" + label("range_to") + "\(year.to)", ""])
        rows.append([label("kpi_visits"), label("kpi_visits_total"), "", "\(year.visits)"])
        rows.append([label("kpi_visits"), label("kpi_companies_visited"), "", "\(year.companiesVisited)"])
        for entry in year.byKind { rows.append([label("kpi_by_kind"), label("kind_\(entry.kind.rawValue)"), "", "\(entry.count)"]) }
        for entry in year.byTheme { rows.append([label("kpi_by_theme"), entry.theme, "", "\(entry.count)"]) }
        for entry in year.referralsByPartner {
            let name = index.partnersByID[entry.partner]?.name ?? entry.partner
            for status in entry.statuses {
                rows.append([label("kpi_referrals"), name, label("status_\(status.status.rawValue)"), "\(status.count)"])
            }
        }
        rows.append([label("kpi_outcomes"), label("status_contracted"), "", "\(year.contracts)"])
        rows.append([label("kpi_outcomes"), label("status_productized"), "", "\(year.productizations)"])
        rows.append([label("kpi_at_end"), label("kpi_overdue_companies"), "\(year.asOf)", "\(year.overdueAtEnd)"])
        rows.append([label("kpi_at_end"), label("kpi_never_visited"), "\(year.asOf)", "\(year.neverVisitedAtEnd)"])
        var text = "\u{FEFF}"
        for row in rows { text += row.map(field).joined(separator: ",") + "\r\n" }
        return Data(text.utf8)
    }

    /// Quoted when it holds a comma, quote or line break; a leading =, +, - or @ is prefixed with
    /// a quote mark so Excel never runs content as a formula.
    static func field(_ value: String) -> String {
        var v = value
        if let first = v.first, "=+-@".contains(first), Int(v) == nil { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
