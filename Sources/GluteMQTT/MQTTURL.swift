/// `mqtt://[USER@]HOST[:PORT]` or `mqtts://...` (TLS; default ports 1883 and 8883). No password in
/// the URL: it would show in `ps` and in shell history.
public struct MQTTURL: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var tls: Bool

    public init(parsing text: String) throws(MQTTError) {
        let schemes = [("mqtt://", false), ("mqtts://", true)]
        guard let (scheme, tls) = schemes.first(where: { text.hasPrefix($0.0) }) else {
            throw MQTTError("'\(text)' is not mqtt://[USER@]HOST[:PORT] or mqtts://...")
        }
        self.tls = tls
        var rest = Substring(text.dropFirst(scheme.count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        if let at = rest.lastIndex(of: "@") {
            let user = rest[..<at]
            guard !user.isEmpty, !user.contains(":") else {
                throw MQTTError("'\(text)': a password does not go in the URL; use --mqtt-password-file or GLUTEBRIDGE_MQTT_PASSWORD")
            }
            username = String(user)
            rest = rest[rest.index(after: at)...]
        }
        port = tls ? 8883 : 1883
        if let colon = rest.lastIndex(of: ":"), !rest.hasPrefix("[") || rest[..<colon].hasSuffix("]") {
            let digits = rest[rest.index(after: colon)...]
            // Int() alone takes "+1883"; a port is digits and nothing else.
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let p = Int(digits), (1...65535).contains(p) else {
                throw MQTTError("'\(text)': the port must be a number from 1 to 65535")
            }
            port = p
            rest = rest[..<colon]
        }
        if rest.hasPrefix("["), rest.hasSuffix("]") { rest = rest.dropFirst().dropLast() }
        guard !rest.isEmpty, !rest.contains("/"), !rest.contains("?") else { throw MQTTError("'\(text)': no host name") }
        host = String(rest)
    }
}
