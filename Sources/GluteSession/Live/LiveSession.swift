import Foundation
import GluteCore
import GluteDevices
import GluteLog
import GluteSim
import GluteWire
import Synchronization

/// How a live session runs.
public struct LiveOptions: Sendable {
    public var source: SourceSpec
    public var pipeline: PipelineSettings
    /// The virtual sensor's speed for `sim` sources (simulated seconds per real second).
    public var simulationSpeed: Double = 1
    public var simulationSeed: UInt64 = 1
    /// Stop the virtual sensor after this much simulated time (nil: the scenario's length).
    public var simulationDuration: Double?
    /// Record the transport bytes to this capture file.
    public var capturePath: String?
    /// End after this many wall-clock seconds.
    public var duration: Double?
    /// Reopen a device that went away (with backoff) instead of ending.
    public var reconnect = true
    /// Columns for header-less CSV or plotter lines on a serial port.
    public var columns: String?
    /// Sees every decoded sample on the reader thread, before the pipeline (`calibrate`); keep it short.
    public var onSample: (@Sendable (Sample) -> Void)?

    public init(source: SourceSpec, pipeline: PipelineSettings) {
        self.source = source
        self.pipeline = pipeline
    }
}

/// Why a live session ended.
public enum LiveEnd: Sendable, Equatable {
    case interrupted, durationReached, requested, sourceEnded(String)
}

/// A live session: one reader thread decoding a device into events (DESIGN.md "Concurrency"), a
/// sink thread consuming them through a bounded queue, and this thread supervising: shutdown on a
/// signal, the duration or a request; reconnection with backoff when the device goes away.
public final class LiveSession: Sendable {
    public let options: LiveOptions
    private let queue: EventQueue
    private let core: Mutex<Core>
    private let endWake: WakeUp
    private let linkDown: WakeUp
    private let endState = Mutex<LiveEnd?>(nil)

    /// State the reader thread changes, under `core`'s lock.
    private struct Core: ~Copyable {
        var engine: SessionEngine
        var capture: CaptureWriter?
        var captureError: String?
        var link: LinkStatus = .connecting
        var bytesReceived = 0
        var expectedBytes: Int?
        var message: String?
    }

    public init(options: LiveOptions) throws {
        var options = options
        // A device path outside /dev (a udev symlink elsewhere, a link a script made) is still a
        // device: stat tells.
        if case .file(let path) = options.source, LiveSession.isCharacterDevice(path) {
            options.source = .serial(SourceSpec.SerialSpec(path: path, baud: nil, wireProtocol: .auto, columns: nil))
        }
        self.options = options
        queue = try EventQueue()
        endWake = try WakeUp()
        linkDown = try WakeUp()
        let decoder: any StreamDecoder
        switch options.source {
        case .serial(let spec):
            switch spec.wireProtocol {
            case .auto: decoder = AutoDetectingDecoder(columns: spec.columns ?? options.columns)
            case .native: decoder = NativeDecoder()
            case .witmotion: decoder = try DecoderChoice.witmotion.makeDecoder()
            case .csv: decoder = try DecoderChoice.csv.makeDecoder(columns: spec.columns ?? options.columns)
            case .plotter: decoder = try DecoderChoice.plotter.makeDecoder(columns: spec.columns ?? options.columns)
            }
        case .simulated:
            decoder = NativeDecoder()
        case .ble(let spec):
            // The link is real (L2CAP, or the att=unix: test bearer), so a machine without
            // Bluetooth hears exactly why; the GATT client and profiles on top are not built yet.
            do {
                let bearer = try ATTBearerOpener.open(spec, timeout: 10)
                bearer.close()
            } catch {
                throw InputError("\(error)")
            }
            throw InputError("ble:\(spec.address): connected, but this build has no GATT client yet (sensor profiles come with issue 5); use a serial port, sim, or replay a file")
        case .file(let path):
            throw InputError("\(path) is a file: use `glutebridge replay \(path)` (monitor reads devices: /dev/tty..., serial:..., sim)")
        }
        var capture: CaptureWriter?
        if let path = options.capturePath {
            let header = CaptureHeader(fields: [
                ("source", options.source.label),
                ("protocol", LiveSession.protocolName(options.source)),
                ("created", WallClockText.iso8601(HostClock.now().wall)),
                ("tool", "glutebridge"),
            ])
            do { capture = try CaptureWriter(path: path, header: header) } catch { throw InputError("\(error)") }
        }
        core = Mutex(Core(engine: SessionEngine(decoder: decoder, pipeline: Pipeline(settings: options.pipeline)), capture: capture))
    }

    static func isCharacterDevice(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR
    }

    private static func protocolName(_ source: SourceSpec) -> String {
        switch source {
        case .serial(let s): return s.wireProtocol == .auto ? "auto" : s.wireProtocol.rawValue
        default: return "native"
        }
    }

    /// Ends the session from any thread (`--exit-on`).
    public func requestStop() {
        endState.withLock { if $0 == nil { $0 = .requested } }
        endWake.signal()
    }

