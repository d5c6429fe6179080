import GluteCore
import GluteLog
import GluteMQTT
import GluteWire

/// Publishes a session to an MQTT broker: every event on `PREFIX/ID/event` (QoS 1, the JSONL
/// object with `seq` and `session` in front, so that a consumer can drop the duplicates a
/// reconnect may bring), the retained state at most once a second when it changed, and
/// `online`/`offline` on the availability topic (the will says `offline` if the process dies).
/// Runs on the sink thread; `MQTTClient` only queues (memory, or the spool while the broker is
/// away), its own thread does the network.
public final class MQTTSink: SessionSink {
    private let client: MQTTClient
    private let topics: MQTTTopics
    private var today: TodayCounters
    private var lastAlert: String?
    private let discovery: Bool
    private let version: String
    private var batteryAnnounced = false
    private var lastState: String?
    private var lastStateWall = -Double.infinity
    private let session: Int
    private var seq = 0
    public private(set) var eventsPublished = 0

    static let alertTypes: Set<String> = ["sitting.prolonged", "tilt.anterior.start", "pelvic_drop"]

    /// Publishes `online` (and the discovery configs when `discovery`), retained. `sessionStart`:
    /// the wall time the run started, which names it in every event (`session`, in ms).
    /// `utcOffset`: the local zone's rule, for the counts that start again at local midnight.
    public init(client: MQTTClient, topics: MQTTTopics, discovery: Bool, version: String, sessionStart: Double,
                utcOffset: @escaping @Sendable (Double) -> Int) {
        self.client = client
        self.topics = topics
        today = TodayCounters(utcOffset: utcOffset)
        self.discovery = discovery
        self.version = version
        session = Int(saturating: sessionStart * 1000, rounding: .down)
        client.retain(topics.availability, "online")
        if discovery {
            for config in HADiscovery.configs(topics, version: version) { client.retain(config.topic, config.payload) }
        }
    }

    public func handle(_ event: TimedEvent, status: SessionStatus) {
        seq += 1
        let payload = MQTTTopics.eventPayload(EventFormat.json(event.event, wallTime: event.wall), seq: seq, session: session)
        if client.send(topics.event, payload) { eventsPublished += 1 }
        today.observe(event)
        if MQTTSink.alertTypes.contains(event.event.type) { lastAlert = event.event.type }
        publishState(status, force: false)
    }

    public func tick(_ status: SessionStatus) { publishState(status, force: false) }

    public func finish(_ status: SessionStatus) {
        publishState(status, force: true)
        client.retain(topics.availability, "offline")
        client.close()
    }

    private func publishState(_ status: SessionStatus, force: Bool) {
        guard force || status.wallNow - lastStateWall >= 1 else { return }
        let state = MQTTTopics.stateJSON(snapshot: status.snapshot, sittingToday: today.sittingSeconds(wall: status.wallNow, streamTime: status.snapshot.time),
                                         squeezesToday: today.squeezes, lastAlert: lastAlert, link: status.link,
                                         battery: status.batteryLevel)
        if discovery, status.batteryLevel != nil, !batteryAnnounced {
            // Only a sensor that reports its level gets the entity, once it has reported one.
            let config = HADiscovery.batteryConfig(topics, version: version)
            client.retain(config.topic, config.payload)
            batteryAnnounced = true
        }
        guard state != lastState else { return }
        client.retain(topics.state, state)
        lastState = state
        lastStateWall = status.wallNow
    }
}
