import Foundation
import GluteSim
import GluteWire
import Synchronization

/// The virtual sensor on a pseudo terminal: simulated firmware streams native frames into the
/// pty's master, paced at `speed`, and answers host commands written to the slave. Programs open
/// `slavePath` as they would a USB serial sensor.
public final class VirtualSensorRunner: Sendable {
    public let slavePath: String
    private let pty: PseudoTerminal
    private let stopper: WakeUp
    private let state: Mutex<State>
    private let commands = Mutex<[UInt8]>([])
    private let finished: WakeUp
    private let speed: Double?
    private let duration: Double?

    private struct State: ~Copyable {
        var firmware: SimulatedFirmware<VirtualSensor>?
        var bytesWritten = 0
        var endReason: String?
    }

    /// - Parameters:
    ///   - speed: stream seconds per real second; nil writes as fast as the reader drains.
    ///   - duration: stop after this much stream time; nil runs until the scenario ends (or, with
    ///     a looping scenario, until stopped).
    public init(firmware: SimulatedFirmware<VirtualSensor>, speed: Double?, duration: Double?) throws(SystemError) {
        pty = try PseudoTerminal()
        slavePath = pty.slavePath
        stopper = try WakeUp()
        finished = try WakeUp()
        state = Mutex(State(firmware: firmware))
        self.speed = speed
        self.duration = duration
    }

    /// Readable once the runner has ended (scenario over, duration reached, stopped or failed).
    public var finishedDescriptor: Int32 { finished.pollDescriptor }
    public var bytesWritten: Int { state.withLock { $0.bytesWritten } }
    public var endReason: String? { state.withLock { $0.endReason } }

    /// Runs on a new thread.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "virtual-sensor"
        thread.start()
    }

    /// Stops the runner once `descriptor` becomes readable (a `SignalTrap`), even while a write
    /// waits for a reader to drain the pty.
    public func stop(whenReadable descriptor: Int32) {
        let thread = Thread { [self] in
            if waitReadable([descriptor, finished.pollDescriptor], timeout: nil) == descriptor { stop() }
        }
        thread.name = "virtual-sensor-stop"
        thread.start()
    }

    /// Runs on the calling thread until the stream ends or `stop()` is called.
    public func run() {
        defer { finished.signal() }
        guard var firmware = state.withLock({ $0.firmware.take() }) else { return }
        // Host commands arrive on the master side; a reader thread collects them.
        let commandReader = try? SourceReader(reading: pty, onChunk: { [self] chunk in
            commands.withLock { $0.append(contentsOf: chunk.bytes) }
        }, onDisconnect: { _ in })
        defer { commandReader?.stop() }

        var pacer = Pacer(speed: speed)
        let wakeups = [stopper.pollDescriptor]
        var reason = "scenario ended"
        while true {
            let pending = commands.withLock { bytes -> [UInt8] in
                defer { bytes.removeAll() }
                return bytes
            }
            if !pending.isEmpty { firmware.receive(pending) }
            guard let out = firmware.next() else { break }
            if let duration, out.time > duration { reason = "duration reached"; break }
            guard pacer.wait(until: out.time, interrupts: wakeups) else { reason = "stopped"; break }
            do {
                try pty.write(out.bytes, interruptedBy: stopper)
            } catch {
                if case .interrupted = error { reason = "stopped" } else { reason = "\(error)" }
                break
            }
            state.withLock { $0.bytesWritten += out.bytes.count }
        }
        state.withLock { $0.endReason = reason }
    }

    public func stop() {
        stopper.signal()
    }

    /// Closes the pty: a program reading the slave sees the device go away.
    public func close() {
        try? pty.close()
    }
}
