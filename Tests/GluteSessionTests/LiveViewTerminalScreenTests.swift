import Glibc
import GluteDevices
import Testing
@testable import GluteSession

/// A pseudo terminal opened the POSIX way: the screen writes to the slave, the test reads the
/// master and sees exactly the bytes a terminal emulator would.
private final class PtyPair {
    let master: Int32
    let slave: Int32

    init() throws {
        // Swift's Glibc module leaves out posix_openpt/grantpt/unlockpt/ptsname (they need
        // _XOPEN_SOURCE), so do what they do: open /dev/ptmx, unlock the slave, ask its number.
        // TIOCSPTLCK and TIOCGPTN as numbered in the asm-generic ioctl layout (x86_64, arm64).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        try #require(master >= 0, "open /dev/ptmx: errno \(errno)")
        var unlock: Int32 = 0
        var number: UInt32 = 0
        try #require(ioctl(master, UInt(0x4004_5431), &unlock) == 0)
        try #require(ioctl(master, UInt(0x8004_5430), &number) == 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        try #require(slave >= 0, "open /dev/pts/\(number): errno \(errno)")
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        self.master = master
        self.slave = slave
    }

    deinit {
        close(slave)
        close(master)
    }

    /// Everything written on the slave so far, waiting up to `timeout` seconds for the first byte.
    func drain(timeout: Double = 2) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var wait = Int32(timeout * 1000)
        while true {
            var entry = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, wait) > 0 else { break }
            let n = read(master, &buffer, buffer.count)
            guard n > 0 else { break }
            bytes += buffer[0..<n]
            wait = 50 // the rest of a write arrives at once; stop soon after it
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func setSize(columns: UInt16, rows: UInt16) {
        var window = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &window)
    }

    func settings() -> termios {
        var t = termios()
        _ = tcgetattr(slave, &t)
        return t
    }
}

private func same(_ a: termios, _ b: termios) -> Bool {
    a.c_iflag == b.c_iflag && a.c_oflag == b.c_oflag && a.c_cflag == b.c_cflag && a.c_lflag == b.c_lflag
}

@Suite("Live view terminal screen", .serialized)
struct LiveViewTerminalScreenTests {
    let environment = ["TERM": "xterm-256color", "LANG": "en_US.UTF-8"]

    @Test func enterDrawLeaveOnARealPty() throws {
        let pty = try PtyPair()
        pty.setSize(columns: 100, rows: 5)
        let before = pty.settings()
        #expect(before.c_lflag & tcflag_t(ECHO) != 0, "a new pty echoes")
        let screen = try #require(TerminalScreen(fd: pty.slave, environment: environment))
        #expect(screen.size == (100, 5))

        screen.enter()
        let entered = pty.drain()
        #expect(entered == "\u{1B}[?1049h\u{1B}[?7l\u{1B}[?25l\u{1B}[H\u{1B}[2J")
        let view = pty.settings()
        #expect(view.c_lflag & tcflag_t(ECHO) == 0)
        #expect(view.c_lflag & tcflag_t(ICANON) == 0)
        #expect(view.c_lflag & tcflag_t(ISIG) != 0, "Ctrl-C must still raise SIGINT")
        #expect(TerminalRestore.armed == pty.slave)

        screen.draw(["hello", "\u{1B}[1mworld\u{1B}[0m"])
        #expect(pty.drain() == "\u{1B}[?2026h\u{1B}[1;1H\u{1B}[2Khello\u{1B}[2;1H\u{1B}[2K\u{1B}[1mworld\u{1B}[0m"
                + "\u{1B}[3;1H\u{1B}[J\u{1B}[?2026l")

        // Lines past the screen's height are not drawn: the screen must never scroll.
        screen.draw((1...8).map { "line \($0)" })
        let tall = pty.drain()
        #expect(tall.contains("\u{1B}[5;1H\u{1B}[2Kline 5\u{1B}[?2026l"))
        #expect(!tall.contains("line 6"))
        #expect(!tall.contains("\u{1B}[J"))

