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

/// libmosquitto behind a small type, with its own network thread that owns the connection.
///
/// - The first connection is made in `init` and must succeed: a refusal (bad credentials, wrong
///   CA) or an unreachable broker throws, one line, instead of retrying.
/// - Events (`send`, QoS 1) go through an `MQTTOutbox`: in memory while the link is up, to the
///   on-disk spool while it is down; after a reconnect the unacknowledged ones are sent first, then
///   the spool, then the newer ones, in order.
/// - Retained messages (`retain`: state, availability, discovery) keep only their latest payload
///   and are all published again after each reconnect (a restarted broker may have lost them).
/// - A lost link is retried after 1, 2, 4, ... s, at most `maxBackoff` s apart.
///
/// `send` and `retain` only take a lock and append (at worst one spool write); the caller's thread
/// never waits on the network.
public final class MQTTClient: @unchecked Sendable {
    // Safe: everything below `lock` is only touched under it; `handle` belongs to the network
    // thread after init; libmosquitto calls its callbacks on that thread, from `mosquitto_loop`.
    private let connection: MQTTConnection
    private let report: @Sendable (String) -> Void
    public let maxBackoff: Double
    /// Events handed to libmosquitto and not yet acknowledged, at most.
    static let window = 100

    private let lock = NSLock()
    private let outbox: MQTTOutbox
    private var retained: [(topic: String, payload: String, dirty: Bool)] = []
    private var retainedInFlight = Set<Int32>()
    private var linkUp = false
    private var stopping = false
    private var drainDeadline = Double.infinity
    private var abandoned = false
    private var dropReported = false

    private var handle: OpaquePointer?
    private let connack = Mutex<Int32?>(nil)
    private let threadDone = DispatchSemaphore(value: 0)
    private var threadStarted = false

    /// Connects (waiting at most `timeout` s for the broker's answer) and starts the network
    /// thread. `spoolPath`: where events wait while the broker is away (nil: memory only).
    public init(_ connection: MQTTConnection, spoolPath: String? = nil, memoryLimit: Int = 1_000, maxBackoff: Double = 30,
                timeout: Double = 10, report: @escaping @Sendable (String) -> Void = { _ in }) throws(MQTTError) {
        if let problem = MQTTClient.libraryProblem { throw MQTTError("mqtt: \(problem)") }
        self.connection = connection
        self.report = report
        self.maxBackoff = maxBackoff
        outbox = MQTTOutbox(spool: try spoolPath.map { path throws(MQTTError) in try MQTTSpool(path: path) }, memoryLimit: memoryLimit)
        handle = try open(timeout: timeout)
        linkUp = true
        if outbox.spooled > 0, let path = outbox.spoolPath {
            report("mqtt: sending \(outbox.spooled) events an earlier run left in \(path)")
        }
        let thread = Thread { [self] in runNetwork() }
        thread.name = "mqtt"
        thread.start()
        threadStarted = true
    }

    /// Why libmosquitto cannot be used (not installed, too old), or nil once it is loaded.
    private static let libraryProblem: String? = {
        glute_mosquitto_load() == 0 ? nil : String(cString: glute_mosquitto_error())
    }()

    // MARK: - The caller's side

    /// Queues a QoS 1 event; false when it was dropped (spool full, reported once).
    @discardableResult
    public func send(_ topic: String, _ payload: String) -> Bool {
        // One event topic per client: the outbox keeps payloads only.
        lock.lock()
        if eventTopic == nil { eventTopic = topic }
        let admitted = outbox.add(payload, linkUp: linkUp)
        let firstDrop = !admitted && !dropReported
        if firstDrop { dropReported = true }
        let problem = outbox.spoolError
        lock.unlock()
        if firstDrop {
            report("mqtt: the spool is full (\(MQTTSpool.defaultMaxMessages) events or \(MQTTSpool.defaultMaxBytes >> 20) MiB)"
                + (problem.map { " or cannot be written (\($0))" } ?? "") + "; events are dropped until the broker is back")
        }
        return admitted
    }

    private var eventTopic: String?

    /// Sets the retained payload of `topic` (QoS 1); only the latest is sent.
    public func retain(_ topic: String, _ payload: String) {
        lock.lock()
        // Moved to the end: dirty ones go out in the order they were set (`offline` after the last state).
        retained.removeAll { $0.topic == topic }
        retained.append((topic, payload, true))
        lock.unlock()
    }

    /// Events dropped (spool full), and events not yet acknowledged (in memory, in flight or spooled).
    public var counts: (dropped: Int, waiting: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (outbox.dropped, outbox.waiting)
    }

