import Foundation
import Messages
#if canImport(Glibc)
import Glibc
#endif

/// What an in-place commit (a `serve` or `--watch` rebuild writing into the live site) is about to
/// do, written before it does any of it. The new files are first all written under temporary
/// names; then this journal names every rename and removal; then they are done; then it goes.
/// A commit killed halfway leaves the journal, and the next build (or serve, or check of the
/// output) finishes it before anything else: the site is never left half old, half new.
struct CommitJournal: Codable {
    static let fileName = ".densho-commit"

    /// `[temporary, target]`, both relative to the output folder.
    var renames: [[String]] = []
    /// Files of the previous build this one no longer makes.
    var removals: [String] = []

    /// Makes the journal the record of the commit, in one rename (it is whole or absent).
    func record(in output: URL) throws {
        let data = try JSONEncoder().encode(self)
        let path = output.appendingPathComponent(CommitJournal.fileName).path
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data), rename(temporary, path) == 0 else {
            unlink(temporary)
            throw BuildFailure(Message(.outputCannotRecord, output.path, String(cString: strerror(errno))))
        }
    }

    /// Does every rename and removal; a rename whose temporary file is gone was done before.
    func apply(in output: URL) throws {
        for pair in renames where pair.count == 2 {
            let temporary = output.appendingPathComponent(pair[0]).path
            guard access(temporary, F_OK) == 0 else { continue }
            guard rename(temporary, output.appendingPathComponent(pair[1]).path) == 0 else {
                throw BuildFailure(Message(.outputCannotReplace, output.appendingPathComponent(pair[1]).path, String(cString: strerror(errno))))
            }
        }
        for relativePath in removals {
            var url = output.appendingPathComponent(relativePath)
            unlink(url.path)
            // A folder the full build would not make (a year with no visit left) goes too.
            for _ in relativePath.split(separator: "/").dropLast() {
                url = url.deletingLastPathComponent()
                if rmdir(url.path) != 0 { break }
            }
        }
    }

    static func clear(in output: URL) {
        unlink(output.appendingPathComponent(fileName).path)
    }

    /// Finishes a commit that was interrupted (the process was killed): true when there was one.
    /// Paths are checked to stay inside the output, as the journal is read back from disk.
    @discardableResult
    static func finishInterrupted(in output: URL) -> Bool {
        let path = output.appendingPathComponent(fileName).path
        unlink(path + ".tmp")   // a journal killed while being written: the commit had not begun
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        if let journal = try? JSONDecoder().decode(CommitJournal.self, from: data),
           (journal.renames.joined() + journal.removals).allSatisfy(isInside) {
            try? journal.apply(in: output)
        }
        clear(in: output)
        return true
    }

    private static func isInside(_ relativePath: String) -> Bool {
        !relativePath.isEmpty && !relativePath.hasPrefix("/") && !relativePath.split(separator: "/").contains("..")
    }
}
