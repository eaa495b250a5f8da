import Foundation
import FrontMatter

/// The example project of `densho init --lang en`: the same fictional team, written in English,
/// with the English section headings an English site reads.
extension ExampleProject {
    static func englishFiles(today: CalendarDate) -> [(String, String)] {
        let visitPath = "content/visits/\(today.year)/\(today)-sakura-kogyo.md"
        let sections = SectionNames(language: .en)
        return [
            (".gitignore", "# the output of densho build (made anew each time)\nsite/\n"),
            ("content/site.yml", """
            # Settings for the whole site
            title: Sakura City SME Support Notes
            language: en                # ja | en (the language of the site and of densho's messages)
            visit_cadence_days: 90      # a company not visited for longer is overdue
            themes:                     # the themes in use (densho check warns about others)
              - IP
              - Export
              - Cash flow
              - Succession
              - Relationship
            reflection_prompts:         # the questions densho reflect adds
              - What went well
              - What to change next time
              - What the successor should know
            # sections:                 # rename the visit-note headings if you like
            #   heard: What we heard
            #   diagnosis: Assessment
            #   next_steps: Next steps
            #   reflection: Reflection

            """),
            ("content/people/yamada.md", """
            ---
            name: Hanako Yamada
            role: Coordinator
            org: Sakura City Industry Foundation
            joined: 2020-04-01
            ---
            Supports manufacturers. Holds [[sakura-kogyo]].

            """),
            ("content/partners/ip-center.md", """
            ---
            name: IP Matching Center
            kind: ip
            ---
            Connects open patents of large companies with SMEs.

            ## Before referring

            - Ask first whether there is a product idea.

            """),
            ("content/companies/sakura-kogyo.md", """
            ---
            name: Sakura Kogyo Co., Ltd.
            industry: Metal pressing
            location: Naka-machi, Sakura City
            employees: 28
            founded: 1975
            owner: yamada
            since: 2020-06-01
            status: active
            themes: [IP, Succession]
            contacts:
              - name: Ichiro Sakurai
                role: President
                note: Second generation. Prefers morning visits.
            ---
            ## History

            Founded in 1975. From car parts to parts for medical devices.

            ## Strengths

            - Precise thin-sheet pressing and short lead times.

            ## Challenges

            Wants a product of its own but has no seed for one. Open patents from [[ip-center]] are candidates.

            """),
            (visitPath, """
            ---
            date: \(today)
            company: sakura-kogyo
            staff: [yamada]
            kind: visit
            themes: [IP]
            referrals:
              - to: ip-center
                status: introduced
                note: Two open patents introduced
            next_visit: \(today.adding(days: 60))
            ---
            ## \(sections.title(.heard))

            - The president: "We want one product of our own."

            ## \(sections.title(.diagnosis))

            Their pressing skills fit the open patents well. Start with a small prototype.

            ## \(sections.title(.nextSteps))

            - [ ] Send the patent documents to the president
            - [x] Book a meeting with [[ip-center]]

            ## \(sections.title(.reflection))

            Strong interest. Next time, talk about the cost of a prototype.

            """),
            ("content/playbooks/first-visit.md", """
            ---
            title: The first visit
            order: 10
            themes: [Relationship]
            ---
            ## Aim

            On a first visit, listen before advising. The notes on [[companies/sakura-kogyo|Sakura Kogyo]] are an example.

            ## What to write down

            - What we heard, the assessment, the next steps and a reflection.

            """),
        ]
    }
}
