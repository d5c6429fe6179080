import GluteDevices

/// Reading `--config FILE`: TOML (see `TOMLSubset`) or JSON (see `JSONConfig`). The format is
/// chosen by the extension (`.json`, `.toml`), else by the first non-blank character (`{` means
/// JSON).
///
/// Keys are the long options without their dashes (`SettingKey`), at the top level or grouped in
/// `[detection]` / `[alerts]`. Degrees are numbers or numeric strings; durations are strings in the
/// option syntax (`"45m"`) or numbers of seconds; `bell` and `notify` are booleans; `exec` and
/// `alert-on` are a string or an array of strings (`alert-on` entries may also be comma lists).
///
/// ```toml
/// tilt-limit = 12
/// sit-limit = "45m"
///
/// [alerts]
/// notify = true
/// exec = ["notify-send 'Stand up'", "/home/me/bin/log-event --quiet"]
/// alert-on = ["sitting.prolonged", "pelvic_drop"]
/// quiet-hours = "22:00-07:30"
/// ```
///
/// The same as JSON: `{"tilt-limit": 12, "sit-limit": "45m", "alerts": {"notify": true, ...}}`.
public enum ConfigFile {
    /// Config files are a few hundred bytes; anything this large is the wrong file.
    package static let maximumSize = 1 << 20

    public static func load(path: String) throws(SettingsError) -> ConfigDocument {
        let bytes = try read(path)
        return try parse(bytes, path: path)
    }

    /// Parses file contents; `path` names the file in messages and picks the format.
    public static func parse(_ bytes: [UInt8], path: String) throws(SettingsError) -> ConfigDocument {
        let lowered = path.lowercased()
        let firstVisible = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let isJSON = lowered.hasSuffix(".json") || (!lowered.hasSuffix(".toml") && firstVisible == UInt8(ascii: "{"))
        if isJSON {
            return ConfigDocument(path: path, entries: try JSONConfig.parse(bytes, path: path))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SettingsError(origin: path, problem: "not UTF-8 text")
        }
        return ConfigDocument(path: path, entries: try TOMLSubset.parse(text, path: path))
    }

    private static func read(_ path: String) throws(SettingsError) -> [UInt8] {
        func failure(_ what: String, _ error: SystemError) -> SettingsError {
            SettingsError(origin: path, problem: "\(what): \(error.message)")
        }
        do {
            return try PrivateFile.contents(of: path, limit: maximumSize)
        } catch {
            switch error {
            case .open(let e): throw failure("cannot open the config file", e)
            case .stat(let e): throw failure("cannot stat the config file", e)
            case .directory: throw SettingsError(origin: path, problem: "is a directory, not a config file")
            case .read(let e): throw failure("cannot read the config file", e)
            case .tooLarge: throw SettingsError(origin: path, problem: "larger than 1 MiB; is this the right file?")
            }
        }
    }
}
