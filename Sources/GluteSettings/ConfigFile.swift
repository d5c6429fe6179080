import Glibc

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
        func failure(_ what: String) -> SettingsError {
            SettingsError(origin: path, problem: "\(what): \(String(cString: strerror(errno)))")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("cannot open the config file") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure("cannot stat the config file") }
        guard (st.st_mode & S_IFMT) != S_IFDIR else { throw SettingsError(origin: path, problem: "is a directory, not a config file") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read the config file")
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            guard bytes.count <= maximumSize else {
                throw SettingsError(origin: path, problem: "larger than 1 MiB; is this the right file?")
            }
        }
        return bytes
    }
}
