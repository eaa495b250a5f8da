import Foundation

/// The three posting families a patch edits: g (unigram and frequent-bigram document
/// postings), p (bigram positions) and w (Latin words).
enum PostingFamily: Int, CaseIterable {
    case grams = 0, positions, words

    var letter: Character { ["g", "p", "w"][rawValue] }
    var target: Int { [IndexLayout.gramTarget, IndexLayout.positionTarget, IndexLayout.wordTarget][rawValue] }

    /// What one entry adds to the size the writer derives the shard count from.
    func cost(keyCount: Int, listCount: Int) -> Int {
        self == .words ? listCount + keyCount + 6 : listCount + 8
    }

    func shard(of key: [UInt32], count: Int) -> Int {
        self == .words ? ShardHash.shard(of: IndexLayout.wordKey(key), count: count)
            : ShardHash.shard(of: key, count: count)
    }

    func name(_ n: Int) -> String {
        switch self {
        case .grams: return IndexLayout.gramShard(n)
        case .positions: return IndexLayout.positionShard(n)
        case .words: return IndexLayout.wordShard(n)
        }
    }
}

/// Identifies a file's bytes without keeping them: its length and two independent 64-bit
/// hashes, so unchanged files of a rebuild need not be handed out again.
struct Fingerprint: Equatable {
    let count: Int
    let a: UInt64
    let b: UInt64

    init(_ data: Data) {
        count = data.count
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(data.count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        data.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                a = (a ^ w) &* 0xFF51_AFD7_ED55_8CCD
                a ^= a >> 32
                b = (b &+ w) &* 0xC4CE_B9FE_1A85_EC53
                b ^= b >> 29
                i += 8
            }
            var tail: UInt64 = 0
            while i < raw.count { tail = tail << 8 | UInt64(raw[i]); i += 1 }
            a = ((a ^ tail) &* 0xFF51_AFD7_ED55_8CCD) ^ (a >> 31)
            b = ((b &+ tail) &* 0xC4CE_B9FE_1A85_EC53) ^ (b >> 33)
        }
        self.a = a
        self.b = b
    }
}

/// The part of the last build a patch works from: every g/p/w shard as emitted, the manifest,
/// and the sizes and word prefixes the manifest and the shard counts derive from.
struct KeptIndex {
    /// [family][shard]
    var shards: [[KeptShard]]
    /// Per family, the size the writer computes its shard count from.
    var totals: [Int]
    /// The manifest payload and where its `wordKeys` array content lies in it.
    var manifest: [UInt8]
    var wordKeysRange: Range<Int>
    /// First two scalars of every Latin word → number of words with them.
    var wordPrefixes: [[UInt32]: Int]
    var docsPerShard: Int

    /// Assembles the kept index from the parsed files of one complete build; nil when a file
    /// is missing or was not of the expected shape.
    init?(shards parsed: [String: KeptShard?], manifest: [UInt8]?, docsPerShard: Int) {
        guard let manifest, let range = KeptIndex.wordKeysRange(manifest) else { return nil }
        self.manifest = manifest
        wordKeysRange = range
        self.docsPerShard = docsPerShard
        shards = []
        totals = []
        wordPrefixes = [:]
        for family in PostingFamily.allCases {
            var list: [KeptShard] = []
            var total = 0
            while let entry = parsed[family.name(list.count)] {
                guard let shard = entry else { return nil }
                total += shard.listBytes + (family == .words ? shard.keyScalarCount + 6 * shard.count : 8 * shard.count)
                if family == .words {
                    for i in 0..<shard.count { wordPrefixes[Array(IndexLayout.wordKey(shard.key(i))), default: 0] += 1 }
                }
                list.append(shard)
            }
            guard !list.isEmpty, IndexLayout.shardCount(totalBytes: total, target: family.target) == list.count
            else { return nil }
            shards.append(list)
            totals.append(total)
        }
    }

    /// The manifest with another `wordKeys` list (sorted by scalar values, as the writer
    /// lists them).
    func manifest(wordKeys: [[UInt32]]) -> [UInt8] {
        var out = Array(manifest[..<wordKeysRange.lowerBound])
        for (i, key) in wordKeys.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            for v in key { JSONWriter.appendEscaped(v, to: &out) }
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: manifest[wordKeysRange.upperBound...])
        return out
    }

    /// Word keys are Latin word characters, so neither `]` nor a quote occurs inside the list.
    private static func wordKeysRange(_ manifest: [UInt8]) -> Range<Int>? {
        let open = Array("\"wordKeys\":[".utf8), close = Array("],\"facets\":".utf8)
        guard let start = find(open, in: manifest, from: 0).map({ $0 + open.count }),
              let end = find(close, in: manifest, from: start) else { return nil }
        return start..<end
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// The sink of a full build inside a session: fingerprints every file, hands on those that
/// differ from the previous build (all of them when there is none) and keeps the payloads
/// a patch needs. Called from several threads at once.
final class IndexCapture: @unchecked Sendable {
    private let lock = NSLock()
    private let previous: [String: Fingerprint]?
    private(set) var files: [String: Fingerprint] = [:]
    /// g/p/w shards by id, parsed on the writer's threads (nil: not of the expected shape).
    private(set) var shards: [String: KeptShard?] = [:]
    private(set) var manifest: [UInt8]?
    private(set) var emitted = 0

    init(previous: [String: Fingerprint]?) { self.previous = previous }

    func take(_ name: String, _ data: Data, sink: (String, Data) throws -> Void) throws {
        let print = Fingerprint(data)
        let id = String(name.dropLast(3))
        var payload: [UInt8]?
        if name.hasSuffix(".js"), id == IndexLayout.manifestID || "gpw".contains(id.first ?? " ") {
            let head = ShardFile.prefix.utf8.count + id.utf8.count + 3
            if data.count >= head + 3 { payload = [UInt8](data[(data.startIndex + head)..<(data.endIndex - 3)]) }
        }
        let shard = id == IndexLayout.manifestID ? nil : payload.map { KeptShard(payload: $0) }
        lock.lock()
        files[name] = print
        if id == IndexLayout.manifestID { manifest = payload } else if let shard { shards[id] = shard }
        let changed = previous?[name] != print
        if changed { emitted += 1 }
        lock.unlock()
        if changed { try sink(name, data) }
    }
}
