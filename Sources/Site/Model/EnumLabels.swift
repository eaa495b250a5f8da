import Foundation

/// The words a site shows for a field's values (`kind: visit` is shown as 訪問 / Visit). People
/// write what they read, so `kind: 訪問` is accepted as `visit`: the labels here are the default
/// theme's `i18n` strings (a test keeps the two in step).
protocol LabeledValue: RawRepresentable, CaseIterable, Hashable where RawValue == String {
    /// Japanese and English labels of each value.
    static var labels: [Self: [String]] { get }
}

extension LabeledValue {
    /// The value written as its id or one of its labels; width, case and `-`/space for `_` do not matter.
    static func parse(_ written: String) -> Self? {
        if let exact = Self(rawValue: written) { return exact }
        let key = normalizedLabel(written)
        for value in allCases {
            if normalizedLabel(value.rawValue) == key { return value }
            if labels[value]?.contains(where: { normalizedLabel($0) == key }) == true { return value }
        }
        return nil
    }

    /// `visit | call | …` for English messages.
    static var choices: String { allCases.map(\.rawValue).joined(separator: " | ") }

    /// `visit（訪問） | call（電話） | …` for Japanese ones.
    static var labeledChoices: String {
        allCases.map { value in
            guard let label = labels[value]?.first else { return value.rawValue }
            return "\(value.rawValue)（\(label)）"
        }.joined(separator: " | ")
    }

    private static func normalizedLabel(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
            .trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }
}

extension VisitKind: LabeledValue {
    static let labels: [VisitKind: [String]] = [
        .visit: ["訪問", "Visit"], .call: ["電話", "Call"], .event: ["イベント", "Event"],
        .matching: ["マッチング", "Matching"],
    ]
}

extension ReferralStatus: LabeledValue {
    static let labels: [ReferralStatus: [String]] = [
        .proposed: ["提案", "Proposed"], .introduced: ["紹介済み", "Introduced", "紹介", "紹介済"],
        .in_progress: ["進行中", "In progress"], .contracted: ["契約", "Contracted"],
        .productized: ["製品化", "Productized"], .declined: ["見送り", "Declined"], .closed: ["終了", "Closed"],
    ]
}

extension CompanyStatus: LabeledValue {
    static let labels: [CompanyStatus: [String]] = [
        .active: ["支援中", "Active"], .dormant: ["休眠", "Dormant"], .closed: ["終了", "Closed"],
    ]
}

extension Visibility: LabeledValue {
    static let labels: [Visibility: [String]] = [.internal: ["内部", "非公開"], .public: ["公開"]]
}

extension DateStyle: LabeledValue {
    static let labels: [DateStyle: [String]] = [.iso: ["ISO 8601"], .japanese: ["西暦", "和文"], .wareki: ["和暦"]]
}

extension SiteConfig.Language: LabeledValue {
    static let labels: [SiteConfig.Language: [String]] = [.ja: ["日本語", "Japanese"], .en: ["英語", "English"]]
}
