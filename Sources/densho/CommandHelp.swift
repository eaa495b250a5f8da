/// What every command accepts and how to use it: the one table that `densho help CMD`,
/// `densho CMD --help`, the "did you mean" hints and the shell completions are made from.
struct CommandHelp {
    struct Option {
        let name: String
        var short: Character? = nil
        /// The value's placeholder; nil for a switch.
        var value: String? = nil
        let help: String
    }

    let name: String
    let usage: [String]
    let summary: String
    let options: [Option]
    let examples: [String]

    static let buildOptions: [Option] = [
        Option(name: "content", value: "DIR", help: "the content folder; the project root is the folder holding it (default: content)"),
        Option(name: "output", short: "o", value: "DIR", help: "output folder (default: site/ beside content/, public/ with --public)"),
        Option(name: "theme", value: "NAME|DIR", help: "themes/NAME of the project, or a theme folder (default: themes/default, else the built-in theme)"),
        Option(name: "today", value: "YYYY-MM-DD", help: "the day dates are counted from (default: today)"),
        Option(name: "public", help: "build only public pages (playbooks by default), into public/"),
        Option(name: "drafts", help: "build notes marked `draft: true` too (never with --public)"),
    ]
    static let common: [Option] = [
        Option(name: "help", short: "h", help: "show this help"),
        Option(name: "quiet", short: "q", help: "print only errors and what the command is for (paths, results)"),
    ]