    /// Sends what waits for up to `timeout` s, disconnects cleanly (no will), and leaves what is
    /// still unacknowledged in the spool for the next run (reported on one line). True when the
    /// broker acknowledged everything.
    @discardableResult
    public func close(drainTimeout timeout: Double = 5) -> Bool {
        guard threadStarted else { return false }
        lock.lock()
        stopping = true
        drainDeadline = MQTTClient.now() + timeout
        lock.unlock()
        // A connect attempt may block a little past the deadline.
        _ = threadDone.wait(timeout: .now() + timeout + 3)
        lock.lock()
        abandoned = true
        let delivered = outbox.waiting == 0 && retainedInFlight.isEmpty && !retained.contains(where: \.dirty)
        let left = outbox.persist()
        let dropped = outbox.dropped
        let path = outbox.spoolPath
        lock.unlock()
        threadStarted = false
        if left > 0, let path { report("mqtt: \(left) events not acknowledged wait in \(path) for the next run") }
        if dropped > 0 { report("mqtt: \(dropped) events dropped (spool full)") }
        return delivered
    }

    deinit {
        if threadStarted { close(drainTimeout: 0) }
        if let handle { glute_mosquitto_destroy(handle) }
    }

    // MARK: - The network thread

    private func runNetwork() {
        var backoff = 1.0
        var nextAttempt = 0.0
        var lostAt = 0.0
        while true {
            lock.lock()
            let stop = stopping, deadline = drainDeadline, gone = abandoned
            lock.unlock()
            if gone { break }
            guard let m = handle else {
                if stop { break }  // nothing can be sent: the spool keeps it
                let now = MQTTClient.now()
                if now < nextAttempt { Thread.sleep(forTimeInterval: min(0.1, nextAttempt - now)); continue }
                do {
                    handle = try open(timeout: 10)
                } catch {
                    nextAttempt = MQTTClient.now() + backoff
                    backoff = min(backoff * 2, maxBackoff)
                    continue
                }
                backoff = 1
                lock.lock()
                linkUp = true
                for i in retained.indices { retained[i].dirty = true }
                let waiting = outbox.waiting
                lock.unlock()
                report("mqtt: reconnected to \(connection.host):\(connection.port) after \(String(format: "%.1f", MQTTClient.now() - lostAt)) s; sending \(waiting) waiting events")
                continue
            }
            pump(m)
            let rc = glute_mosquitto_loop(m, 50, 1)
            if rc != MOSQ_ERR_SUCCESS.rawValue {
                lock.lock()
                linkUp = false
                outbox.linkLost()
                retainedInFlight.removeAll()
                lock.unlock()
                glute_mosquitto_destroy(m)
                handle = nil
                lostAt = MQTTClient.now()
                nextAttempt = lostAt + backoff
                backoff = min(backoff * 2, maxBackoff)
                report("mqtt: lost \(connection.host):\(connection.port) (\(MQTTClient.errorText(rc))); events wait in "
                    + "\(outbox.spoolPath ?? "memory") while reconnecting")
                continue
            }
            if stop {
                lock.lock()
                let idle = outbox.waiting == 0 && retainedInFlight.isEmpty && !retained.contains(where: \.dirty)
                lock.unlock()
                if idle || MQTTClient.now() > deadline { break }
            }
        }
        if let m = handle {
            glute_mosquitto_disconnect(m)
            _ = glute_mosquitto_loop(m, 10, 1)  // lets the DISCONNECT go out
        }
        threadDone.signal()
    }

    /// Hands libmosquitto the dirty retained messages and the next events, up to `window` in flight.
    /// Under the lock: in this (non-threaded) mode `mosquitto_publish` writes to the socket and
    /// calls no callback for QoS 1, so it cannot re-enter the lock.
    private func pump(_ m: OpaquePointer) {
        lock.lock()
        defer { lock.unlock() }
        for i in retained.indices where retained[i].dirty {
            retained[i].dirty = false
            if let id = publish(m, retained[i].topic, retained[i].payload, retain: true) {
                retainedInFlight.insert(id)
            } else {
                retained[i].dirty = true
            }
        }
        guard let topic = eventTopic else { return }
        for payload in outbox.next(MQTTClient.window - outbox.inFlightCount) {
            // A failed publish counts as in flight: the coming link loss sends it again.
            outbox.sent(payload, id: publish(m, topic, payload, retain: false) ?? failedID())
        }
    }

    private var lastFailedID: Int32 = 0
    private func failedID() -> Int32 { lastFailedID -= 1; return lastFailedID }

    private func publish(_ m: OpaquePointer, _ topic: String, _ payload: String, retain: Bool) -> Int32? {
        var id: Int32 = 0
        let bytes = Array(payload.utf8)
        let rc = bytes.withUnsafeBytes { raw in glute_mosquitto_publish(m, &id, topic, Int32(raw.count), raw.baseAddress, 1, retain) }
        return rc == MOSQ_ERR_SUCCESS.rawValue ? id : nil
    }