        screen.draw((1...8).map { "line \($0)" })
        #expect(pty.drain(timeout: 0.1) == "", "an unchanged frame is not written again")
        screen.invalidate()
        screen.draw((1...8).map { "line \($0)" })
        #expect(pty.drain() == tall)

        screen.enter()
        #expect(pty.drain(timeout: 0.1) == "", "entering twice writes nothing")

        screen.leave()
        #expect(pty.drain() == "\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l")
        #expect(same(pty.settings(), before))
        #expect(TerminalRestore.armed == nil)
        screen.leave()
        #expect(pty.drain(timeout: 0.1) == "", "leave is idempotent")
    }

    @Test func fallbackRestoresWhenLeaveIsNeverCalled() throws {
        let pty = try PtyPair()
        let before = pty.settings()
        let screen = try #require(TerminalScreen(fd: pty.slave, environment: environment))
        screen.enter()
        _ = pty.drain()
        #expect(!same(pty.settings(), before))
        // What atexit and the crash handlers run.
        TerminalRestore.restoreNow()
        #expect(pty.drain() == "\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l")
        #expect(same(pty.settings(), before))
        TerminalRestore.restoreNow()
        #expect(pty.drain(timeout: 0.1) == "", "the fallback restores once")
        screen.leave()
        _ = pty.drain(timeout: 0.1)
    }

    @Test func deinitLeaves() throws {
        let pty = try PtyPair()
        let before = pty.settings()
        do {
            let screen = try #require(TerminalScreen(fd: pty.slave, environment: environment))
            screen.enter()
        }
        let output = pty.drain()
        #expect(output.hasSuffix("\u{1B}[?25h\u{1B}[?1049l"))
        #expect(same(pty.settings(), before))
    }

    @Test func refusesPipesAndDumbTerminals() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(TerminalScreen(fd: fds[1], environment: environment) == nil)
        let pty = try PtyPair()
        #expect(TerminalScreen(fd: pty.slave, environment: ["TERM": "dumb"]) == nil)
        #expect(TerminalScreen(fd: pty.slave, environment: [:]) != nil)
    }

    @Test func sizeFallsBackTo80x24WhenUnknown() throws {
        let pty = try PtyPair()
        pty.setSize(columns: 0, rows: 0)
        let screen = try #require(TerminalScreen(fd: pty.slave, environment: environment))
        #expect(screen.size == (80, 24))
        pty.setSize(columns: 132, rows: 43)
        #expect(screen.size == (132, 43))
    }

    @Test func capabilitiesFollowNoColorTermAndLocale() {
        let tty = TerminalCapabilities.detect(isTerminal: true, environment: ["TERM": "xterm", "LANG": "en_GB.UTF-8"])
        #expect(tty == TerminalCapabilities(color: true, unicode: true, fullScreen: true))
        #expect(!TerminalCapabilities.detect(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]).color)
        #expect(TerminalCapabilities.detect(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": ""]).color,
                "an empty NO_COLOR does not count (no-color.org)")
        let dumb = TerminalCapabilities.detect(isTerminal: true, environment: ["TERM": "dumb", "LANG": "C.UTF-8"])
        #expect(dumb == TerminalCapabilities(color: false, unicode: false, fullScreen: false))
        #expect(!TerminalCapabilities.detect(isTerminal: false, environment: ["TERM": "xterm"]).color)
        #expect(!TerminalCapabilities.detect(isTerminal: true, environment: ["TERM": "xterm", "LANG": "C"]).unicode)
        #expect(!TerminalCapabilities.detect(isTerminal: true,
                                             environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]).unicode,
                "LC_ALL overrides LANG")
        #expect(TerminalCapabilities.detect(isTerminal: true, environment: ["LC_CTYPE": "de_DE.utf8"]).unicode)
    }
}
