/// The `[mqtt]` table of a config file, as written: the MQTT options' file defaults. Checked as
/// text here; `glutebridge` checks the URL, the id and the files as it does the options'.
public struct MQTTSettings: Sendable, Equatable {
    public var url: String?
    public var prefix: String?
    public var deviceID: String?
    public var haDiscovery: Bool?
    public var passwordFile: String?
    public var caFile: String?
    public var certFile: String?
    public var keyFile: String?

    public init() {}
}
