/// The value of one node. Quoted scalars are always `.string`; only plain scalars are typed.
public indirect enum YAMLValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case date(CalendarDate)
    case sequence([YAMLNode])
    case mapping([YAMLEntry])
}

/// A value together with where it starts, so that later checks (unknown partner, bad status…)
/// can point at the exact place in the file.
public struct YAMLNode: Equatable, Sendable {
    public let value: YAMLValue
    public let location: SourceLocation

    public init(value: YAMLValue, location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// One `key: value` pair; mappings keep their entries in file order and never repeat a key.
public struct YAMLEntry: Equatable, Sendable {
    public let key: String
    public let keyLocation: SourceLocation
    public let value: YAMLNode

    public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

extension YAMLNode {
    /// The value of `key` when this node is a mapping that has it.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let entries) = value else { return nil }
        return entries.first { $0.key == key }?.value
    }

    public var entries: [YAMLEntry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// Any non-null scalar as text: strings as they are, `1968`, `true`, `2026-10-14`.
    /// Useful where a string is wanted but a plain scalar happened to look like a number.
    public var scalarText: String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .date(let date): return date.description
        case .null, .sequence, .mapping: return nil
        }
    }

    public var intValue: Int? {
        if case .int(let number) = value { return number }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    public var dateValue: CalendarDate? {
        if case .date(let date) = value { return date }
        return nil
    }
}
