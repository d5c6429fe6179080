import Foundation
import Glibc
import Testing
@testable import GluteDevices

@Suite struct SerialPortTests {
    @Test func opensASlaveRawAndReadsTheSettingsBack() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let port = try SerialPort(path: pty.slavePath)
        defer { try? port.close() }
        let mode = try Posix.tcgetattr(port.readDescriptor)
        #expect(mode.c_lflag & tcflag_t(ICANON | ECHO | ISIG | IEXTEN) == 0)
        #expect(mode.c_iflag & tcflag_t(ICRNL | IXON | IXOFF | ISTRIP) == 0)
        #expect(mode.c_oflag & tcflag_t(OPOST) == 0)
        #expect(mode.c_cflag & tcflag_t(CSIZE) == tcflag_t(CS8))
        #expect(mode.c_cflag & tcflag_t(CLOCAL | CREAD) == tcflag_t(CLOCAL | CREAD))
        #expect(mode.c_cflag & (tcflag_t(PARENB | CSTOPB) | tcflag_t(CRTSCTS)) == 0)
        #expect(LineMode.controlCharacter(mode, Int(VMIN)) == 1)
        #expect(LineMode.controlCharacter(mode, Int(VTIME)) == 0)
        var copy = mode
        #expect(cfgetospeed(&copy) == speed_t(B115200))
        #expect(port.appliedBaudRate == 115_200)
        #expect(fcntl(port.readDescriptor, F_GETFL) & O_NONBLOCK != 0)
        #expect(fcntl(port.readDescriptor, F_GETFD) & FD_CLOEXEC != 0)
    }

    @Test(arguments: [9_600, 19_200, 38_400, 57_600, 115_200, 230_400, 460_800, 500_000, 576_000, 921_600])
    func standardRates(rate: Int) throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let port = try SerialPort(path: pty.slavePath, settings: SerialSettings(baudRate: rate, baudRateTolerance: 0))
        defer { try? port.close() }
        #expect(port.appliedBaudRate == rate)
        var mode = try Posix.tcgetattr(port.readDescriptor)
        #expect(cfgetospeed(&mode) == BaudRate.standardCodes[rate])
    }

    /// A pty keeps any speed it is given (measured: 250 000 and 12 345 read back unchanged through
    /// TCGETS2 with the BOTHER code), so the read-back check is exercised, not bypassed.
    @Test(arguments: [250_000, 1_000_000, 12_345])
    func customRatesGoThroughTermios2(rate: Int) throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let port = try SerialPort(path: pty.slavePath, settings: SerialSettings(baudRate: rate, baudRateTolerance: 0))
        defer { try? port.close() }
        #expect(port.appliedBaudRate == rate)
        let kernel = try KernelTermios2.read(port.readDescriptor, path: nil)
        #expect(kernel.controlFlags & TerminalControl.speedMask == TerminalControl.otherSpeed)
        #expect(Int(kernel.outputSpeed) == rate)
        #expect(Int(kernel.inputSpeed) == rate)
    }

    @Test func closeRestoresTheOriginalModeAndReleasesExclusivity() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let observer = try openObserver(pty.slavePath)
        var cooked = try Posix.tcgetattr(observer.rawValue)
        cooked.c_lflag |= tcflag_t(ICANON | ECHO)
        cfsetspeed(&cooked, speed_t(B9600))
        try Posix.tcsetattr(observer.rawValue, cooked)

        let port = try SerialPort(path: pty.slavePath, settings: SerialSettings(baudRate: 230_400))
        #expect(isExclusive(observer.rawValue))
        #expect(try Posix.tcgetattr(observer.rawValue).c_lflag & tcflag_t(ICANON) == 0)
        try port.close()
        try port.close()  // idempotent

        #expect(!isExclusive(observer.rawValue))
        var restored = try Posix.tcgetattr(observer.rawValue)
        #expect(restored.c_lflag & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO))
        #expect(cfgetospeed(&restored) == speed_t(B9600))
        #expect(port.readDescriptor == -1)
    }

    @Test func missingDevice() throws {
        let path = "/dev/ttyGLUTE-missing-\(getpid())"
        let error = try #require(throws: SerialPortError.self) { try SerialPort(path: path) }
        #expect(error == .noSuchDevice(path: path))
        #expect(error.description.hasPrefix("\(path): no such device"))
    }

    @Test func regularFileIsNotATerminal() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("glute-not-a-tty-\(getpid())").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("hello".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for candidate in [path, "/dev/null"] {
            let error = try #require(throws: SerialPortError.self) { try SerialPort(path: candidate) }
            #expect(error == .notATerminal(path: candidate))
            #expect(error.description == "\(candidate): not a tty; expected a serial device such as /dev/ttyACM0 or /dev/ttyUSB0")
        }
    }

    @Test func aPortOpenedTwiceIsBusyUntilReleased() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let first = try SerialPort(path: pty.slavePath)
        let error = try #require(throws: SerialPortError.self) { try SerialPort(path: pty.slavePath) }
        #expect(error == .busy(path: pty.slavePath))
        #expect(error.description.contains(pty.slavePath))
        #expect(error.description.contains("another process holds it"))
        // The failed attempt must not have cleared the holder's exclusivity on its way out.
        let observer = try openObserver(pty.slavePath)
        #expect(isExclusive(observer.rawValue))
        try first.close()
        let second = try SerialPort(path: pty.slavePath)
        try second.close()
    }

    @Test func nonExclusivePortsMayShareADevice() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let shared = SerialSettings(exclusive: false)
        let first = try SerialPort(path: pty.slavePath, settings: shared)
        let second = try SerialPort(path: pty.slavePath, settings: shared)
        let observer = try openObserver(pty.slavePath)
        #expect(!isExclusive(observer.rawValue))
        try second.close()
        try first.close()
    }

    /// Root (these tests' usual user) bypasses file permissions, so EACCES is mapped directly.
    @Test(arguments: [(EACCES, "permission denied; install the udev rules (see README) or join the dialout group"),
                      (EPERM, "permission denied; install the udev rules (see README) or join the dialout group"),
                      (EBUSY, "busy, another process holds it; close that program and retry"),
                      (EWOULDBLOCK, "busy, another process holds it; close that program and retry"),
                      (ENOTTY, "not a tty; expected a serial device such as /dev/ttyACM0 or /dev/ttyUSB0"),
                      (ENXIO, "no such device (is it plugged in?)")])
    func errnoBecomesAUserMessage(code: CInt, message: String) {
        let error = SerialPortError(path: "/dev/ttyACM0", SystemError(code: code, call: "open", path: "/dev/ttyACM0"))
        #expect(error.description == "/dev/ttyACM0: \(message)")
    }

    @Test func otherErrnoKeepsTheSystemMessage() {
        let error = SerialPortError(path: "/dev/ttyACM0", SystemError(code: EISDIR, call: "open", path: "/dev/ttyACM0"))
        #expect(error.description == "/dev/ttyACM0: open /dev/ttyACM0: Is a directory (errno \(EISDIR))")
    }

    @Test(arguments: [0, -9600])
    func unusableRatesAreRefused(rate: Int) throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        #expect(throws: SerialPortError.invalidBaudRate(path: pty.slavePath, requested: rate)) {
            try SerialPort(path: pty.slavePath, settings: SerialSettings(baudRate: rate))
        }
    }

    @Test func readBackNamesEveryFieldTheDriverChanged() {
        let requested = LineMode.raw(from: termios())
        #expect(LineMode.differences(requested: requested, applied: requested).isEmpty)
        var applied = requested
        applied.c_cflag &= ~tcflag_t(CLOCAL)
        applied.c_lflag |= tcflag_t(ECHO)
        withUnsafeMutableBytes(of: &applied.c_cc) { $0[Int(VMIN)] = 0 }
        applied.c_cflag |= tcflag_t(HUPCL)  // not a checked bit: drivers may set it
        let found = LineMode.differences(requested: requested, applied: applied)
        #expect(found.count == 3)
        #expect(found.contains { $0.hasPrefix("c_cflag") })
        #expect(found.contains { $0.hasPrefix("c_lflag") })
        #expect(found.contains("VMIN 0 instead of 1"))
    }

    @Test func baudRateToleranceComparesRelatively() {
        #expect(BaudRate.matches(250_000, requested: 250_000, tolerance: 0))
        #expect(!BaudRate.matches(249_999, requested: 250_000, tolerance: 0))
        #expect(BaudRate.matches(245_000, requested: 250_000, tolerance: 0.02))
        #expect(!BaudRate.matches(244_999, requested: 250_000, tolerance: 0.02))
    }

    @Test func writesReachTheMaster() throws {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let port = try SerialPort(path: pty.slavePath)
        defer { try? port.close() }
        let sent: [UInt8] = Array("calibrate\r\n".utf8) + [0, 0xFF]
        try port.write(sent, timeout: hangGuard)
        var received: [UInt8] = []
        while received.count < sent.count {
            #expect(try waitReadable(pty.masterDescriptor) & Int16(POLLIN) != 0)
            received += try readAvailable(pty.masterDescriptor)
        }
        #expect(received == sent, "raw output: no \\n to \\r\\n translation")
    }
}
