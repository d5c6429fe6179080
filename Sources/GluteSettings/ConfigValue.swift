/// A value from a config file, typed as the file wrote it; options arrive as `.string`.
public enum ConfigValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case strings([String])

    /// For messages: what kind of value this is.
    package var kindName: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .strings: return "an array"
        }
    }
}

/// One `key = value` of a config file.
public struct ConfigEntry: Sendable, Equatable {
    /// The table it was written in (`[alerts]`), nil at the top level.
    public var table: String?
    public var key: String
    public var value: ConfigValue
    /// 1-based line, when the format tells (TOML does, JSON does not).
    public var line: Int?

    public init(table: String?, key: String, value: ConfigValue, line: Int?) {
        self.table = table
        self.key = key
        self.value = value
        self.line = line
    }
}

/// A parsed config file: its entries in file order, not yet checked against the known keys.
public struct ConfigDocument: Sendable, Equatable {
    /// The path as the user gave it, for messages.
    public var path: String
    public var entries: [ConfigEntry]

    public init(path: String, entries: [ConfigEntry]) {
        self.path = path
        self.entries = entries
    }

    /// `FILE:LINE: key` or `FILE: key`, the origin of an entry in messages.
    package func origin(of entry: ConfigEntry) -> String {
        let place = entry.line.map { "\(path):\($0)" } ?? path
        let key = entry.table.map { "\($0).\(entry.key)" } ?? entry.key
        return "\(place): \(key)"
    }
}
