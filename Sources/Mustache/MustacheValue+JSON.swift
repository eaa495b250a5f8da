import Foundation

extension MustacheValue {
    /// Converts the output of `JSONSerialization` (or any plist-like tree) into a value.
    /// Unknown leaf types become `.null` rather than failing: templates treat them as missing.
    public init(jsonObject: Any) {
        switch jsonObject {
        case let value as MustacheValue: self = value
        case is NSNull: self = .null
        case let text as String: self = .string(text)
        case let number as NSNumber:
            // JSONSerialization boxes booleans, integers and doubles alike as NSNumber; the objCType tells them
            // apart ("c" for booleans on both Darwin and Linux; `is Bool` would also match the integers 0 and 1).
            let type = String(cString: number.objCType)
            if type == "c" {
                self = .bool(number.boolValue)
            } else if type != "d", type != "f", let integer = Int(exactly: number) {
                self = .int(integer)
            } else {
                self = .double(number.doubleValue)
            }
        case let items as [Any]: self = .array(items.map(MustacheValue.init(jsonObject:)))
        case let members as [String: Any]: self = .object(members.mapValues(MustacheValue.init(jsonObject:)))
        default: self = .null
        }
    }

    /// Parses JSON text (UTF-8 bytes) into a value; fragments such as a bare string are allowed.
    public init(json data: Data) throws {
        self.init(jsonObject: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }
}
