import Foundation

/// A config file in JSON: one object whose members are keys as in the TOML form, optionally grouped
/// in nested `"detection"`, `"alerts"` and `"log"` objects. Values are strings, numbers, booleans or arrays
/// of strings.
package enum JSONConfig {
    package static func parse(_ data: [UInt8], path: String) throws(SettingsError) -> [ConfigEntry] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(data))
        } catch {
            throw SettingsError(origin: path, problem: "not valid JSON: " + JSONSyntaxLocation.describe(data))
        }
        guard let top = object as? [String: Any] else {
            throw SettingsError(origin: path, problem: "the JSON must be an object of settings")
        }
        var entries: [ConfigEntry] = []
        for key in top.keys.sorted() {
            let member = top[key]!
            if let nested = member as? [String: Any] {
                for inner in nested.keys.sorted() {
                    entries.append(ConfigEntry(table: key, key: inner,
                                               value: try value(nested[inner]!, origin: "\(path): \(key).\(inner)"), line: nil))
                }
            } else {
                entries.append(ConfigEntry(table: nil, key: key, value: try value(member, origin: "\(path): \(key)"), line: nil))
            }
        }
        return entries
    }

    private static func value(_ any: Any, origin: String) throws(SettingsError) -> ConfigValue {
        if let text = any as? String { return .string(text) }
        if let number = any as? NSNumber {
            // JSONSerialization gives booleans as NSNumber too; their ObjC type is char.
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            return .number(number.doubleValue)
        }
        if let array = any as? [Any] {
            var items: [String] = []
            for item in array {
                guard let text = item as? String else {
                    throw SettingsError(origin: origin, problem: "arrays may hold only strings")
                }
                items.append(text)
            }
            return .strings(items)
        }
        if any is NSNull { throw SettingsError(origin: origin, problem: "null is not a value; leave the key out instead") }
        throw SettingsError(origin: origin, problem: "nested objects are allowed only as \"detection\", \"alerts\" and \"log\"")
    }
}
