import GluteCore
import GluteLiveView
import GluteLog
import GluteWire

/// The topics of one device and the payloads published on them. Pure: text in, text out.
public struct MQTTTopics: Sendable, Equatable {
    public var prefix: String
    public var deviceID: String
    public var discoveryPrefix: String

    public init(prefix: String = "glutebridge", deviceID: String, discoveryPrefix: String = "homeassistant") {
        self.prefix = prefix
        self.deviceID = deviceID
        self.discoveryPrefix = discoveryPrefix
    }

    public var event: String { "\(prefix)/\(deviceID)/event" }
    public var state: String { "\(prefix)/\(deviceID)/state" }
    public var availability: String { "\(prefix)/\(deviceID)/availability" }

    /// A device id as a topic level: letters, digits, `-` and `_` kept, anything else `_`.
    public static func sanitizedID(_ text: String) -> String {
        let kept = text.unicodeScalars.map { s -> Character in
            (("0"..."9").contains(s) || ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "-" || s == "_")
                ? Character(s) : "_"
        }
        let id = String(kept)
        return id.isEmpty ? "glutebridge" : id
    }

    /// Whether `id` may be used as given (`--device-id`): no topic separators or wildcards.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && sanitizedID(id) == id
    }

    /// An event's payload: its JSONL object with `seq` (1, 2, ... in this run) and `session` (the
    /// run's start, Unix ms) in front. A message sent again after a reconnect is the same bytes.
    public static func eventPayload(_ json: String, seq: Int, session: Int) -> String {
        "{\"seq\":\(seq),\"session\":\(session)," + json.dropFirst()
    }

    /// The retained state: what a dashboard shows now.
    /// `sittingToday`, `squeezesToday`: since local midnight (`TodayCounters`). `battery_pct` only
    /// when the sensor reports a level.
    public static func stateJSON(snapshot: PipelineSnapshot, sittingToday: Double, squeezesToday: Int, lastAlert: String?,
                                 link: LinkStatus, battery: Int? = nil) -> String {
        func num(_ v: Double?) -> String { v.map { EventFormat.number($0) } ?? "null" }
        let posture = snapshot.posture.map { TextFormatting.jsonString($0.rawValue) } ?? "null"
        let alert = lastAlert.map(TextFormatting.jsonString) ?? "null"
        return "{\"posture\":\(posture),\"sitting\":\(snapshot.posture == .sitting),\"tilt_deg\":\(num(snapshot.tilt)),"
            + "\"obliquity_deg\":\(num(snapshot.obliquity)),\"anterior_tilt\":\(snapshot.tilted),"
            + "\"bout_s\":\(num(snapshot.sittingBout)),\"sitting_today_s\":\(num((sittingToday * 10).rounded() / 10)),"
            + "\"squeezes_today\":\(squeezesToday),\"last_alert\":\(alert),\"link\":\"\(linkWord(link))\""
            + (battery.map { ",\"battery_pct\":\($0)" } ?? "") + "}"
    }

    static func linkWord(_ link: LinkStatus) -> String {
        switch link {
        case .connecting: return "connecting"
        case .connected: return "connected"
        case .disconnected: return "disconnected"
        case .ended: return "ended"
        }
    }
}
