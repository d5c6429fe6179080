/// The detection and alert options as the user typed them, before any interpretation. Only the
/// options the user gave are present, so that the resolver can tell "not given" (the config file or
/// the default applies) from "given".
public struct OptionValues: Sendable, Equatable {
    /// Valued options by key (`"tilt-limit": "12"`). Keys are `SettingKey` raw values; leading
    /// dashes are tolerated.
    public var values: [String: String]
    /// Flags that were given (`"bell"`, `"notify"`).
    public var flags: Set<String>
    /// Every `--exec` in order, each one command line (split into words by the resolver).
    public var execCommands: [String]

    public init(values: [String: String] = [:], flags: Set<String> = [], execCommands: [String] = []) {
        self.values = values
        self.flags = flags
        self.execCommands = execCommands
    }

    /// Records a valued option if it was given (`nil` means not given).
    public mutating func set(_ key: SettingKey, _ value: String?) {
        guard let value else { return }
        values[key.rawValue] = value
    }

    /// Records a flag if it was given.
    public mutating func set(_ key: SettingKey, flag given: Bool) {
        if given { flags.insert(key.rawValue) }
    }
}
