import GluteAlerts
import GluteCore

/// Where a setting's value came from.
public enum SettingSource: String, Sendable, Equatable {
    case option
    case configFile = "config file"
}

/// The detection and alert settings of a `monitor` or `replay` run, resolved from the command line,
/// an optional config file and the defaults.
///
/// Precedence, per key: a command-line option beats the config file, which beats the default
/// (`PipelineSettings()`, `AlertSettings()`, no quiet hours). `--exec` given on the command line
/// replaces the file's `exec` list rather than adding to it; `--bell` and `--notify` can only
/// switch an action on, so the file's `bell = true` cannot be undone from the command line.
/// Unknown keys, keys in the wrong table and bad values are errors, never ignored; every value in
/// the file is checked, including one that an option overrides.
///
/// Ranges: tilt limit 1..45 degrees, drop limit 1..30 degrees; durations longer than zero (at most 24h) except
/// `alert-interval`, which may be 0 (no rate limit); `squeeze-min` shorter than the longest
/// squeeze (30 s); the neutral window starts at or after 0 and before it ends. For limits smaller
/// than twice the detector's hysteresis, the hysteresis shrinks to half the limit so that an episode
/// can still end.
public struct ResolvedSettings: Sendable, Equatable {
    public var pipeline: PipelineSettings
    public var alerts: AlertSettings
    public var quietHours: QuietHours?
    /// Where each key that was not left at its default came from.
    public var sources: [SettingKey: SettingSource]
    /// The calibration profile applied to `pipeline` (mount and neutral), if any: recorded in a
    /// capture's header so that its replay calibrates the same way.
    public var calibration: CalibrationProfile?
    /// Days to keep daily event logs (`keep-days` in the file's `[log]` table); nil: the default.
    public var keepDays: Int?
    /// The file's `[mqtt]` settings (the MQTT options themselves are not resolved here: the command
    /// line's `--mqtt*` options override these one by one where they are given).
    public var mqtt = MQTTSettings()

    public init(pipeline: PipelineSettings = PipelineSettings(), alerts: AlertSettings = AlertSettings(),
                quietHours: QuietHours? = nil, sources: [SettingKey: SettingSource] = [:]) {
        self.pipeline = pipeline
        self.alerts = alerts
        self.quietHours = quietHours
        self.sources = sources
    }

    /// Resolves the options over the config file at `configFile` (if any) over the defaults.
    public static func resolve(options: OptionValues, configFile: String?) throws(SettingsError) -> ResolvedSettings {
        let document: ConfigDocument?
        if let configFile { document = try ConfigFile.load(path: configFile) } else { document = nil }
        return try resolve(options: options, config: document)
    }

    /// Resolves the options over an already parsed config document (if any) over the defaults.
    public static func resolve(options: OptionValues, config: ConfigDocument?) throws(SettingsError) -> ResolvedSettings {
        var given: [SettingKey: SettingValue] = [:]
        if let config {
            given = try fileSettings(config)
            // Every value in the file must be good, even one an option overrides today.
            _ = try build(from: given)
        }
        for (key, value) in try optionSettings(options) { given[key] = value }
        return try build(from: given)
    }

    private static func fileSettings(_ document: ConfigDocument) throws(SettingsError) -> [SettingKey: SettingValue] {
        var settings: [SettingKey: SettingValue] = [:]
        for entry in document.entries {
            let place = entry.line.map { "\(document.path):\($0)" } ?? document.path
            var table: ConfigTable?
            if let name = entry.table {
                guard let known = ConfigTable(rawValue: name) else {
                    throw SettingsError(origin: place, problem: "unknown table [\(name)] (known: "
                        + ConfigTable.allCases.map { "[\($0.rawValue)]" }.joined(separator: ", ") + ")")
                }
                table = known
            }
            guard let key = SettingKey(rawValue: entry.key) else {
                throw SettingsError(origin: place, problem: "unknown key '\(entry.key)'" + suggestion(for: entry.key))
            }
            if let table, key.table != table {
                throw SettingsError(origin: place, problem: "'\(key.rawValue)' belongs in [\(key.table.rawValue)] "
                    + "or at the top level, not in [\(table.rawValue)]")
            }
            guard settings[key] == nil else {
                throw SettingsError(origin: place, problem: "'\(key.rawValue)' is set twice")
            }
            settings[key] = SettingValue(value: entry.value, origin: document.origin(of: entry), source: .configFile)
        }
        return settings
    }

