import FrontMatter

/// How pages write a day (`date_style` in site.yml). The search index, file names and front matter
/// always keep ISO; this is only what a reader sees on a page and in print.
public enum DateStyle: String, Sendable, CaseIterable {
    /// 2026-12-02
    case iso
    /// 2026年12月2日
    case japanese
    /// 令和8年12月2日 (the first year of an era is 元年: 令和元年5月1日)
    case wareki

    public func format(_ date: CalendarDate) -> String {
        switch self {
        case .iso: return date.description
        case .japanese: return "\(date.year)年\(date.month)月\(date.day)日"
        case .wareki:
            guard let era = JapaneseEra.of(date) else { return DateStyle.japanese.format(date) }
            let year = date.year - era.firstYear + 1
            return "\(era.name)\(year == 1 ? "元" : String(year))年\(date.month)月\(date.day)日"
        }
    }
}

/// The eras of the modern calendar, by the (Gregorian) day each began. Days before Meiji took the
/// Gregorian calendar have no wareki here: they are written as 西暦 (the `japanese` style).
struct JapaneseEra {
    let name: String
    /// The first day written in this era here.
    let start: CalendarDate
    /// The Gregorian year that is the era's 元年 (Meiji counts from 1868, before the calendar changed).
    let firstYear: Int

    static let all: [JapaneseEra] = [
        JapaneseEra(name: "令和", start: CalendarDate(year: 2019, month: 5, day: 1)!, firstYear: 2019),
        JapaneseEra(name: "平成", start: CalendarDate(year: 1989, month: 1, day: 8)!, firstYear: 1989),
        JapaneseEra(name: "昭和", start: CalendarDate(year: 1926, month: 12, day: 25)!, firstYear: 1926),
        JapaneseEra(name: "大正", start: CalendarDate(year: 1912, month: 7, day: 30)!, firstYear: 1912),
        JapaneseEra(name: "明治", start: CalendarDate(year: 1873, month: 1, day: 1)!, firstYear: 1868),
    ]

    /// The era a day belongs to: the latest one that had begun by then.
    static func of(_ date: CalendarDate) -> JapaneseEra? { all.first { $0.start <= date } }
}
