/// Field classes, in text order; ranking weighs them title > heading > body/meta.
enum FieldClass: Int {
    case title = 0, heading = 1, other = 2
}

/// A document's searchable text: its fields in NFKC (whitespace runs collapsed to one space),
/// and the normalised scalars of all fields joined by "\n" — a separator that no query term
/// can contain, so no match spans two fields.
struct DocumentText {
    /// Stored NFKC fields: [title, headings…, body, meta].
    let fields: [String]
    /// Normalised scalar values of the joined text.
    let scalars: [UInt32]
    /// Field class of each scalar of `scalars` (the separator takes the class before it).
    let classes: [UInt8]

    init(_ doc: SearchDocument) {
        var fields = [DocumentText.clean(doc.title)]
        var kinds: [FieldClass] = [.title]
        for heading in doc.headings {
            fields.append(DocumentText.clean(heading))
            kinds.append(.heading)
        }
        fields.append(DocumentText.clean(doc.body))
        kinds.append(.other)
        fields.append(DocumentText.clean(doc.meta))
        kinds.append(.other)
        self.fields = fields

        var scalars: [UInt32] = []
        var classes: [UInt8] = []
        let estimate = fields.reduce(fields.count) { $0 + $1.utf8.count / 2 }
        scalars.reserveCapacity(estimate)
        classes.reserveCapacity(estimate)
        for (i, field) in fields.enumerated() {
            if i > 0 {
                scalars.append(0x0A)
                classes.append(classes.last ?? 0)
            }
            for s in field.unicodeScalars {
                SearchNormalizer.appendLowercase(s.value, to: &scalars)
            }
            classes.append(contentsOf: repeatElement(UInt8(kinds[i].rawValue), count: scalars.count - classes.count))
        }
        self.scalars = scalars
        self.classes = classes
    }

    /// NFKC with whitespace runs collapsed to one space and trimmed.
    static func clean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in SearchNormalizer.nfkc(s).unicodeScalars {
            if SearchCharacters.isSpace(scalar.value) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }
}

/// The ranking summary of one occurrence, carried in postings: field class and a coarse
/// position (16-scalar buckets, capped so it always fits two VLQ digits).
enum OccurrenceInfo {
    static let maxBucket = 340

    @inline(__always)
    static func make(position: Int, fieldClass: Int) -> Int {
        fieldClass + 3 * min(position >> 4, maxBucket)
    }
}