    public var status: SessionStatus {
        core.withLock { c in
            SessionStatus(source: options.source.label, link: c.link, snapshot: c.engine.snapshot,
                          statistics: c.engine.statistics, lastSampleTime: c.engine.lastSampleTime,
                          wallNow: HostClock.now().wall, droppedEvents: 0, message: c.message ?? c.captureError)
        }
    }

    /// Opens the source, then calls `makeSinks` (so that nothing is printed for a device that
    /// cannot be opened) and runs until interrupted, the duration passes, `requestStop()` or the
    /// source ends. The sinks move to the sink thread and are used only there.
    public func run(interrupts: [Int32], tickInterval: Double? = nil,
                    makeSinks: () throws -> sending [any SessionSink]) throws -> LiveEnd {
        var runner: VirtualSensorRunner?
        let devicePath: String
        let baud: Int
        switch options.source {
        case .serial(let spec):
            devicePath = spec.path
            if spec.wireProtocol == .witmotion && spec.baud == nil {
                let found: Int?
                do { found = try WitMotionBaudSearch.find(path: spec.path, interrupts: interrupts) } catch { throw InputError("\(error)") }
                guard let found else {
                    throw InputError("\(spec.path): no WitMotion packets at any standard baud rate (tried \(WitMotionBaudProbe.candidateBaudRates.map(String.init).joined(separator: ", "))); give baud=N, or check the protocol")
                }
                baud = found
            } else {
                baud = spec.baud ?? 115_200
            }
        case .simulated(let name):
            guard let scenario = Scenario(rawValue: name) else {
                throw InputError("sim:\(name): unknown scenario; one of \(Scenario.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var simulation = SimulationSettings()
            simulation.seed = options.simulationSeed
            simulation.duration = options.simulationDuration
            let firmware = SimulatedFirmware(scenario: scenario, simulation: simulation)
            let r = try VirtualSensorRunner(firmware: firmware, speed: options.simulationSpeed, duration: options.simulationDuration)
            r.start()
            runner = r
            devicePath = r.slavePath
            baud = 115_200
        default:
            throw InputError("unsupported source")
        }
        defer { runner?.stop(); runner?.close() }
        let deviceName = runner == nil ? devicePath : "\(options.source.label) on \(devicePath)"

        var port: SerialPort
        var reader: SourceReader
        do {
            (port, reader) = try connect(path: devicePath, baud: baud, name: deviceName)
        } catch {
            throw InputError("\(error)")
        }
        let sinks: [any SessionSink]
        do {
            sinks = try makeSinks()
        } catch {
            reader.stop()
            try? port.close()
            throw error
        }
        let sinkThread: SinkThread
        do {
            sinkThread = try SinkThread(queue: queue, session: self, sinks: sinks, tickInterval: tickInterval)
        } catch {
            reader.stop()
            try? port.close()
            throw error
        }
        sinkThread.start()
        defer { sinkThread.stopAndJoin() }
        // With udevd running, a device that comes back is reopened on its add event at once;
        // without it (containers), the reconnect loop's backoff retries alone.
        let hotplug: HotplugMonitor? = (runner == nil && UdevDaemon.isRunning) ? try? HotplugMonitor(subsystem: "tty") : nil
        let started = HostClock.now().monotonic
        var waitList = [endWake.pollDescriptor, linkDown.pollDescriptor] + interrupts
        if let runner { waitList.append(runner.finishedDescriptor) }
        var end: LiveEnd = .interrupted
        var runnerDone = false
        supervise: while true {
            let remaining = options.duration.map { max(0, $0 - (HostClock.now().monotonic - started)) }
            let ready = waitReadable(waitList, timeout: remaining)
            switch ready {
            case nil:
                end = .durationReached
                break supervise
            case endWake.pollDescriptor?:
                end = endState.withLock { $0 } ?? .sourceEnded("stream complete")
                break supervise
            case let fd? where fd == runner?.finishedDescriptor && !runnerDone:
                // The virtual sensor is done; end once the reader has taken every byte it wrote.
                runnerDone = true
                waitList.removeAll { $0 == fd }
                let written = runner!.bytesWritten
                let caughtUp = core.withLock { c -> Bool in
                    c.expectedBytes = written
                    return c.bytesReceived >= written
                }
                endState.withLock { if $0 == nil { $0 = .sourceEnded("virtual sensor: \(runner!.endReason ?? "finished")") } }
                if caughtUp { endWake.signal() }
            case linkDown.pollDescriptor?:
                linkDown.reset()
                reader.stop()
                try? port.close()
                guard options.reconnect, runner == nil else {
                    end = .sourceEnded("device went away")
                    break supervise
                }
                guard let reopened = reconnect(path: devicePath, baud: baud, name: deviceName,
                                               interrupts: interrupts + [endWake.pollDescriptor], hotplug: hotplug) else {
                    end = endState.withLock { $0 } ?? .interrupted
                    break supervise
                }
                (port, reader) = reopened
            default:
                end = .interrupted
                break supervise
            }
        }
        reader.stop()
        try? port.close()
        endState.withLock { $0 = end }
        core.withLock { c in
            c.engine.finish { queue.push($0) }
            c.link = .ended(reason: LiveSession.describe(end))
            if let capture = c.capture {
                do { try capture.close() } catch { c.captureError = "capture: \(error)" }
            }
        }
        return end
    }

    public static func describe(_ end: LiveEnd) -> String {
        switch end {
        case .interrupted: return "stopped"
        case .durationReached: return "duration reached"
        case .requested: return "exit event seen"
        case .sourceEnded(let why): return why
        }
    }

    /// Why the session ended, once it has.
    public var endReason: LiveEnd? { endState.withLock { $0 } }

    /// The capture's problem, if writing it failed at some point.
    public var captureError: String? { core.withLock { $0.captureError } }

    private func connect(path: String, baud: Int, name: String) throws -> (SerialPort, SourceReader) {
        let port = try SerialPort(path: path, settings: SerialSettings(baudRate: baud))
        let now = HostClock.now()
        core.withLock { c in
            c.link = .connected(device: name)
            c.message = nil
            record(&c, CaptureRecord(kind: .connected, monotonic: now.monotonic, wall: now.wall, payload: Array(name.utf8)))
            c.engine.linkConnected(device: name, wall: now.wall) { queue.push($0) }
        }
        let reader = try SourceReader(reading: port, onChunk: { [self] chunk in
            core.withLock { c in
                record(&c, CaptureRecord(kind: .data, monotonic: chunk.monotonic, wall: chunk.wall, payload: chunk.bytes))
                c.engine.feed(chunk.bytes[...], monotonic: chunk.monotonic, wall: chunk.wall, onSample: options.onSample) { queue.push($0) }
                c.bytesReceived += chunk.bytes.count
                if let expected = c.expectedBytes, c.bytesReceived >= expected { endWake.signal() }
            }
        }, onDisconnect: { [self] reason in
            let now = HostClock.now()
            core.withLock { c in
                c.link = .disconnected(reason: reason.description)
                record(&c, CaptureRecord(kind: .disconnected, monotonic: now.monotonic, wall: now.wall, payload: Array(reason.description.utf8)))
                c.engine.linkDisconnected(reason: reason.description, wall: now.wall) { queue.push($0) }
            }
            linkDown.signal()
        })
        return (port, reader)
    }

    /// Reopens the device until it works or an interrupt: at once when udev reports a tty added,
    /// otherwise with backoff (0.25 s doubling to 5 s).
    private func reconnect(path: String, baud: Int, name: String, interrupts: [Int32], hotplug: HotplugMonitor?) -> (SerialPort, SourceReader)? {
        var delay = 0.25
        while true {
            core.withLock { $0.message = "reconnecting to \(path) in \(DurationText.format(delay))" }
            let ready = waitReadable(interrupts + (hotplug.map { [$0.pollDescriptor] } ?? []), timeout: delay)
            if let ready, ready != hotplug?.pollDescriptor { return nil }
            let added = hotplug.map { $0.receive().contains { $0.action == .add } } ?? false
            if let pair = try? connect(path: path, baud: baud, name: name) { return pair }
            if !added { delay = min(delay * 2, 5) }
        }
    }

    private func record(_ c: inout Core, _ record: CaptureRecord) {
        guard let capture = c.capture, c.captureError == nil else { return }
        do {
            try capture.append(record)
        } catch {
            // Keep monitoring; say so once. What was recorded so far stays readable.
            c.captureError = "recording stopped: \(error)"
        }
    }

    fileprivate func drainStatus(dropped: Int) -> SessionStatus {
        var s = status
        s.droppedEvents = dropped
        return s
    }
}

/// The sink thread: waits for events (or a tick), hands them to the sinks in order.
private final class SinkThread: @unchecked Sendable {
    // Safe: `sinks` is handed over at init (`sending`) and from `start()` on is touched only by
    // the sink thread; the owner only signals `stopWake` and joins through `done`.
    private let queue: EventQueue
    private let session: LiveSession
    private var sinks: [any SessionSink]
    private let tickInterval: Double?
    private let stopWake: WakeUp
    private let done: WakeUp

    init(queue: EventQueue, session: LiveSession, sinks: sending [any SessionSink], tickInterval: Double?) throws(SystemError) {
        self.queue = queue
        self.session = session
        self.sinks = sinks
        self.tickInterval = tickInterval
        stopWake = try WakeUp()
        done = try WakeUp()
    }

    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "sinks"
        thread.start()
    }

    private func loop() {
        var dropped = 0
        var stopping = false
        while true {
            let ready = waitReadable([queue.pollDescriptor, stopWake.pollDescriptor], timeout: tickInterval)
            if ready == stopWake.pollDescriptor { stopping = true }
            let batch = queue.drain()
            dropped += batch.dropped
            if !batch.events.isEmpty || tickInterval != nil || stopping {
                let status = session.drainStatus(dropped: dropped)
                for event in batch.events {
                    for sink in sinks { sink.handle(event, status: status) }
                }
                if stopping {
                    for sink in sinks { sink.finish(status) }
                    done.signal()
                    return
                }
                for sink in sinks { sink.tick(status) }
            }
        }
    }

    func stopAndJoin() {
        stopWake.signal()
        _ = waitReadable([done.pollDescriptor], timeout: nil)
    }
}
