import Foundation
import FrontMatter

/// The text of new notes: front matter filled with what is known, Japanese hints in comments for
/// the optional fields, and the headings the site reads meaning from. Each template builds with
/// no error and no warning as it is, so `new` then `build` always works.
enum NoteTemplates {
    static func visit(date: CalendarDate, company: String, staff: [String], kind: VisitKind, themes: [String]) -> String {
        visit(VisitDraft(company: company, date: date, staff: staff, kind: kind.rawValue, themes: themes), staff: staff, themes: themes)
    }

    /// A visit from a form or an imported row: what was given fills the front matter and the
    /// sections; what was not keeps the template's hints, so the note reads the same either way.
    /// Headings and hints in the site's language; `draft.sections` may name a section by any of
    /// its names (the forms and CSV use the Japanese ones).
    static func visit(_ draft: VisitDraft, staff: [String], themes: [String], config: SiteConfig = SiteConfig()) -> String {
        let english = config.language == .en
        var lines = [
            "---",
            "date: \(draft.date)",
            "company: \(YAMLText.scalar(draft.company))",
            "staff: \(YAMLText.list(staff))",
            "kind: \(YAMLText.scalar(draft.kind))",
            "themes: \(YAMLText.list(themes))",
        ]
        if draft.referrals.isEmpty {
            lines += [
                english ? "# When you refer the company to a partner (to: an id in partners/):"
                        : "# 紹介したときは次のように書きます（to は partners/ の id）:",
                "# referrals:",
                "#   - to: partner-id",
                "#     status: proposed    # proposed | introduced | in_progress | contracted | productized | declined | closed",
                english ? "#     note: what was introduced" : "#     note: 紹介の内容",
            ]
        } else {
            lines.append("referrals:")
            for referral in draft.referrals {
                lines.append("  - to: \(YAMLText.scalar(referral.to))")
                lines.append("    status: \(YAMLText.scalar(referral.status))")
                if let note = referral.note, !note.isEmpty { lines.append("    note: \(YAMLText.scalar(note))") }
            }
        }
        lines.append(draft.nextVisit.map { "next_visit: \($0)" } ?? "# next_visit: YYYY-MM-DD")
        lines.append("---")
        for role in NoteSectionRole.allCases {
            let heading = config.sections.title(role)
            lines += ["## \(heading)", ""]
            let names = [heading, SectionNames.japanese[role]!, SectionNames.english[role]!]
            let written = names.lazy.compactMap { draft.sections?[$0] }.first
            if let given = written?.trimmingCharacters(in: .whitespacesAndNewlines), !given.isEmpty {
                lines += given.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init) + [""]
            } else if draft.sections == nil, role == .nextSteps {
                lines += ["- [ ] ", ""]
            }
        }
        return lines.joined(separator: "\n")
    }

    static func company(name: String, since: CalendarDate) -> String {
        """
        ---
        name: \(YAMLText.scalar(name))
        kana:
        industry:
        location:
        employees:
        founded:
        owner:                  # 担当者（people/ の id）
        since: \(since)
        status: active          # active | dormant | closed
        themes: []
        # contacts:             # 顔の見える関係
        #   - name: 氏名
        #     role: 代表取締役
        #     note: 人柄や、話すときに気をつけること
        #     phone: 0465-00-0000
        #     email: name@example.jp
        #     since: 2024-04-01     # until: その日で窓口を外れた人は「以前の窓口」として残る
        ---
        ## 沿革

        ## 強み

        ## 課題

        ## この関係が大切な理由

        """
    }

    static func playbook(title: String, order: Int) -> String {
        """
        ---
        title: \(YAMLText.scalar(title))
        order: \(order)               # てびきの中での順番
        themes: []
        ---
        ## ねらい

        ## 進め方

        ## 気をつけること

        """
    }

    static func person(name: String) -> String {
        """
        ---
        name: \(YAMLText.scalar(name))
        role:
        org:
        joined:
        # left: YYYY-MM-DD      # 異動・退職の日
        # successor: person-id  # 後任（people/ の id）
        ---
        ## 得意分野

        """
    }

    static func partner(name: String) -> String {
        """
        ---
        name: \(YAMLText.scalar(name))
        kind:                   # overseas | incubator | ip | finance | expert など
        ---
        ## できること

        ## 紹介するとき

        """
    }
}