    fileprivate func acknowledged(_ id: Int32) {
        lock.lock()
        if !outbox.acknowledged(id) { retainedInFlight.remove(id) }
        lock.unlock()
    }

    // MARK: - One connection

    /// A new libmosquitto client, connected and past CONNACK, or one line saying why not.
    private func open(timeout: Double) throws(MQTTError) -> OpaquePointer {
        let c = connection
        guard let m = glute_mosquitto_new(c.clientID, true, Unmanaged.passUnretained(self).toOpaque()) else {
            throw MQTTError("mqtt: cannot create a client")
        }
        glute_mosquitto_connect_callback_set(m) { _, user, rc in
            guard let user else { return }
            Unmanaged<MQTTClient>.fromOpaque(user).takeUnretainedValue().connack.withLock { $0 = rc }
        }
        glute_mosquitto_publish_callback_set(m) { _, user, id in
            guard let user else { return }
            Unmanaged<MQTTClient>.fromOpaque(user).takeUnretainedValue().acknowledged(id)
        }
        do {
            try configure(m)
            try connect(m, timeout: timeout)
        } catch {
            glute_mosquitto_destroy(m)
            throw error
        }
        return m
    }

    private func configure(_ m: OpaquePointer) throws(MQTTError) {
        let c = connection
        if let user = c.username {
            try check(glute_mosquitto_username_pw_set(m, user, c.password), "credentials")
        }
        if let will = c.will {
            try check(glute_mosquitto_will_set(m, will.topic, Int32(will.payload.utf8.count), will.payload, 1, true), "will")
        }
        if let ca = c.caFile {
            try TLSFileCheck.require(ca, option: "--mqtt-cafile", holds: "CERTIFICATE")
            if let cert = c.certFile { try TLSFileCheck.require(cert, option: "--mqtt-cert", holds: "CERTIFICATE") }
            if let key = c.keyFile { try TLSFileCheck.require(key, option: "--mqtt-key", holds: "PRIVATE KEY") }
            try check(glute_mosquitto_tls_set(m, ca, nil, c.certFile, c.keyFile, nil), "TLS files")
        }
        // The window above bounds what is in flight; libmosquitto need not queue behind it.
        _ = glute_mosquitto_max_inflight_messages_set(m, 0)
    }

    private func connect(_ m: OpaquePointer, timeout: Double) throws(MQTTError) {
        let c = connection
        connack.withLock { $0 = nil }
        let rc = glute_mosquitto_connect(m, c.host, Int32(c.port), 30)
        guard rc == MOSQ_ERR_SUCCESS.rawValue else {
            throw MQTTError("mqtt: cannot connect to \(c.host):\(c.port): \(MQTTClient.errorText(rc, connectingPlain: c.caFile == nil))")
        }
        // Drive the loop here until CONNACK, so a refusal is reported once, not retried forever.
        let start = MQTTClient.now()
        while connack.withLock({ $0 }) == nil {
            let loopRC = glute_mosquitto_loop(m, 100, 1)
            if loopRC != MOSQ_ERR_SUCCESS.rawValue, connack.withLock({ $0 }) == nil {
                throw MQTTError("mqtt: \(c.host):\(c.port): \(MQTTClient.errorText(loopRC, connectingPlain: c.caFile == nil))")
            }
            if MQTTClient.now() - start > timeout { throw MQTTError("mqtt: \(c.host):\(c.port) did not answer within \(timeout) s") }
        }
        let code = connack.withLock { $0 } ?? 0
        guard code == 0 else {
            throw MQTTError("mqtt: \(c.host):\(c.port) refused the connection: \(String(cString: glute_mosquitto_connack_string(code)))")
        }
    }

    private func check(_ rc: Int32, _ what: String) throws(MQTTError) {
        guard rc == MOSQ_ERR_SUCCESS.rawValue else { throw MQTTError("mqtt: \(what): \(MQTTClient.errorText(rc))") }
    }

    /// `connectingPlain`: the error came while a plain mqtt:// connection waited for the broker's
    /// first answer, where a closed connection most likely means a TLS listener.
    static func errorText(_ rc: Int32, connectingPlain: Bool = false) -> String {
        if rc == MOSQ_ERR_ERRNO.rawValue { return "connection failed (refused or unreachable)" }
        if rc == MOSQ_ERR_TLS.rawValue {
            return "TLS handshake failed (the broker's certificate is not signed by --mqtt-cafile, or does not name this host)"
        }
        if rc == MOSQ_ERR_CONN_LOST.rawValue, connectingPlain {
            return "the broker closed the connection before answering (a TLS listener? use mqtts:// and --mqtt-cafile)"
        }
        return String(cString: glute_mosquitto_strerror(rc))
    }

    private static func now() -> Double { ProcessInfo.processInfo.systemUptime }
}
