import Site

/// `densho completion bash|zsh|fish`: a completion script for the shell, made from `CommandHelp`
/// so it always offers exactly the commands and options this densho accepts.
enum Completion {
    static func run(_ args: [String]) throws -> Int32 {
        let a = try Arguments(args, command: "completion")
        guard a.positional.count == 1, let shell = a.positional.first else {
            throw UsageError(message: "'completion' needs a shell: bash, zsh or fish", command: "completion")
        }
        switch shell {
        case "bash": print(bash)
        case "zsh": print(zsh)
        case "fish": print(fish)
        default:
            let close = Suggestions.closest(to: shell, among: ["bash", "zsh", "fish"], limit: 1)
            throw UsageError(message: "no completion for '\(shell)'\(close.first.map { "; did you mean '\($0)'?" } ?? "") (bash, zsh or fish)",
                             command: "completion")
        }
        return 0
    }

    private static var commands: [CommandHelp] { CommandHelp.all }

    /// Options that take a folder, for file-name completion of their value.
    private static func takesFolder(_ option: CommandHelp.Option) -> Bool { option.value?.contains("DIR") == true }

    static var bash: String {
        let cases = commands.map { command -> String in
            let words = command.allOptions.flatMap { o in ["--\(o.name)"] + (o.short.map { ["-\($0)"] } ?? []) }
            let extra = command.name == "help" ? " " + commands.map(\.name).joined(separator: " ")
                : command.name == "completion" ? " bash zsh fish"
                : command.name == "new" ? " visit company playbook person partner"
                : command.name == "theme" ? " eject" : ""
            return "    \(command.name)) words=\"\(words.joined(separator: " "))\(extra)\" ;;"
        }
        let folderOptions = Set(commands.flatMap { $0.allOptions.filter(takesFolder).map { "--\($0.name)" } + $0.allOptions.filter(takesFolder).compactMap { $0.short.map { "-\($0)" } } })
        return """
        # densho completion for bash. Load it with:  source <(densho completion bash)
        _densho() {
          local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" words=""
          if [ "$COMP_CWORD" -eq 1 ]; then
            COMPREPLY=($(compgen -W "\(commands.map(\.name).joined(separator: " ")) --help --version" -- "$cur"))
            return
          fi
          case "$prev" in
            \(folderOptions.sorted().joined(separator: "|"))) COMPREPLY=($(compgen -d -- "$cur")); return ;;
          esac
          case "${COMP_WORDS[1]}" in
        \(cases.joined(separator: "\n"))
          esac
          COMPREPLY=($(compgen -W "$words" -- "$cur"))
          [ ${#COMPREPLY[@]} -eq 0 ] && [[ "$cur" != -* ]] && COMPREPLY=($(compgen -f -- "$cur"))
          return 0
        }
        complete -F _densho densho
        """
    }

    static var zsh: String {
        func quoted(_ text: String) -> String {
            text.replacingOccurrences(of: "'", with: "'\\''").replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
                .replacingOccurrences(of: ":", with: "\\:")
        }
        let described = commands.map { "    '\($0.name):\(quoted($0.summary))'" }.joined(separator: "\n")
        let cases = commands.map { command -> String in
            let specs = command.allOptions.map { o -> String in
                let names = o.short.map { "{-\($0),--\(o.name)}" } ?? "--\(o.name)"
                let value = o.value.map { takesFolder(o) ? ":\($0):_files -/" : ":\($0): " } ?? ""
                return "'\(names)[\(quoted(o.help))]\(value)'"
            }
            return "    (\(command.name)) _arguments \(specs.joined(separator: " ")) '*:argument:_files' ;;"
        }.joined(separator: "\n")
        return """
        #compdef densho
        # densho completion for zsh. Save as _densho in a folder of $fpath (before compinit), or: source <(densho completion zsh)
        _densho() {
          local -a commands
          commands=(
        \(described)
          )
          if (( CURRENT == 2 )); then
            _describe 'densho command' commands
            return
          fi
          local command=$words[2]
          shift words
          (( CURRENT-- ))
          case $command in
        \(cases)
          esac
        }
        if [ "$funcstack[1]" = "_densho" ]; then _densho "$@"; else compdef _densho densho; fi
        """
    }

    static var fish: String {
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'" }
        var lines = ["# densho completion for fish. Save as ~/.config/fish/completions/densho.fish",
                     "complete -c densho -f"]
        let names = commands.map(\.name).joined(separator: " ")
        for command in commands {
            lines.append("complete -c densho -n 'not __fish_seen_subcommand_from \(names)' -a \(command.name) -d \(quoted(command.summary))")
        }
        for command in commands {
            for o in command.allOptions {
                var line = "complete -c densho -n '__fish_seen_subcommand_from \(command.name)' -l \(o.name)"
                if let short = o.short { line += " -s \(short)" }
                if o.value != nil { line += takesFolder(o) ? " -r -F" : " -r" }
                lines.append(line + " -d \(quoted(o.help))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
