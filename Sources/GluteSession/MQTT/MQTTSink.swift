import GluteCore
import GluteLog
import GluteMQTT

/// Publishes a session to an MQTT broker: every event on `PREFIX/ID/event` (QoS 1, the JSONL
/// object), the retained state at most once a second when it changed, and `online`/`offline` on
/// the availability topic (the will says `offline` if the process dies). Runs on the sink thread;
/// `MQTTClient.publish` only queues (bounded), libmosquitto's thread does the network.
public final class MQTTSink: SessionSink {
    private let client: MQTTClient
    private let topics: MQTTTopics
    private let report: (String) -> Void
    private var summary = SessionSummary()
    private var lastAlert: String?
    private var lastState: String?
    private var lastStateWall = -Double.infinity
    private var droppedReported = 0
    public private(set) var eventsPublished = 0

    static let alertTypes: Set<String> = ["sitting.prolonged", "tilt.anterior.start", "pelvic_drop"]

    /// Publishes `online` (and the discovery configs when `discovery`), retained.
    public init(client: MQTTClient, topics: MQTTTopics, discovery: Bool, version: String, report: @escaping (String) -> Void) {
        self.client = client
        self.topics = topics
        self.report = report
        if discovery {
            for config in HADiscovery.configs(topics, version: version) { client.publish(config.topic, config.payload, retain: true) }
        }
        client.publish(topics.availability, "online", retain: true)
    }

    public func handle(_ event: TimedEvent, status: SessionStatus) {
        if client.publish(topics.event, EventFormat.json(event.event, wallTime: event.wall)) { eventsPublished += 1 }
        summary.observe(event.event)
        if MQTTSink.alertTypes.contains(event.event.type) { lastAlert = event.event.type }
        publishState(status, force: false)
    }

    public func tick(_ status: SessionStatus) { publishState(status, force: false) }

    public func finish(_ status: SessionStatus) {
        publishState(status, force: true)
        client.publish(topics.availability, "offline", retain: true)
        client.close()
        noteDrops()
    }

    private func publishState(_ status: SessionStatus, force: Bool) {
        noteDrops()
        guard force || status.wallNow - lastStateWall >= 1 else { return }
        let state = MQTTTopics.stateJSON(snapshot: status.snapshot, summary: summary, lastAlert: lastAlert, link: status.link)
        guard state != lastState else { return }
        client.publish(topics.state, state, retain: true)
        lastState = state
        lastStateWall = status.wallNow
    }

    private func noteDrops() {
        let dropped = client.counts.dropped
        guard dropped > droppedReported else { return }
        report("mqtt: \(dropped - droppedReported) messages dropped (more than \(client.capacity) waiting for the broker)")
        droppedReported = dropped
    }
}
