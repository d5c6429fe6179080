import Foundation
import GluteCore
import GluteDevices
import GluteLiveView
import GluteLog
import GluteSettings
import GluteSim
import GluteWire
import Synchronization

/// A live session: one reader thread decoding a device into events (DESIGN.md "Concurrency"), a
/// sink thread consuming them through a bounded queue, and this thread supervising: shutdown on a
/// signal, the duration or a request; reconnection with backoff when the device goes away.
public final class LiveSession: Sendable {
    public let options: LiveOptions
    let queue: EventQueue
    let core: Mutex<Core>
    let endWake: WakeUp
    let linkDown: WakeUp
    let endState = Mutex<LiveEnd?>(nil)

    /// State the reader thread changes, under `core`'s lock.
    struct Core: ~Copyable {
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
            throw InputError(FileSourceProblem.message(path: path, verb: options.verb))
        }
        var capture: CaptureWriter?
        if case .ble(let spec) = options.source, spec.profile == "auto" {
            // The header names the protocol, which only the connection reveals: opened then.
        } else if let path = options.capturePath {
            capture = try LiveSession.openCapture(path: path, options: options, protocolName: LiveSession.protocolName(options.source))
        }
        core = Mutex(Core(engine: SessionEngine(decoder: decoder, pipeline: Pipeline(settings: options.pipeline)), capture: capture))
    }

    static func isCharacterDevice(_ path: String) -> Bool { FileKind.isCharacterDevice(path) }

    private static func protocolName(_ source: SourceSpec) -> String {
        switch source {
        case .serial(let s): return s.wireProtocol == .auto ? "auto" : s.wireProtocol.rawValue
        case .ble(let b): return BLESensorProfile(rawValue: b.profile)?.protocolName ?? "auto"
        default: return "native"
        }
    }

    static func openCapture(path: String, options: LiveOptions, protocolName: String) throws(InputError) -> CaptureWriter {
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
                          wallNow: HostClock.now().wall, droppedEvents: 0, message: c.message ?? c.captureError,
                          batteryLevel: c.batteryLevel.map(Int.init) ?? c.engine.batteryPercent)
        }
    }

    /// Opens the source, then calls `makeSinks` (so that nothing is printed for a device that
    /// cannot be opened) and runs until interrupted, the duration passes, `requestStop()` or the
    /// source ends. The sinks move to the sink thread and are used only there.
    public func run(interrupts: [Int32], tickInterval: Double? = nil,
                    makeSinks: () throws -> sending [any SessionSink]) throws -> LiveEnd {
        let (target, runner) = try prepareTarget(interrupts: interrupts)
        defer { runner?.stop(); runner?.close() }
        var link: Link
        do {
            link = try open(target, interrupts: interrupts)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("\(error)")
        }
        let sinkThread = try startSinks(link: link, tickInterval: tickInterval, makeSinks: makeSinks)
        defer { sinkThread.stopAndJoin() }
        let end = supervise(&link, target: target, runner: runner, interrupts: interrupts)
        link.close()
        windDown(end)
        return end
    }

    /// Where to connect: the serial port (its WitMotion baud rate found when not given), the
    /// virtual sensor's pty (started here), or the BLE address.
    private func prepareTarget(interrupts: [Int32]) throws -> (Target, VirtualSensorRunner?) {
        switch options.source {
        case .serial(let spec):
            return (.serial(path: spec.path, baud: try LiveSession.baud(for: spec, interrupts: interrupts), name: spec.path), nil)
        case .simulated(let name):
            let runner = try startVirtualSensor(name)
            return (.serial(path: runner.slavePath, baud: 115_200, name: "\(options.source.label) on \(runner.slavePath)"), runner)
        case .ble(let spec):
            return (.ble(spec), nil)
        case .file:
            throw InputError("unsupported source")
        }
    }

    private static func baud(for spec: SourceSpec.SerialSpec, interrupts: [Int32]) throws -> Int {
        guard spec.wireProtocol == .witmotion && spec.baud == nil else { return spec.baud ?? 115_200 }
        let found: Int?
        do { found = try WitMotionBaudSearch.find(path: spec.path, interrupts: interrupts) } catch { throw InputError("\(error)") }
        guard let found else {
            throw InputError("\(spec.path): no WitMotion packets at any standard baud rate (tried \(WitMotionBaudProbe.candidateBaudRates.map(String.init).joined(separator: ", "))); give baud=N, or check the protocol")
        }
        return found
    }

    private func startVirtualSensor(_ name: String) throws -> VirtualSensorRunner {
        guard let scenario = Scenario(rawValue: name) else {
            throw InputError("sim:\(name): unknown scenario; one of \(Scenario.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var simulation = SimulationSettings()
        simulation.seed = options.simulationSeed
        simulation.duration = options.simulationDuration
        let firmware = SimulatedFirmware(scenario: scenario, simulation: simulation)
        let runner = try VirtualSensorRunner(firmware: firmware, speed: options.simulationSpeed, duration: options.simulationDuration)
        runner.start()
        return runner
    }

    /// The sinks, made now that the source is open, running on their own thread.
    private func startSinks(link: Link, tickInterval: Double?,
                            makeSinks: () throws -> sending [any SessionSink]) throws -> SinkThread {
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
        return sinkThread
    }

    /// This thread's part: waits for the end (a request, an interrupt, the duration, the virtual
    /// sensor's last byte) and reopens a device that went away.
    private func supervise(_ link: inout Link, target: Target, runner: VirtualSensorRunner?, interrupts: [Int32]) -> LiveEnd {
        // With udevd running, a device that comes back is reopened on its add event at once;
        // without it (containers), the reconnect loop's backoff retries alone.
        var hotplug: HotplugMonitor?
        if runner == nil, case .serial = target, UdevDaemon.isRunning { hotplug = try? HotplugMonitor(subsystem: "tty") }
        let started = HostClock.now().monotonic
        var waitList = [endWake.pollDescriptor, linkDown.pollDescriptor] + interrupts
        if let runner { waitList.append(runner.finishedDescriptor) }
        var runnerDone = false
        while true {
            let remaining = options.duration.map { max(0, $0 - (HostClock.now().monotonic - started)) }
            let ready = waitReadable(waitList, timeout: remaining)
            switch ready {
            case nil:
                return .durationReached
            case endWake.pollDescriptor?:
                return endState.withLock { $0 } ?? .sourceEnded("stream complete")
            case let fd? where fd == runner?.finishedDescriptor && !runnerDone:
                runnerDone = true
                waitList.removeAll { $0 == fd }
                virtualSensorFinished(runner!)
            case linkDown.pollDescriptor?:
                linkDown.reset()
                link.close()
                guard options.reconnect, runner == nil else { return .sourceEnded("device went away") }
                if case .serial(let port, _) = link, !port.reopensAfterHangUp {
                    return .sourceEnded("\(port.path) closed; a pseudo-terminal is not reopened, its number passes to the next terminal opened (follow a symlink to it instead)")
                }
                guard let reopened = reconnect(target, interrupts: interrupts + [endWake.pollDescriptor], hotplug: hotplug) else {
                    return endState.withLock { $0 } ?? .interrupted
                }
                link = reopened
            default:
                return .interrupted
            }
        }
    }

    /// The virtual sensor is done; the session ends once the reader has taken every byte it wrote.
    private func virtualSensorFinished(_ runner: VirtualSensorRunner) {
        let written = runner.bytesWritten
        let caughtUp = core.withLock { c -> Bool in
            c.expectedBytes = written
            return c.bytesReceived >= written
        }
        endState.withLock { if $0 == nil { $0 = .sourceEnded("virtual sensor: \(runner.endReason ?? "finished")") } }
        if caughtUp { endWake.signal() }
    }

    /// After the link closed: the last events, the link's end, the capture closed.
    private func windDown(_ end: LiveEnd) {
        endState.withLock { $0 = end }
        core.withLock { c in
            c.engine.finish { queue.push($0) }
            c.link = .ended(reason: LiveSession.describe(end))
            if let capture = c.capture {
                do { try capture.close() } catch { c.captureError = "capture: \(error)" }
            }
        }
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

    func drainStatus(dropped: Int) -> SessionStatus {
        var s = status
        s.droppedEvents = dropped
        return s
    }
}
