import Glibc
import Synchronization

/// A serial device (or any tty, such as a pty slave) opened for raw, exclusive, non-blocking I/O.
///
/// Opening follows the usual careful sequence: `open(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)`,
/// check it is a tty, take `flock(LOCK_EX | LOCK_NB)` and then `TIOCEXCL` (the lock first: a port
/// another process holds must not get its `TIOCEXCL` cleared by our cleanup), switch to raw 8N1
/// (`LineMode`), set the speed, and read everything back. `close()` undoes it in reverse.
///
/// Read it with a `SourceReader` (it is a `ByteSource`); stop the reader before `close()`.
public final class SerialPort: ByteSource {
    /// The path it was opened with.
    public let path: String
    /// The settings it was opened with.
    public let settings: SerialSettings
    /// The rate the kernel reports after configuration, in bits per second.
    public let appliedBaudRate: Int
    /// False when the path is itself a pseudo-terminal's slave end (/dev/pts/N, not a link to
    /// one): after a hang-up that path can only name some other terminal (see `PseudoTerminalPath`).
    public let reopensAfterHangUp: Bool

    private let descriptor: FileDescriptor
    /// What `close()` must undo; nil once closed, so the undo runs once.
    private let restoration: Mutex<Restoration?>

    private struct Restoration: Sendable {
        var original: termios
        var exclusive: Bool
    }

    /// Opens and configures `path`.
    ///
    /// - Throws: `SerialPortError`, whose description names the device and the cause.
    public init(path: String, settings: SerialSettings = SerialSettings()) throws(SerialPortError) {
        guard settings.baudRate > 0, settings.baudRate <= Int(UInt32.max) else {
            throw .invalidBaudRate(path: path, requested: settings.baudRate)
        }
        let raw: CInt
        do { raw = try Posix.open(path, flags: O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC) } catch {
            throw SerialPortError(path: path, error)
        }
        let descriptor = FileDescriptor(taking: raw)
        var undo = Restoration(original: termios(), exclusive: false)
        var modeChanged = false
        do throws(SerialPortError) {
            try Self.attempt(path) { () throws(SystemError) in try Posix.requireTerminal(raw, path: path) }
            undo.original = try Self.attempt(path) { () throws(SystemError) in try Posix.tcgetattr(raw, path: path) }
            if settings.exclusive {
                try Self.attempt(path) { () throws(SystemError) in try Posix.lockFile(raw, LOCK_EX | LOCK_NB, path: path) }
                try Self.attempt(path) { () throws(SystemError) in try Posix.ioctl(raw, UInt(TIOCEXCL), name: "TIOCEXCL", path: path) }
                undo.exclusive = true
            }
            modeChanged = true
            appliedBaudRate = try Self.configure(raw, path: path, settings: settings, original: undo.original)
        } catch {
            Self.undo(undo, on: raw, path: path, modeChanged: modeChanged)
            try? descriptor.close()  // also releases the flock
            throw error
        }
        self.path = path
        self.settings = settings
        self.reopensAfterHangUp = !PseudoTerminalPath.namesPtySlaveDirectly(path, descriptor: raw)
        self.descriptor = descriptor
        self.restoration = Mutex(undo)
    }

    public var sourceName: String { path }
    /// The open descriptor (-1 after `close()`).
    public var readDescriptor: CInt { descriptor.rawValue }

    /// Writes every byte, waiting for the driver's buffer to drain when full (see `WriteError`).
    /// - Parameters:
    ///   - timeout: longest wait for progress, in seconds; nil (default) waits indefinitely.
    ///   - wakeUp: signal it to abandon the wait.
    public func write(_ bytes: [UInt8], timeout: Double? = nil, interruptedBy wakeUp: WakeUp? = nil) throws(WriteError) {
        let raw = descriptor.rawValue
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(WriteError) in
                try DescriptorWriter.writeAll(buffer, to: raw, timeout: timeout, interruptedBy: wakeUp)
            }
        }.get()
    }

    /// Restores the line settings found at open, releases `TIOCEXCL` and the lock, and closes the
    /// descriptor. Every step runs even if one fails; later calls do nothing.
    ///
    /// - Throws: the first failure, except failures to restore a device that is gone (`EIO`,
    ///   `ENXIO`, `ENODEV` after an unplug), where there is nothing left to restore.
    public func close() throws(SystemError) {
        guard let undo = restoration.withLock({ state -> Restoration? in
            defer { state = nil }
            return state
        }) else { return }
        var failure = Self.undo(undo, on: descriptor.rawValue, path: path, modeChanged: true)
        do { try descriptor.close() } catch { failure = failure ?? error }
        if let failure { throw failure }
    }

    deinit {
        try? close()
    }

    // MARK: - Steps

    /// Sets raw mode and speed, reads them back, and returns the applied rate.
    private static func configure(
        _ raw: CInt, path: String, settings: SerialSettings, original: termios
    ) throws(SerialPortError) -> Int {
        var requested = LineMode.raw(from: original)
        let standardCode = BaudRate.standardCodes[settings.baudRate]
        if let standardCode { cfsetspeed(&requested, standardCode) }
        try attempt(path) { () throws(SystemError) in try Posix.tcsetattr(raw, requested, path: path) }
        if standardCode == nil {
            try attempt(path) { () throws(SystemError) in
                var custom = try KernelTermios2.read(raw, path: path)
                custom.setCustomSpeed(UInt32(settings.baudRate))
                try custom.write(raw, path: path)
            }
        }

        let applied = try attempt(path) { () throws(SystemError) in try Posix.tcgetattr(raw, path: path) }
        var problems = LineMode.differences(requested: requested, applied: applied)
        let speeds = try attempt(path) { () throws(SystemError) in try KernelTermios2.read(raw, path: path) }
        for (direction, rate) in [("output", Int(speeds.outputSpeed)), ("input", Int(speeds.inputSpeed))]
        where !BaudRate.matches(rate, requested: settings.baudRate, tolerance: settings.baudRateTolerance) {
            problems.append("\(direction) speed \(rate) instead of \(settings.baudRate) baud")
        }
        if !problems.isEmpty {
            throw .settingsNotApplied(path: path, detail: problems.joined(separator: ", "))
        }
        return Int(speeds.outputSpeed)
    }

    /// Undoes what open did; returns the first failure worth reporting.
    @discardableResult
    private static func undo(_ undo: Restoration, on raw: CInt, path: String, modeChanged: Bool) -> SystemError? {
        var failure: SystemError?
        func step(_ body: () throws(SystemError) -> Void) {
            do { try body() } catch {
                let deviceGone = error.code == EIO || error.code == ENXIO || error.code == ENODEV
                if !deviceGone, failure == nil { failure = error }
            }
        }
        if modeChanged { step { () throws(SystemError) in try Posix.tcsetattr(raw, undo.original, path: path) } }
        if undo.exclusive {
            step { () throws(SystemError) in try Posix.ioctl(raw, UInt(TIOCNXCL), name: "TIOCNXCL", path: path) }
            step { () throws(SystemError) in try Posix.lockFile(raw, LOCK_UN, path: path) }
        }
        return failure
    }

    /// Runs one system step of opening `path`, turning its failure into the user-facing error.
    private static func attempt<Value>(_ path: String, _ body: () throws(SystemError) -> Value) throws(SerialPortError) -> Value {
        do { return try body() } catch { throw SerialPortError(path: path, error) }
    }
}
