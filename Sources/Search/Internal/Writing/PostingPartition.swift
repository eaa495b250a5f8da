/// The postings whose key falls in one partition; only one thread touches it at a time.
final class PostingPartition {
    var unigramIndex = GramTable()
    var unigramKeys: [UInt32] = []
    var unigrams: [DocPostingBuilder] = []
    var bigramIndex = GramTable()
    var bigramKeys: [UInt64] = []
    var bigrams: [DocPostingBuilder] = []
    var trigramIndex = GramTable()
    var trigramKeys: [UInt64] = []
    var trigrams: [DocPostingBuilder] = []
    var words: [[UInt32]: DocPostingBuilder] = [:]

    func add(doc: Int, analysis: DocumentAnalysis, partition p: Int, of count: Int) {
        add(firstDoc: doc, analyses: CollectionOfOne(analysis), partition: p, of: count)
    }

    /// Adds documents `firstDoc…` (consecutive ids, one analysis each). The tables are moved
    /// into locals for the loop: stored properties of a class pay a dynamic exclusivity check
    /// on every access, locals do not (and moving keeps their buffers uniquely referenced).
    func add<C: Collection>(firstDoc: Int, analyses: C, partition p: Int, of count: Int)
    where C.Element == DocumentAnalysis {
        var unigramIndex = take(\.unigramIndex, GramTable()), unigramKeys = take(\.unigramKeys, [])
        var unigrams = take(\.unigrams, []), bigramIndex = take(\.bigramIndex, GramTable())
        var bigramKeys = take(\.bigramKeys, []), bigrams = take(\.bigrams, [])
        var trigramIndex = take(\.trigramIndex, GramTable())
        var trigramKeys = take(\.trigramKeys, []), trigrams = take(\.trigrams, [])
        var words = take(\.words, [:])
        defer {
            self.trigramIndex = trigramIndex; self.trigramKeys = trigramKeys; self.trigrams = trigrams
            self.unigramIndex = unigramIndex; self.unigramKeys = unigramKeys; self.unigrams = unigrams
            self.bigramIndex = bigramIndex; self.bigramKeys = bigramKeys; self.bigrams = bigrams
            self.words = words
        }

        var doc = firstDoc
        for analysis in analyses {
            defer { doc += 1 }
            for u in analysis.unigramStarts[p]..<analysis.unigramStarts[p + 1] {
                let packed = analysis.unigrams[u]
                let scalar = UInt32(packed >> 32)
                let (index, inserted) = unigramIndex.index(of: UInt64(scalar), orInsert: Int32(unigrams.count))
                if inserted {
                    unigramKeys.append(scalar)
                    unigrams.append(DocPostingBuilder())
                }
                // Single scalars keep only the field class: no phrase needs their positions.
                unigrams[Int(index)].add(doc: doc, fieldClass: Occurrence.fieldClass(Int(packed & 0xFFFF_FFFF)))
            }
            for b in analysis.bigramPartitionStarts[p]..<analysis.bigramPartitionStarts[p + 1] {
                let key = analysis.bigramKeys[b]
                let (index, inserted) = bigramIndex.index(of: key, orInsert: Int32(bigrams.count))
                if inserted {
                    bigramKeys.append(key)
                    bigrams.append(DocPostingBuilder())
                }
                bigrams[Int(index)].add(doc: doc, occurrence: Int(analysis.bigramFirst[b]))
            }
            for t in analysis.trigramPartitionStarts[p]..<analysis.trigramPartitionStarts[p + 1] {
                let key = analysis.trigramKeys[t]
                let (index, inserted) = trigramIndex.index(of: key, orInsert: Int32(trigrams.count))
                if inserted {
                    trigramKeys.append(key)
                    trigrams.append(DocPostingBuilder())
                }
                trigrams[Int(index)].add(doc: doc, fieldClass: Int(analysis.trigramClass[t]))
            }
            for (word, occurrence) in analysis.words where Int(word.last ?? 0) % count == p {
                words[word, default: DocPostingBuilder()].add(doc: doc, fieldClass: Occurrence.fieldClass(occurrence))
            }
        }
    }

    private func take<T>(_ path: ReferenceWritableKeyPath<PostingPartition, T>, _ empty: T) -> T {
        let value = self[keyPath: path]
        self[keyPath: path] = empty
        return value
    }
}