    static let all: [CommandHelp] = [
        CommandHelp(name: "build", usage: ["densho build [--content DIR] [-o|--output DIR] [--theme NAME|DIR] [--today YYYY-MM-DD] [--public] [--drafts] [--watch]"],
                    summary: "Build content/ into site/ (atomic: a failed build leaves the previous site as it was).",
                    options: buildOptions + [Option(name: "watch", help: "rebuild whenever content/ or the theme changes")],
                    examples: ["densho build", "densho build --today 2026-11-25", "densho build --public            # into public/",
                               "densho build --content ~/notes/content -o /srv/www/notes"]),
        CommandHelp(name: "serve", usage: ["densho serve [--port 1313] [--host 127.0.0.1] [--allow-edits] [build options]"],
                    summary: "Build, serve the site on http://127.0.0.1:1313/, rebuild on changes and reload open pages.",
                    options: [Option(name: "port", value: "N", help: "port to listen on; 0 picks a free one (default: 1313)"),
                              Option(name: "host", value: "ADDRESS", help: "address to listen on; anything but loopback exposes the site (default: 127.0.0.1)"),
                              Option(name: "allow-edits", help: "off loopback: keep the browser forms that write notes (on by default on loopback)")]
                        + buildOptions,
                    examples: ["densho serve", "densho serve --port 0", "densho serve --public"]),
        CommandHelp(name: "search", usage: ["densho search QUERY… [--site DIR] [--type T] [--theme X] [--company SLUG] [--person ID] [--partner ID] [--year YYYY] [--limit N] [--json]"],
                    summary: "Search a built site's index: the same results, in the same order, as its search page.",
                    options: [Option(name: "site", value: "DIR", help: "the built site (default: site)"),
                              Option(name: "type", value: "TYPE", help: "filter: visit, company, playbook, person, partner"),
                              Option(name: "theme", value: "THEME", help: "filter: a theme (its value or its label)"),
                              Option(name: "company", value: "SLUG", help: "filter: a company"),
                              Option(name: "person", value: "ID", help: "filter: a person"),
                              Option(name: "partner", value: "ID", help: "filter: a partner"),
                              Option(name: "year", value: "YYYY", help: "filter: a year"),
                              Option(name: "limit", value: "N", help: "how many results to show (default: 20)"),
                              Option(name: "json", help: "print {\"total\": N, \"results\": [{\"url\", \"title\", \"type\", \"date\", \"snippet\", …}]}")],
                    examples: ["densho search 特許", "densho search ＩＰ --type visit --year 2026", "densho search 特許 --site public --json"]),
        CommandHelp(name: "init", usage: ["densho init DIR [--theme DIR] [--lang en]"],
                    summary: "Start a project in a new or empty folder: site.yml, one example of each note, and the theme to edit.",
                    options: [Option(name: "theme", value: "DIR", help: "copy this theme folder instead of the built-in theme"),
                              Option(name: "today", value: "YYYY-MM-DD", help: "the day the examples are dated from (default: today)")],
                    examples: ["densho init さくら市", "cd さくら市 && densho build", "densho init sakura --lang en   # an English site"]),
        CommandHelp(name: "new", usage: ["densho new visit COMPANY [--date YYYY-MM-DD] [--staff ID]... [--kind visit|call|event|matching]",
                                         "densho new company|playbook|person|partner SLUG [--name NAME]"],
                    summary: "Write a new note from its template (never overwrites), print its path and open $EDITOR.",
                    options: [Option(name: "content", value: "DIR", help: "the content folder (default: content)"),
                              Option(name: "date", value: "YYYY-MM-DD", help: "visit: its date (default: today)"),
                              Option(name: "staff", value: "ID", help: "visit: who went (repeatable; default: whoever holds the company)"),
                              Option(name: "kind", value: "KIND", help: "visit: visit, call, event or matching (default: visit)"),
                              Option(name: "name", value: "NAME", help: "company, playbook, person, partner: its name or title")],
                    examples: ["densho new visit minato-seiki", "densho new visit minato-seiki --date 2026-11-25 --kind call",
                               "densho new company sakura-kogyo --name 株式会社さくら工業"]),
        CommandHelp(name: "reflect", usage: ["densho reflect VISIT_PATH|COMPANY [--today YYYY-MM-DD]"],
                    summary: "Append a dated 振り返り section with the site's prompts to a visit (or a company's latest visit).",
                    options: [Option(name: "content", value: "DIR", help: "the content folder (default: content)"),
                              Option(name: "today", value: "YYYY-MM-DD", help: "the section's date (default: today)")],
                    examples: ["densho reflect minato-seiki", "densho reflect content/visits/2026/2026-11-25-minato-seiki.md"]),
        CommandHelp(name: "check", usage: ["densho check [--content DIR] [--format text|json] [--today YYYY-MM-DD]"],
                    summary: "Report every problem and warning as path:line:column (exit 1 when there are errors).",
                    options: [Option(name: "content", value: "DIR", help: "the content folder (default: content)"),
                              Option(name: "format", value: "text|json", help: "text lines, or {\"errors\", \"warnings\", \"diagnostics\"} (default: text)"),
                              Option(name: "today", value: "YYYY-MM-DD", help: "the day dates are counted from (default: today)")],
                    examples: ["densho check", "densho check --format json"]),
        CommandHelp(name: "import", usage: ["densho import visits|companies FILE.csv [--dry-run] [--content DIR]"],
                    summary: "Turn an Excel CSV (UTF-8 or CP932) into visit or company notes; all rows or none.",
                    options: [Option(name: "content", value: "DIR", help: "the content folder (default: content)"),
                              Option(name: "dry-run", help: "check every row and say what would be written, write nothing")],
                    examples: ["densho import visits 訪問記録.csv --dry-run", "densho import companies 企業一覧.csv"]),
        CommandHelp(name: "theme", usage: ["densho theme eject [--content DIR]"],
                    summary: "Write the built-in theme out to the project's themes/default to edit it (never over an existing folder).",
                    options: [Option(name: "content", value: "DIR", help: "the content folder; the theme goes beside it (default: content)")],
                    examples: ["densho theme eject"]),
        CommandHelp(name: "completion", usage: ["densho completion bash|zsh|fish"],
                    summary: "Print a shell completion script for commands and options.",
                    options: [],
                    examples: ["source <(densho completion bash)            # in ~/.bashrc",
                               "densho completion zsh > ~/.zfunc/_densho     # with fpath+=(~/.zfunc) before compinit",
                               "densho completion fish > ~/.config/fish/completions/densho.fish"]),
        CommandHelp(name: "help", usage: ["densho help [COMMAND]"],
                    summary: "Show the overview, or one command's help with examples.",
                    options: [], examples: ["densho help build"]),
    ]

    static func named(_ name: String) -> CommandHelp? { all.first { $0.name == name } }

    /// The options a command accepts, `help` and `quiet` included.
    var allOptions: [Option] { options + CommandHelp.common }

    /// `densho help CMD` and `densho CMD --help`.
    var text: String {
        var lines = ["Usage:"] + usage.map { "  \($0)" } + ["", summary]
        if !allOptions.isEmpty {
            lines += ["", "Options:"]
            let labels = allOptions.map { option -> String in
                let short = option.short.map { "-\($0), " } ?? "    "
                return short + "--\(option.name)" + (option.value.map { " \($0)" } ?? "")
            }
            let width = labels.map(\.count).max() ?? 0
            for (label, option) in zip(labels, allOptions) {
                lines.append("  " + label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + option.help)
            }
        }
        if !examples.isEmpty { lines += ["", "Examples:"] + examples.map { "  \($0)" } }
        return lines.joined(separator: "\n")
    }
}
