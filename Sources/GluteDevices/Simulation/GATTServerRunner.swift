import Foundation
import GluteSim
import GluteWire
import Synchronization

/// The GATT server simulator behind `ble:ADDR?att=unix:PATH`: a simulated Bluetooth LE sensor
/// listening on a `SOCK_SEQPACKET` unix socket, one datagram per ATT PDU.
///
/// One central at a time (others are accepted and closed at once, as a peripheral that no longer
/// advertises would be unreachable). Requests are answered at once; notifications leave at their
/// simulated time, paced at `speed`, and only while the central has enabled them. With
/// `dropAfter`, each connection is closed after that much simulated time (a link loss) and the
/// runner accepts again. The sensor's clock runs on while no one is connected, like a real
/// device's. `stop()` ends it cleanly and removes the socket file.
public final class GATTServerRunner<Source: SampleSource>: Sendable {
    /// What the runner has done, for tests and the closing summary.
    public struct Counters: Sendable, Equatable {
        public var connectionsAccepted = 0
        /// Connections closed at once because a central was already connected.
        public var connectionsRefused = 0
        /// Connections the runner closed on purpose (`dropAfter`).
        public var connectionsDropped = 0
        /// PDUs received from centrals and handled (requests, commands, confirmations).
        public var requestsServed = 0
        /// Notifications and indications sent.
        public var notificationsSent = 0
        public init() {}
    }

    public let path: String
    private let listener: SeqpacketListener
    private let stopper: WakeUp
    private let finished: WakeUp
    private let speed: Double
    private let duration: Double?
    private let dropAfter: Double?
    private let sendTimeout: Double
    private let device: Mutex<SimulatedGATTDevice<Source>?>
    private let state = Mutex(State())

    private struct State {
        var counters = Counters()
        var endReason: String?
        var connected = false
    }

    /// Binds the socket at `path` (mode 0600) so that centrals can connect as soon as this returns;
    /// serving starts with `start()` or `run()`.
    ///
    /// - Parameters:
    ///   - speed: simulated seconds per real second (> 0).
    ///   - duration: end after this much simulated time; nil runs until the source ends or `stop()`.
    ///   - dropAfter: close each connection after this much simulated time connected; nil keeps it.
    ///   - sendTimeout: a central that takes nothing for this long (s) is dropped.
    public init(device: SimulatedGATTDevice<Source>, path: String, speed: Double = 1, duration: Double? = nil,
                dropAfter: Double? = nil, sendTimeout: Double = 2) throws(GATTServerRunnerError) {
        guard speed > 0, speed.isFinite else { throw .invalidSpeed(speed) }
        do {
            listener = try SeqpacketListener(path: path)
        } catch {
            switch error {
            case .notASocket(let path): throw .notASocket(path: path)
            case .inUse(let path): throw .inUse(path: path)
            case .pathTooLong(let path): throw .pathTooLong(path: path)
            case .system(let system): throw .system(system)
            }
        }
        do {
            stopper = try WakeUp()
            finished = try WakeUp()
        } catch {
            listener.close()
            throw .system(error)
        }
        self.path = path
        self.device = Mutex(device)
        self.speed = speed
        self.duration = duration
        self.dropAfter = dropAfter
        self.sendTimeout = sendTimeout
    }

    public var counters: Counters { state.withLock { $0.counters } }
    /// Why the runner ended ("stopped", "duration reached", "scenario ended"); nil while running.
    public var endReason: String? { state.withLock { $0.endReason } }
    /// Whether a central is connected right now.
    public var isConnected: Bool { state.withLock { $0.connected } }
    /// Readable once the runner has ended.
    public var finishedDescriptor: Int32 { finished.pollDescriptor }

