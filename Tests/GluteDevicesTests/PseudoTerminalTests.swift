import Foundation
import Glibc
import Testing
@testable import GluteDevices

@Suite struct PseudoTerminalTests {
    @Test func slaveIsARawTerminalAtItsPath() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        #expect(pty.slavePath.hasPrefix("/dev/pts/"))
        #expect(Int(pty.slavePath.dropFirst("/dev/pts/".count)) != nil)
        let slave = try openObserver(pty.slavePath)
        #expect(isatty(slave.rawValue) == 1)
        for descriptor in [slave.rawValue, pty.masterDescriptor] {
            let mode = try Posix.tcgetattr(descriptor)
            #expect(mode.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == 0)
            #expect(mode.c_oflag & tcflag_t(OPOST) == 0)
            #expect(mode.c_iflag & tcflag_t(ICRNL | IXON) == 0)
        }
        #expect(fcntl(pty.masterDescriptor, F_GETFL) & O_NONBLOCK != 0)
        #expect(fcntl(pty.masterDescriptor, F_GETFD) & FD_CLOEXEC != 0)
    }

    @Test func everyByteValuePassesUnchanged() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let slave = try openObserver(pty.slavePath)
        let sent = (0..<512).map { UInt8(truncatingIfNeeded: $0) }  // includes \r, \n, ^C, XON, XOFF
        try pty.write(sent, timeout: hangGuard)
        var received: [UInt8] = []
        while received.count < sent.count {
            #expect(try waitReadable(slave.rawValue) & Int16(POLLIN) != 0)
            received += try readAvailable(slave.rawValue)
        }
        #expect(received == sent)
        #expect(try readAvailable(pty.masterDescriptor).isEmpty, "raw mode must not echo")
    }

    /// The behaviour `PseudoTerminalSettings.holdSlaveOpen` documents.
    @Test(arguments: [true, false])
    func masterAfterTheLastReaderLeaves(holdSlaveOpen: Bool) throws {
        let pty = try PseudoTerminal(settings: PseudoTerminalSettings(holdSlaveOpen: holdSlaveOpen))
        defer { try? pty.close() }
        let visitor = try openObserver(pty.slavePath)
        try visitor.close()
        var entries = [pollfd(fd: pty.masterDescriptor, events: Int16(POLLIN), revents: 0)]
        _ = try Posix.poll(&entries, timeoutMilliseconds: 0)
        let hungUp = entries[0].revents & Int16(POLLHUP) != 0
        #expect(hungUp == !holdSlaveOpen)
        var byte: [UInt8] = [0]
        let readError = byte.withUnsafeMutableBytes { bytes in
            Result { () throws(SystemError) in try Posix.read(pty.masterDescriptor, into: bytes) }
        }
        #expect(throws: SystemError(code: holdSlaveOpen ? EAGAIN : EIO, call: "read")) { try readError.get() }
    }

    @Test func aFullSlaveQueueStallsTheWriterWithoutDroppingBytes() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let payload = [UInt8](repeating: 0x55, count: 200_000)
        let error = try #require(throws: WriteError.self) { try pty.write(payload, timeout: 0.2) }
        guard case .stalled(let written, let pending, _) = error else {
            Issue.record("expected a stall, got \(error)")
            return
        }
        #expect(written > 0)
        #expect(written + pending == payload.count)
        let slave = try openObserver(pty.slavePath)
        #expect(try readAvailable(slave.rawValue).count == written, "every accepted byte is readable")
    }

    @Test func aWakeUpInterruptsABlockedWrite() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let wakeUp = try WakeUp()
        wakeUp.signal()
        let error = try #require(throws: WriteError.self) {
            try pty.write([UInt8](repeating: 1, count: 200_000), interruptedBy: wakeUp)
        }
        guard case .interrupted(let written, let pending) = error else {
            Issue.record("expected an interruption, got \(error)")
            return
        }
        #expect(written + pending == 200_000)
    }
}
