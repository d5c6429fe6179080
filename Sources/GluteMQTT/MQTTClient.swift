import CMosquitto
import Foundation
import Synchronization

/// Why an MQTT connection failed: one line for the user.
public struct MQTTError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Where and how to connect.
public struct MQTTConnection: Sendable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var clientID: String
    public var caFile: String?
    public var certFile: String?
    public var keyFile: String?
    /// Set as the will: published retained by the broker if the connection dies.
    public var will: (topic: String, payload: String)?

    public init(host: String, port: Int, clientID: String) {
        self.host = host
        self.port = port
        self.clientID = clientID
    }
}

/// libmosquitto behind a small type. Its own network thread (`mosquitto_loop_start`) does all the
/// socket work; `publish` only hands a message to libmosquitto's queue and never waits on the
/// network. QoS 1 messages not yet acknowledged are bounded by `capacity`: past it a message is
/// dropped and counted (`dropped`), so a dead broker cannot grow memory without limit.
public final class MQTTClient: @unchecked Sendable {
    // Safe: `handle` is used from the owner's thread and libmosquitto's thread, which libmosquitto
    // allows (its calls lock internally); the counters are behind a Mutex.
    private let handle: OpaquePointer
    private let state = Mutex<(connack: Int32?, pending: Int, dropped: Int, sent: Int)>((nil, 0, 0, 0))
    public let capacity: Int
    private var started = false

    /// Connects and waits for the broker's answer (CONNACK) for at most `timeout` seconds; a
    /// refusal (bad credentials, unknown client) throws instead of retrying.
    public init(_ connection: MQTTConnection, capacity: Int = 10_000, timeout: Double = 10) throws(MQTTError) {
        _ = MQTTClient.libraryInitialized
        guard let m = mosquitto_new(connection.clientID, true, nil) else { throw MQTTError("mqtt: cannot create a client") }
        handle = m
        self.capacity = capacity
        mosquitto_user_data_set(m, Unmanaged.passUnretained(self).toOpaque())
        mosquitto_connect_callback_set(m) { _, user, rc in
            guard let user else { return }
            Unmanaged<MQTTClient>.fromOpaque(user).takeUnretainedValue().state.withLock { $0.connack = rc }
        }
        mosquitto_publish_callback_set(m) { _, user, _ in
            guard let user else { return }
            Unmanaged<MQTTClient>.fromOpaque(user).takeUnretainedValue().state.withLock { $0.pending -= 1; $0.sent += 1 }
        }
        do { try configure(connection) } catch { mosquitto_destroy(m); throw error }
        do { try connect(connection, timeout: timeout) } catch { mosquitto_destroy(m); throw error }
    }

    private static let libraryInitialized: Bool = { mosquitto_lib_init(); return true }()

    private func configure(_ c: MQTTConnection) throws(MQTTError) {
        if let user = c.username {
            try check(mosquitto_username_pw_set(handle, user, c.password), "credentials")
        }
        if let will = c.will {
            try check(mosquitto_will_set(handle, will.topic, Int32(will.payload.utf8.count), will.payload, 1, true), "will")
        }
        if let ca = c.caFile {
            try check(mosquitto_tls_set(handle, ca, nil, c.certFile, c.keyFile, nil), "TLS files")
        }
        _ = mosquitto_reconnect_delay_set(handle, 1, 30, true)
        _ = mosquitto_max_inflight_messages_set(handle, 100)
    }

    private func connect(_ c: MQTTConnection, timeout: Double) throws(MQTTError) {
        let rc = mosquitto_connect(handle, c.host, Int32(c.port), 30)
        guard rc == MOSQ_ERR_SUCCESS.rawValue else {
            throw MQTTError("mqtt: cannot connect to \(c.host):\(c.port): \(MQTTClient.errorText(rc))")
        }
        // Drive the loop here until CONNACK, so a refusal is reported once, not retried forever.
        var waited = 0.0
        while state.withLock({ $0.connack }) == nil {
            let loopRC = mosquitto_loop(handle, 100, 1)
            waited += 0.1
            if loopRC != MOSQ_ERR_SUCCESS.rawValue, state.withLock({ $0.connack }) == nil {
                throw MQTTError("mqtt: \(c.host):\(c.port): \(MQTTClient.errorText(loopRC))")
            }
            if waited > timeout { throw MQTTError("mqtt: \(c.host):\(c.port) did not answer within \(timeout) s") }
        }
        let connack = state.withLock { $0.connack } ?? 0
        guard connack == 0 else {
            throw MQTTError("mqtt: \(c.host):\(c.port) refused the connection: \(String(cString: mosquitto_connack_string(connack)))")
        }
        try check(mosquitto_loop_start(handle), "network thread")
        started = true
    }

    /// Queues a message; false when it was dropped (more than `capacity` QoS 1 messages waiting).
    @discardableResult
    public func publish(_ topic: String, _ payload: String, qos: Int32 = 1, retain: Bool = false) -> Bool {
        let admitted = state.withLock { s -> Bool in
            guard qos == 0 || s.pending < capacity else { s.dropped += 1; return false }
            if qos > 0 { s.pending += 1 }
            return true
        }
        guard admitted else { return false }
        let bytes = Array(payload.utf8)
        let rc = bytes.withUnsafeBytes { raw in
            mosquitto_publish(handle, nil, topic, Int32(raw.count), raw.baseAddress, qos, retain)
        }
        if rc != MOSQ_ERR_SUCCESS.rawValue, rc != MOSQ_ERR_NO_CONN.rawValue {
            // NO_CONN: libmosquitto keeps QoS 1 messages and sends them after the reconnect.
            state.withLock { s in if qos > 0 { s.pending -= 1 }; s.dropped += 1 }
            return false
        }
        return true
    }

    /// Messages dropped because the queue was full, messages the broker acknowledged, and QoS 1
    /// messages still waiting for their acknowledgement.
    public var counts: (dropped: Int, sent: Int, pending: Int) { state.withLock { ($0.dropped, $0.sent, $0.pending) } }

    /// Waits up to `timeout` seconds for the queue to empty, then disconnects cleanly (no will).
    public func close(drainTimeout timeout: Double = 5) {
        if started {
            var waited = 0.0
            while counts.pending > 0, waited < timeout {
                usleepShort()
                waited += 0.01
            }
            mosquitto_disconnect(handle)
            mosquitto_loop_stop(handle, false)
            started = false
        }
    }

    deinit {
        if started { mosquitto_disconnect(handle); mosquitto_loop_stop(handle, true) }
        mosquitto_destroy(handle)
    }

    private func check(_ rc: Int32, _ what: String) throws(MQTTError) {
        guard rc == MOSQ_ERR_SUCCESS.rawValue else { throw MQTTError("mqtt: \(what): \(MQTTClient.errorText(rc))") }
    }

    static func errorText(_ rc: Int32) -> String {
        if rc == MOSQ_ERR_ERRNO.rawValue { return "connection failed (refused or unreachable)" }
        return String(cString: mosquitto_strerror(rc))
    }

    private func usleepShort() { Thread.sleep(forTimeInterval: 0.01) }
}
