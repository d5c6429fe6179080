import Glibc

/// Options for `PseudoTerminal`.
public struct PseudoTerminalSettings: Sendable, Equatable {
    /// Keep a descriptor on the slave open on the master side. Default true.
    ///
    /// When no process has the slave open (before the first open, and after the last close each time
    /// a reader reconnects), Linux marks the master hung up: `poll` reports `POLLHUP` and `read` on
    /// the master fails with `EIO`. Holding the slave open keeps the master usable across a reader's
    /// reconnects, and bytes written meanwhile wait in the slave's input queue (measured: 20 480
    /// bytes fit before the master's writes block) for the next reader.
    public var holdSlaveOpen: Bool = true

    public init(holdSlaveOpen: Bool = true) {
        self.holdSlaveOpen = holdSlaveOpen
    }
}

/// A pseudo terminal pair: the master end stays with this value, the slave is a real tty at
/// `slavePath` (`/dev/pts/N`) that other programs, or `SerialPort`, open like a serial device.
///
/// Both ends are in raw mode (bytes pass unchanged, no echo) and close-on-exec; the master is
/// non-blocking. Created through `/dev/ptmx` rather than `openpty(3)` so that close-on-exec is set
/// atomically at open. As a `ByteSource` it reads what is written on the slave.
public final class PseudoTerminal: ByteSource {
    /// The slave's path, such as `/dev/pts/3`.
    public let slavePath: String
    public let settings: PseudoTerminalSettings
    private let master: FileDescriptor
    private let heldSlave: FileDescriptor?

    /// Opens a new pair.
    public init(settings: PseudoTerminalSettings = PseudoTerminalSettings()) throws(SystemError) {
        self.settings = settings
        let master = FileDescriptor(taking: try Posix.open("/dev/ptmx", flags: O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK))
        let masterDescriptor = master.rawValue
        var unlock: CInt = 0
        try Posix.ioctl(masterDescriptor, TerminalControl.setPtyLock, argument: &unlock, name: "TIOCSPTLCK")
        var number: CUnsignedInt = 0
        try Posix.ioctl(masterDescriptor, TerminalControl.getPtyNumber, argument: &number, name: "TIOCGPTN")
        let path = "/dev/pts/\(number)"
        try Self.makeRaw(masterDescriptor, path: nil)

        let slave = FileDescriptor(taking: try Self.openSlave(of: masterDescriptor, path: path))
        try Self.makeRaw(slave.rawValue, path: path)
        if settings.holdSlaveOpen {
            heldSlave = slave
        } else {
            try slave.close()
            heldSlave = nil
        }
        self.master = master
        self.slavePath = path
    }

    /// The master descriptor (-1 after `close()`).
    public var masterDescriptor: CInt { master.rawValue }

    public var sourceName: String { "pty master of \(slavePath)" }
    public var readDescriptor: CInt { master.rawValue }

    /// Writes every byte into the master, so they arrive as input on the slave.
    ///
    /// When the slave's input queue is full (nobody reading) the call waits for `POLLOUT`; it never
    /// drops bytes: if the queue does not move for `timeout` seconds it throws `WriteError.stalled`
    /// saying how many were written.
    /// - Parameters:
    ///   - timeout: longest wait for progress, in seconds; nil (default) waits indefinitely.
    ///   - wakeUp: signal it to abandon the wait (`WriteError.interrupted`), e.g. on shutdown.
    public func write(_ bytes: [UInt8], timeout: Double? = nil, interruptedBy wakeUp: WakeUp? = nil) throws(WriteError) {
        let descriptor = master.rawValue
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(WriteError) in
                try DescriptorWriter.writeAll(buffer, to: descriptor, timeout: timeout, interruptedBy: wakeUp)
            }
        }.get()
    }

    /// Closes the held slave descriptor, then the master; a program reading the slave then sees
    /// end of stream. Later calls do nothing.
    public func close() throws(SystemError) {
        var failure: SystemError?
        do { try heldSlave?.close() } catch { failure = error }
        do { try master.close() } catch { failure = failure ?? error }
        if let failure { throw failure }
    }

    private static func openSlave(of master: CInt, path: String) throws(SystemError) -> CInt {
        let flags = O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK
        do {
            return try Posix.ioctl(master, TerminalControl.openPtyPeer, value: flags, name: "TIOCGPTPEER", path: path)
        } catch where error.code == EINVAL || error.code == ENOTTY {
            // Kernels before 4.13 lack TIOCGPTPEER: fall back to the path.
            return try Posix.open(path, flags: flags)
        }
    }

    private static func makeRaw(_ descriptor: CInt, path: String?) throws(SystemError) {
        var settings = try Posix.tcgetattr(descriptor, path: path)
        cfmakeraw(&settings)
        try Posix.tcsetattr(descriptor, settings, path: path)
    }
}
