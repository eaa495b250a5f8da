import Messages
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a text file a person wrote, refusing what we cannot read faithfully.
enum SourceText {
    /// Largest note we accept: far above any real note, low enough that a stray binary file
    /// cannot exhaust memory.
    static let maximumBytes = 32 * 1024 * 1024

    /// The file as a String, or a diagnostic pointing at the first byte that is not UTF-8.
    static func read(_ url: URL, displayPath: String) -> Result<String, Diagnostic> {
        read(path: url.path, displayPath: displayPath)
    }

    static func read(path: String, displayPath: String) -> Result<String, Diagnostic> {
        let data: Data
        switch load(path) {
        case .success(let bytes): data = bytes
        case .failure(let problem):
            return .failure(Diagnostic(path: displayPath, line: 1, column: 1, problem.message))
        }
        if data.count > maximumBytes {
            return .failure(Diagnostic(path: displayPath, line: 1, column: 1,
                                       Message(.fileTooLarge, String(data.count), String(maximumBytes))))
        }
        return decode(data, displayPath: displayPath)
    }

    /// Why a file's bytes could not be had.
    enum LoadProblem: Error, Equatable {
        case cannotOpen(Int32)
        case notRegular(mode_t)
        case readFailed(Int32)

        var message: Message {
            switch self {
            case .cannotOpen(let code), .readFailed(let code): return Message(.fileUnreadableBecause, String(cString: strerror(code)))
            case .notRegular(let mode): return SourceText.nonRegularMessage(mode)
            }
        }
    }

    /// The file's bytes, or nil when it cannot be opened, is not a regular file, or cannot be read.
    static func contents(atPath path: String) -> Data? {
        try? load(path).get()
    }

    /// The file's bytes, read with open/fstat/read: FileManager's `contents(atPath:)` costs
    /// more than parsing a small note. Opened non-blocking and checked with fstat before any read:
    /// a FIFO or a device named like a note (`mkfifo x.md`, a link to /dev/zero) would otherwise
    /// wait or read forever.
    static func load(_ path: String) -> Result<Data, LoadProblem> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return .failure(.cannotOpen(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.readFailed(errno)) }
        if info.st_mode & S_IFMT != S_IFREG { return .failure(.notRegular(info.st_mode & S_IFMT)) }
        var data = Data()
        // One more byte than the size: the usual read then ends at once; a file that grew is still read whole.
        var buffer = [UInt8](repeating: 0, count: min(max(Int(info.st_size), 0) + 1, 1 << 20))
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 { if errno == EINTR { continue }; return .failure(.readFailed(errno)) }
            if count == 0 { return .success(data) }
            data.append(buffer, count: count)
        }
    }

    /// What a non-regular file is, said as a diagnostic.
    static func nonRegularMessage(_ mode: mode_t) -> Message {
        switch mode & S_IFMT {
        case S_IFDIR: return Message(.fileIsFolder)
        case S_IFIFO: return Message(.fileIsFIFO)
        case S_IFSOCK: return Message(.fileIsSocket)
        default: return Message(.fileIsDevice)
        }
    }

    static func decode(_ data: Data, displayPath: String) -> Result<String, Diagnostic> {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            // The standard library validates fast; our own walk runs only to locate a problem.
            guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(invalid([UInt8](bytes), displayPath)) }
            // memchr: these two scans run over every byte of every note.
            if let base = raw.baseAddress, let hit = memchr(base, 0, raw.count) {
                let (line, column) = lineAndColumn(of: base.distance(to: UnsafeRawPointer(hit)), in: [UInt8](bytes))
                return .failure(Diagnostic(path: displayPath, line: line, column: column,
                                           Message(.fileHasNUL)))
            }
            let hasCR = raw.baseAddress.map { memchr($0, 13, raw.count) != nil } ?? false
            return .success(normalizedLineEndings(text, hasCR: hasCR))
        }
    }

    private static func invalid(_ bytes: [UInt8], _ displayPath: String) -> Diagnostic {
        let bad = firstInvalidUTF8Offset(bytes) ?? 0
        let (line, column) = lineAndColumn(of: bad, in: bytes)
        return Diagnostic(path: displayPath, line: line, column: column,
                          Message(.fileNotUTF8, String(bytes[bad], radix: 16, uppercase: true)))
    }

    /// Notes come from many editors: drop a byte-order mark and make every line end in LF, so
    /// everything downstream sees one form and line numbers still match what the editor shows.
    static func normalizedLineEndings(_ text: String, hasCR: Bool? = nil) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard hasCR ?? text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Offset of the first byte that breaks UTF-8 (overlongs, surrogates and truncation included).
    static func firstInvalidUTF8Offset(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return i
            }
            for k in 1...need {
                guard i + k < n else { return i }
                let cc = b[i + k]
                let lo: UInt8 = k == 1 ? lower : 0x80
                let hi: UInt8 = k == 1 ? upper : 0xBF
                if cc < lo || cc > hi { return i }
            }
            i += need + 1
        }
        return nil
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        var i = 0
        while i < offset && i < bytes.count {
            let c = bytes[i]
            if c == 0x0A { line += 1; column = 1 }
            else if c & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }
}
