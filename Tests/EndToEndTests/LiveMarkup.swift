import Foundation

/// Finds markup in built HTML that a browser would act on: script elements, event-handler
/// attributes, and `javascript:` / `data:` / `vbscript:` URLs in attributes that load or navigate.
/// It reads tags the way a browser's tokenizer does (quoted and unquoted attribute values, case-
/// insensitive names), which is enough to tell escaped text from a live tag.
enum LiveMarkup {
    struct Tag { let name: String; let attributes: [(name: String, value: String)] }

    static let dangerousTags: Set<String> = ["script", "iframe", "object", "embed", "style", "base", "frame", "frameset", "applet", "template", "svg:script"]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset", "cite"]

    /// Problems found, each with a snippet; the theme's own search script is the one allowed script.
    static func problems(in html: String, allowedScripts: Set<String>) -> [String] {
        var found: [String] = []
        for tag in tags(in: html) {
            if tag.name == "script" {
                let src = tag.attributes.first { $0.name == "src" }?.value
                if let src, allowedScripts.contains(where: { src.hasSuffix($0) }) { continue }
                found.append("<script src=\(src ?? "none")>")
                continue
            }
            if dangerousTags.contains(tag.name) { found.append("<\(tag.name)>") }
            if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" }) { found.append("<meta http-equiv>") }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { found.append("<\(tag.name) \(name)=\(value)>") }
                if urlAttributes.contains(name) || name == "style" {
                    let squeezed = String(decodeEntities(value).unicodeScalars.filter { $0.value > 0x20 }).lowercased()
                    for scheme in ["javascript:", "data:", "vbscript:"] where squeezed.hasPrefix(scheme) || (name == "style" && squeezed.contains(scheme)) {
                        found.append("<\(tag.name) \(name)=\(value)>")
                    }
                }
            }
        }
        return found
    }

    static func tags(in html: String) -> [Tag] {
        let s = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool { !(c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" || c == "/" || c == ">") }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count, s[i + 1].properties.isAlphabetic else { i += 1; continue }
            i += 1
            var name = ""
            while i < s.count, isNameChar(s[i]) { name.unicodeScalars.append(s[i]); i += 1 }
            var attributes: [(String, String)] = []
            while i < s.count, s[i] != ">" {
                if s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" || s[i] == "/" || s[i] == "\u{0C}" { i += 1; continue }
                var attr = ""
                while i < s.count, isNameChar(s[i]), s[i] != "=" { attr.unicodeScalars.append(s[i]); i += 1 }
                if attr.isEmpty { attr.unicodeScalars.append(s[i]); i += 1 }
                var value = ""
                if i < s.count, s[i] == "=" {
                    i += 1
                    if i < s.count, s[i] == "\"" || s[i] == "'" {
                        let quote = s[i]; i += 1
                        while i < s.count, s[i] != quote { value.unicodeScalars.append(s[i]); i += 1 }
                        i += 1
                    } else {
                        while i < s.count, isNameChar(s[i]) || s[i] == "/" { value.unicodeScalars.append(s[i]); i += 1 }
                    }
                }
                attributes.append((attr.lowercased(), value))
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes))
            // Script and style content is raw text: skip to the closing tag as a browser would.
            if name.lowercased() == "script" || name.lowercased() == "style" {
                let close = Array("</\(name.lowercased())".unicodeScalars)
                while i < s.count, !(i + close.count <= s.count && String(String.UnicodeScalarView(s[i..<i + close.count])).lowercased() == String(String.UnicodeScalarView(close))) { i += 1 }
            }
        }
        return tags
    }

    /// Numeric and the few named character references an attacker would use to hide a scheme.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.prefix(12).firstIndex(of: ";") else { out += "&"; rest = rest.dropFirst(); continue }
            let body = rest[rest.index(after: rest.startIndex)..<semi]
            var scalar: Unicode.Scalar?
            if body.hasPrefix("#x") || body.hasPrefix("#X") { scalar = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            else if body.hasPrefix("#") { scalar = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init) }
            else { scalar = ["colon": ":", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "tab": "\t", "newline": "\n"][String(body)] }
            if let scalar { out.unicodeScalars.append(scalar); rest = rest[rest.index(after: semi)...] } else { out += "&"; rest = rest.dropFirst() }
        }
        return out + rest
    }
}
