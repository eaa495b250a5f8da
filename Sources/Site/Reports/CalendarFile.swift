import Foundation
import FrontMatter

/// `reports/calendar.ics` (RFC 5545): an all-day event for each company's upcoming `next_visit`
/// (from its latest visit) and for each open promise with a due date. Lines end in CRLF and are
/// folded at 75 octets without splitting a UTF-8 sequence; UIDs are derived from what the event
/// is about, so a subscribed calendar updates events instead of duplicating them.
enum CalendarFile {
    static let path = "reports/calendar.ics"

    struct Event {
        let uid: String
        let date: CalendarDate
        let summary: String
        let description: String?
    }

    static func events(_ index: PublishedSite, label: (String) -> String) -> [Event] {
        var events: [Event] = []
        for company in index.model.companies {
            if let latest = index.lastVisit(of: company), let next = latest.nextVisit, next >= index.today {
                events.append(Event(uid: uid("next-visit", company.page.slug), date: next,
                                    summary: "\(label("ics_next_visit")): \(company.name)",
                                    description: index.holder(of: company).map { "\(label("owner")): \($0.name)" }))
            }
            for promise in index.openPromises(of: company) {
                guard let due = promise.due else { continue }
                let owner = promise.owner.map { index.peopleByID[$0]?.name ?? $0 }
                events.append(Event(uid: uid("promise", promise.visit.page.slug + "\u{0}" + PublishedSite.promiseKey(promise.text)), date: due,
                                    summary: "\(label("ics_promise")): \(company.name) — \(promise.text)",
                                    description: owner.map { "\(label("promise_owner")): \($0)" }))
            }
        }
        return events.sorted { ($0.date, $0.uid) < ($1.date, $1.uid) }
    }

    static func data(_ index: PublishedSite, label: (String) -> String) -> Data {
        let stamp = compact(index.today) + "T000000Z"
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//densho//densho//\(index.model.config.language.rawValue.uppercased())",
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(index.model.config.title)]
        for event in events(index, label: label) {
            lines += ["BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(stamp)",
                      "DTSTART;VALUE=DATE:\(compact(event.date))", "DTEND;VALUE=DATE:\(compact(event.date.adding(days: 1)))",
                      "SUMMARY:" + escape(event.summary)]
            if let description = event.description { lines.append("DESCRIPTION:" + escape(description)) }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        var out = Data()
        for line in lines { out.append(contentsOf: fold(line)) }
        return out
    }

    static func compact(_ date: CalendarDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }

    /// TEXT escaping (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// One content line as octets, CRLF-terminated, folded so no physical line exceeds 75 octets
    /// (the leading space of a continuation counts); a cut never falls inside a UTF-8 sequence.
    static func fold(_ line: String) -> [UInt8] {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        var start = 0
        var limit = 75
        while bytes.count - start > limit {
            var cut = start + limit
            while cut > start, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }   // not before a continuation byte
            out += bytes[start..<cut]
            out += [13, 10, 32]
            start = cut
            limit = 74
        }
        out += bytes[start...]
        out += [13, 10]
        return out
    }

    /// A stable, ASCII-only UID: what the event is about, hashed (FNV-1a, 64 bits).
    static func uid(_ kind: String, _ key: String) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        let hex = String(hash, radix: 16)
        return "\(kind)-\(String(repeating: "0", count: 16 - hex.count))\(hex)@densho"
    }
}
