/// Every setting that `monitor` and `replay` take from the command line or a config file. The raw
/// value is the long option's name without its dashes, which is also the config file's key.
public enum SettingKey: String, Sendable, CaseIterable, Comparable {
    case tiltLimit = "tilt-limit"
    case tiltDelay = "tilt-delay"
    case sitLimit = "sit-limit"
    case breakMin = "break-min"
    case repeatInterval = "repeat"
    case squeezeMin = "squeeze-min"
    case dropLimit = "drop-limit"
    case neutral
    case mount
    case quietHours = "quiet-hours"
    case bell
    case notify
    case exec
    case alertOn = "alert-on"
    case alertInterval = "alert-interval"
    /// Days a daily event log is kept (`--keep-days` of `monitor --output-dir`).
    case keepDays = "keep-days"
    /// The MQTT options of `monitor`, `record` and `replay` (`MQTTSettings`).
    case mqtt
    case mqttPrefix = "mqtt-prefix"
    case deviceID = "device-id"
    case haDiscovery = "ha-discovery"
    case mqttPasswordFile = "mqtt-password-file"
    case mqttCafile = "mqtt-cafile"
    case mqttCert = "mqtt-cert"
    case mqttKey = "mqtt-key"

    /// The config file table the key may also appear in (besides the top level).
    public var table: ConfigTable {
        switch self {
        case .tiltLimit, .tiltDelay, .sitLimit, .breakMin, .repeatInterval, .squeezeMin, .dropLimit, .neutral, .mount:
            return .detection
        case .quietHours, .bell, .notify, .exec, .alertOn, .alertInterval:
            return .alerts
        case .keepDays:
            return .log
        case .mqtt, .mqttPrefix, .deviceID, .haDiscovery, .mqttPasswordFile, .mqttCafile, .mqttCert, .mqttKey:
            return .mqtt
        }
    }

    /// Options that take no value on the command line (`--bell`).
    public var isFlag: Bool { self == .bell || self == .notify }

    /// How the key is named on the command line.
    public var optionName: String { "--" + rawValue }

    public static func < (a: SettingKey, b: SettingKey) -> Bool { a.rawValue < b.rawValue }
}

/// The tables a TOML config file may use to group its keys; JSON uses nested objects of the same
/// names. Grouping is optional: every key is also accepted at the top level.
public enum ConfigTable: String, Sendable, CaseIterable {
    case detection
    case alerts
    case log
    case mqtt
}
