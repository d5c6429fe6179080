import Foundation
import GluteCore
import GluteDevices
import GluteLiveView
import GluteLog
import GluteSettings
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
    /// The calibration profile `pipeline` was set up with, written into the capture's header.
    public var calibration: CalibrationProfile?

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
        /// The BLE profile in use, once a connection found it.
        var profile: BLESensorProfile?
        var batteryLevel: UInt8?
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
            // With profile=auto the decoder is chosen once the device's services are known.
            decoder = BLESensorProfile(rawValue: spec.profile).map(LiveSession.decoder(for:)) ?? NativeGATTDecoder()
        case .file(let path):
            throw InputError("\(path) is a file: use `glutebridge replay \(path)` (monitor reads devices: /dev/tty..., serial:..., sim)")
        }
        var capture: CaptureWriter?
        if case .ble(let spec) = options.source, spec.profile == "auto" {
            // The header names the protocol, which only the connection reveals: opened then.
        } else if let path = options.capturePath {
            capture = try LiveSession.openCapture(path: path, options: options, protocolName: LiveSession.protocolName(options.source))
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
        case .ble(let b): return BLESensorProfile(rawValue: b.profile)?.protocolName ?? "auto"
        default: return "native"
        }
    }

    private static func openCapture(path: String, options: LiveOptions, protocolName: String) throws(InputError) -> CaptureWriter {
        var fields = [
            ("source", options.source.label),
            ("protocol", protocolName),
            ("created", WallClockText.iso8601(HostClock.now().wall)),
            ("tool", "glutebridge"),
        ]
        if let calibration = options.calibration?.headerText { fields.append((CalibrationProfile.captureHeaderKey, calibration)) }
        let header = CaptureHeader(fields: fields)
        do { return try CaptureWriter(path: path, header: header) } catch { throw InputError("\(error)") }
    }

    /// The decoder for one BLE profile's notifications (one notification per chunk).
    static func decoder(for profile: BLESensorProfile) -> any StreamDecoder {
        switch profile {
        case .native: NativeGATTDecoder()
        case .witmotion: WitMotionBLEDecoder()
        case .microbit: MicrobitAccelerometerDecoder()
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

    /// A connected source: a serial port with its reader thread, or a BLE sensor with its link.
    private enum Link {
        case serial(SerialPort, SourceReader)
        case ble(BLESensorLink)

        func close() {
            switch self {
            case .serial(let port, let reader):
                reader.stop()
                try? port.close()
            case .ble(let link):
                link.stop()
            }
        }
    }

    /// How to (re)open the source.
    private enum Target {
        case serial(path: String, baud: Int, name: String)
        case ble(SourceSpec.BLESpec)

        var label: String {
            switch self {
            case .serial(let path, _, _): path
            case .ble(let spec): "ble:" + spec.address
            }
        }
    }

    /// Opens the source, then calls `makeSinks` (so that nothing is printed for a device that
    /// cannot be opened) and runs until interrupted, the duration passes, `requestStop()` or the
    /// source ends. The sinks move to the sink thread and are used only there.
    public func run(interrupts: [Int32], tickInterval: Double? = nil,
                    makeSinks: () throws -> sending [any SessionSink]) throws -> LiveEnd {
        var runner: VirtualSensorRunner?
        let target: Target
        switch options.source {
        case .serial(let spec):
            let baud: Int
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
            target = .serial(path: spec.path, baud: baud, name: spec.path)
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
            target = .serial(path: r.slavePath, baud: 115_200, name: "\(options.source.label) on \(r.slavePath)")
        case .ble(let spec):
            target = .ble(spec)
        case .file:
            throw InputError("unsupported source")
        }
        defer { runner?.stop(); runner?.close() }

        var link: Link
        do {
            link = try open(target, interrupts: interrupts)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("\(error)")
        }
        let sinks: [any SessionSink]
        do {
            sinks = try makeSinks()
        } catch {
            link.close()
            throw error
        }
        let sinkThread: SinkThread
        do {
            sinkThread = try SinkThread(queue: queue, session: self, sinks: sinks, tickInterval: tickInterval)
        } catch {
            link.close()
            throw error
        }
        sinkThread.start()
        defer { sinkThread.stopAndJoin() }
        // With udevd running, a device that comes back is reopened on its add event at once;
        // without it (containers), the reconnect loop's backoff retries alone.
        var hotplug: HotplugMonitor?
        if runner == nil, case .serial = target, UdevDaemon.isRunning { hotplug = try? HotplugMonitor(subsystem: "tty") }
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
                link.close()
                guard options.reconnect, runner == nil else {
                    end = .sourceEnded("device went away")
                    break supervise
                }
                guard let reopened = reconnect(target, interrupts: interrupts + [endWake.pollDescriptor], hotplug: hotplug) else {
                    end = endState.withLock { $0 } ?? .interrupted
                    break supervise
                }
                link = reopened
            default:
                end = .interrupted
                break supervise
            }
        }
        link.close()
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

    private func open(_ target: Target, interrupts: [Int32]) throws -> Link {
        switch target {
        case .serial(let path, let baud, let name):
            let (port, reader) = try connect(path: path, baud: baud, name: name)
            return .serial(port, reader)
        case .ble(let spec):
            return .ble(try connectBLE(spec, interrupts: interrupts))
        }
    }

    private func connect(path: String, baud: Int, name: String) throws -> (SerialPort, SourceReader) {
        let port = try SerialPort(path: path, settings: SerialSettings(baudRate: baud))
        announceConnected(name)
        let reader = try SourceReader(reading: port, onChunk: { [self] chunk in
            received(chunk)
        }, onDisconnect: { [self] reason in
            lost(reason.description)
        })
        return (port, reader)
    }

    /// Connects to a BLE sensor: bearer, GATT setup, subscription. The first connection of a
    /// `profile=auto` source settles the decoder and opens the capture, now that the protocol is
    /// known; later ones must find the same profile.
    private func connectBLE(_ spec: SourceSpec.BLESpec, interrupts: [Int32]) throws -> BLESensorLink {
        let captureProblem = Mutex<InputError?>(nil)
        let handlers = BLESensorLink.Handlers(onReady: { [self] setup in
            do throws(InputError) {
                try adopt(setup, spec: spec)
                announceConnected(LiveSession.describe(spec, setup.profile, battery: setup.batteryLevel))
            } catch {
                captureProblem.withLock { $0 = error }
            }
        }, onData: { [self] chunk in
            received(chunk)
        }, onBattery: { [self] level in
            core.withLock { c in
                c.batteryLevel = level
                if case .connected = c.link, let profile = c.profile {
                    c.link = .connected(device: LiveSession.describe(spec, profile, battery: level))
                }
            }
        }, onDisconnect: { [self] reason in
            lost(reason)
        })
        let link: BLESensorLink
        do {
            link = try BLESensorLink.connect(spec, connectTimeout: 10, interrupts: interrupts, handlers: handlers)
        } catch {
            throw InputError("\(error)")
        }
        if let problem = captureProblem.withLock({ $0 }) {
            link.stop()
            throw problem
        }
        return link
    }

    /// Takes on the profile a connection found: the decoder for it and, on the first connection
    /// of an auto source, the capture. A device that changed profile between connections is refused.
    private func adopt(_ setup: BLESensorSetup, spec: SourceSpec.BLESpec) throws(InputError) {
        try core.withLock { c throws(InputError) in
            if let known = c.profile {
                guard known == setup.profile else {
                    throw InputError("ble:\(spec.address) came back as a \(setup.profile.rawValue) device, not \(known.rawValue)")
                }
                return
            }
            c.profile = setup.profile
            c.batteryLevel = setup.batteryLevel
            guard spec.profile == "auto" else { return }
            c.engine.replaceDecoder(LiveSession.decoder(for: setup.profile))
            if let path = options.capturePath, c.capture == nil {
                c.capture = try LiveSession.openCapture(path: path, options: options, protocolName: setup.profile.protocolName)
            }
        }
    }

    static func describe(_ spec: SourceSpec.BLESpec, _ profile: BLESensorProfile, battery: UInt8?) -> String {
        "ble:\(spec.address) (\(profile.rawValue)" + (battery.map { ", battery \($0) %" } ?? "") + ")"
    }

    private func announceConnected(_ name: String) {
        let now = HostClock.now()
        core.withLock { c in
            c.link = .connected(device: name)
            c.message = nil
            record(&c, CaptureRecord(kind: .connected, monotonic: now.monotonic, wall: now.wall, payload: Array(name.utf8)))
            c.engine.linkConnected(device: name, wall: now.wall) { queue.push($0) }
        }
    }

    private func received(_ chunk: ByteChunk) {
        core.withLock { c in
            record(&c, CaptureRecord(kind: .data, monotonic: chunk.monotonic, wall: chunk.wall, payload: chunk.bytes))
            c.engine.feed(chunk.bytes[...], monotonic: chunk.monotonic, wall: chunk.wall, onSample: options.onSample) { queue.push($0) }
            c.bytesReceived += chunk.bytes.count
            if let expected = c.expectedBytes, c.bytesReceived >= expected { endWake.signal() }
        }
    }

    private func lost(_ reason: String) {
        let now = HostClock.now()
        core.withLock { c in
            c.link = .disconnected(reason: reason)
            record(&c, CaptureRecord(kind: .disconnected, monotonic: now.monotonic, wall: now.wall, payload: Array(reason.utf8)))
            c.engine.linkDisconnected(reason: reason, wall: now.wall) { queue.push($0) }
        }
        linkDown.signal()
    }

    /// Reopens the source until it works or an interrupt: a serial device at once when udev
    /// reports a tty added; otherwise, and for BLE, with backoff (0.25 s doubling to 5 s).
    private func reconnect(_ target: Target, interrupts: [Int32], hotplug: HotplugMonitor?) -> Link? {
        var delay = 0.25
        var lastError: String?
        while true {
            let why = lastError.map { " (\($0))" } ?? ""
            core.withLock { $0.message = "reconnecting to \(target.label) in \(DurationText.format(delay))\(why)" }
            let ready = waitReadable(interrupts + (hotplug.map { [$0.pollDescriptor] } ?? []), timeout: delay)
            if let ready, ready != hotplug?.pollDescriptor { return nil }
            let added = hotplug.map { $0.receive().contains { $0.action == .add } } ?? false
            do {
                return try open(target, interrupts: interrupts)
            } catch {
                lastError = "\(error)"
            }
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
