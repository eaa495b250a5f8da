/// The data a template renders: the JSON-like shape that front matter and the site model produce.
///
/// Truthiness (what `{{#x}}` shows and `{{^x}}` hides) follows the spec where it speaks — `null`, `false` and
/// an empty list are falsy — and, where the spec is silent, treats the empty string as falsy too, so that a
/// theme can write `{{#note}}<p>{{note}}</p>{{/note}}` without the site inventing `null`s for blank fields.
/// Numbers (including 0) and objects (including `{}`) are truthy.
public indirect enum MustacheValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral,
    ExpressibleByFloatLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([MustacheValue])
    case object([String: MustacheValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: MustacheValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        // Later duplicates win, as in a JSON object, instead of trapping like Dictionary(uniqueKeysWithValues:).
        var object: [String: MustacheValue] = [:]
        object.reserveCapacity(elements.count)
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }

    /// Whether a section `{{#x}}` renders (and an inverted section `{{^x}}` does not).
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .int, .double, .object: return true
        }
    }

    /// The text an interpolation tag inserts (before HTML escaping).
    /// Integral doubles print without a fraction (`1.0` → `1`), as JSON-born numbers do in other engines.
    public var renderedText: String {
        switch self {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number):
            if number.isFinite, number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
            return String(number)
        case .string(let text): return text
        case .array(let items): return items.map(\.renderedText).joined(separator: ",")
        case .object: return ""
        }
    }

    /// Member access for dotted names; `nil` when this is not an object or has no such key.
    @inlinable
    public subscript(key: String) -> MustacheValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}