    private static func optionSettings(_ options: OptionValues) throws(SettingsError) -> [SettingKey: SettingValue] {
        var settings: [SettingKey: SettingValue] = [:]
        func key(_ name: String) throws(SettingsError) -> SettingKey {
            var bare = Substring(name)
            while bare.first == "-" { bare = bare.dropFirst() }
            guard let key = SettingKey(rawValue: String(bare)) else {
                throw SettingsError(origin: "--" + bare, problem: "not a detection or alert option")
            }
            return key
        }
        for (name, text) in options.values {
            let key = try key(name)
            guard !key.isFlag, key != .exec else {
                throw SettingsError(origin: key.optionName, problem: "is not an option that takes a value here")
            }
            settings[key] = SettingValue(value: .string(text), origin: key.optionName, source: .option)
        }
        for name in options.flags {
            let key = try key(name)
            guard key.isFlag else { throw SettingsError(origin: key.optionName, problem: "is not a flag") }
            settings[key] = SettingValue(value: .bool(true), origin: key.optionName, source: .option)
        }
        if !options.execCommands.isEmpty {
            settings[.exec] = SettingValue(value: .strings(options.execCommands), origin: "--exec", source: .option)
        }
        return settings
    }

    private static func build(from given: [SettingKey: SettingValue]) throws(SettingsError) -> ResolvedSettings {
        var resolved = ResolvedSettings()
        // Sorted so that, with several bad values, the same one is reported every time.
        for key in given.keys.sorted() {
            let value = given[key]!
            resolved.sources[key] = value.source
            switch key {
            case .tiltLimit:
                resolved.pipeline.tilt.limit = try value.degrees(in: 1...45)
                resolved.pipeline.tilt.hysteresis = min(resolved.pipeline.tilt.hysteresis, resolved.pipeline.tilt.limit / 2)
            case .tiltDelay:
                resolved.pipeline.tilt.delay = try value.duration()
            case .sitLimit:
                resolved.pipeline.sitting.limit = try value.duration()
            case .breakMin:
                resolved.pipeline.sitting.breakMin = try value.duration()
            case .repeatInterval:
                resolved.pipeline.sitting.repeatInterval = try value.duration()
            case .squeezeMin:
                let seconds = try value.duration()
                let longest = resolved.pipeline.squeeze.maxHold
                guard seconds < longest else {
                    throw value.failure("\(DurationText.format(seconds)) is not shorter than the longest squeeze "
                        + "(\(DurationText.format(longest)); longer holds are a change of posture)")
                }
                resolved.pipeline.squeeze.minHold = seconds
            case .dropLimit:
                resolved.pipeline.drop.limit = try value.degrees(in: 1...30)
                resolved.pipeline.drop.hysteresis = min(resolved.pipeline.drop.hysteresis, resolved.pipeline.drop.limit / 2)
            case .neutral:
                resolved.pipeline.neutral = try value.neutralWindow()
            case .mount:
                resolved.pipeline.mount = try value.mount()
            case .quietHours:
                resolved.quietHours = try value.quietHours()
            case .bell:
                resolved.alerts.bell = try value.flag()
            case .notify:
                resolved.alerts.notify = try value.flag()
            case .exec:
                resolved.alerts.exec = try value.commands()
            case .alertOn:
                resolved.alerts.types = try value.eventTypes()
            case .alertInterval:
                resolved.alerts.minInterval = try value.duration(allowZero: true)
            case .keepDays:
                resolved.keepDays = try value.wholeNumber(in: 1...36_500)
            case .mqtt:
                resolved.mqtt.url = try value.text(expecting: "\"mqtt://broker.lan\"")
            case .mqttPrefix:
                resolved.mqtt.prefix = try value.text(expecting: "\"glutebridge\"")
            case .deviceID:
                resolved.mqtt.deviceID = try value.text(expecting: "\"desk1\"")
            case .haDiscovery:
                resolved.mqtt.haDiscovery = try value.flag()
            case .mqttPasswordFile:
                resolved.mqtt.passwordFile = try value.text(expecting: "\"/home/me/.config/glutebridge/mqtt-password\"")
            case .mqttCafile:
                resolved.mqtt.caFile = try value.text(expecting: "\"/etc/ssl/certs/broker-ca.pem\"")
            case .mqttCert:
                resolved.mqtt.certFile = try value.text(expecting: "\"client.pem\"")
            case .mqttKey:
                resolved.mqtt.keyFile = try value.text(expecting: "\"client.key\"")
            }
        }
        return resolved
    }

    /// ` (did you mean 'tilt-limit'?)` for a near miss, else nothing.
    private static func suggestion(for key: String) -> String {
        let close = SettingKey.allCases.map { ($0.rawValue, editDistance(key.lowercased(), $0.rawValue)) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }
        return close.map { " (did you mean '\($0.0)'?)" } ?? ""
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