    /// Runs on a new thread.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "gatt-server"
        thread.start()
    }

    /// Asks the runner to end; it closes the connection and removes the socket file.
    public func stop() { stopper.signal() }

    /// Stops the runner once `descriptor` becomes readable (a `SignalTrap`).
    public func stop(whenReadable descriptor: Int32) {
        let thread = Thread { [self] in
            if waitReadable([descriptor, finished.pollDescriptor], timeout: nil) == descriptor { stop() }
        }
        thread.name = "gatt-server-stop"
        thread.start()
    }

    /// Serves on the calling thread until stopped, the duration is reached or the source ends.
    public func run() {
        defer { finished.signal() }
        guard var device = device.withLock({ $0.take() }) else { return }
        var session = Session(runner: self)
        let reason = session.serve(&device)
        session.closeConnection(&device)
        listener.close()
        state.withLock { $0.endReason = reason }
    }

    /// One run's moving parts, kept off the shared state.
    private struct Session {
        let runner: GATTServerRunner
        var connection: UnixSeqpacketBearer?
        var connectedAt = 0.0
        var origin: (simulated: Double, monotonic: Double)?

        init(runner: GATTServerRunner) { self.runner = runner }

        mutating func serve(_ device: inout SimulatedGATTDevice<Source>) -> String {
            while true {
                guard let t = device.nextTime() else { return "scenario ended" }
                if let duration = runner.duration, t > duration { return "duration reached" }
                let now = HostClock.now().monotonic
                if origin == nil { origin = (t, now) }
                let due = origin!.monotonic + (t - origin!.simulated) / runner.speed
                // Serve the socket until the sample is due; at least one look even when it already is.
                var first = true
                while first || HostClock.now().monotonic < due {
                    first = false
                    if !waitAndServe(&device, timeout: max(0, due - HostClock.now().monotonic)) { return "stopped" }
                }
                let outgoing = device.advance()
                if let bearer = connection {
                    for item in outgoing where !send(item.pdu, on: bearer, &device, isPush: true) { break }
                }
                if connection != nil, let dropAfter = runner.dropAfter, device.now - connectedAt >= dropAfter {
                    // Counted first, so that a central that sees the close also sees the count.
                    runner.state.withLock { $0.counters.connectionsDropped += 1 }
                    closeConnection(&device)
                }
            }
        }

        /// Polls the stop signal, the listener and the connection for up to `timeout` seconds and
        /// handles what is ready. False once stopped.
        mutating func waitAndServe(_ device: inout SimulatedGATTDevice<Source>, timeout: Double) -> Bool {
            var entries = [pollfd(fd: runner.stopper.pollDescriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: runner.listener.descriptor.rawValue, events: Int16(POLLIN), revents: 0)]
            if let connection { entries.append(pollfd(fd: connection.pollDescriptor, events: Int16(POLLIN), revents: 0)) }
            let milliseconds = Int32(saturating: min(max(timeout * 1000, 0), 60_000), rounding: .up)
            let ready = poll(&entries, nfds_t(entries.count), milliseconds)
            if ready < 0 { return errno == EINTR }
            if entries[0].revents != 0 { return false }
            if entries[1].revents != 0 { acceptPending(&device) }
            if entries.count > 2, entries[2].revents != 0 { receivePending(&device) }
            return true
        }

        mutating func acceptPending(_ device: inout SimulatedGATTDevice<Source>) {
            while let descriptor = runner.listener.accept() {
                if connection != nil {
                    runner.state.withLock { $0.counters.connectionsRefused += 1 }
                    try? descriptor.close()
                    continue
                }
                connection = UnixSeqpacketBearer(descriptor: descriptor, sendTimeout: runner.sendTimeout)
                connectedAt = device.now
                runner.state.withLock {
                    $0.counters.connectionsAccepted += 1
                    $0.connected = true
                }
            }
        }

        mutating func receivePending(_ device: inout SimulatedGATTDevice<Source>) {
            while let bearer = connection {
                let pdu: [UInt8]?
                do {
                    pdu = try bearer.receive(timeout: 0, interrupts: [])
                } catch {
                    closeConnection(&device)
                    return
                }
                guard let pdu else { return }
                let replies = device.receive(pdu)
                runner.state.withLock { $0.counters.requestsServed += 1 }
                for reply in replies {
                    let isPush = reply.first == ATTOpcode.handleValueNotification.rawValue
                        || reply.first == ATTOpcode.handleValueIndication.rawValue
                    guard send(reply, on: bearer, &device, isPush: isPush) else { return }
                }
            }
        }

        /// False when the connection failed and was closed. A push is counted before it goes out,
        /// so that a central that has received it also sees it counted.
        mutating func send(_ pdu: [UInt8], on bearer: UnixSeqpacketBearer, _ device: inout SimulatedGATTDevice<Source>,
                           isPush: Bool) -> Bool {
            if isPush { runner.state.withLock { $0.counters.notificationsSent += 1 } }
            do {
                try bearer.send(pdu)
                return true
            } catch {
                if isPush { runner.state.withLock { $0.counters.notificationsSent -= 1 } }
                closeConnection(&device)
                return false
            }
        }

        mutating func closeConnection(_ device: inout SimulatedGATTDevice<Source>) {
            guard let bearer = connection else { return }
            bearer.close()
            connection = nil
            device.disconnect()
            runner.state.withLock { $0.connected = false }
        }
    }
}
