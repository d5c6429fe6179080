import Glibc
import Synchronization

/// The terminal that shows the live view: the one part of it that touches a descriptor.
///
/// `enter()` switches to the alternate screen, hides the cursor, turns autowrap and echo off (so
/// keys typed at the view do not scribble over it; Ctrl-C still signals); `draw(_:)` repaints a
/// whole frame in one write(2); `leave()` undoes all of it and restores the terminal settings
/// saved at init. `leave()` runs again from `deinit`, and `TerminalRestore` covers `exit()`,
/// crashes, unclaimed SIGINT/SIGTERM and Ctrl-Z. Install `SignalTrap` before `enter()` so that
/// Ctrl-C ends the session normally (logs flushed) and the session calls `leave()`.
public final class TerminalScreen: Sendable {
    /// The terminal's descriptor (not owned: never closed here).
    public let descriptor: Int32
    /// What the terminal can show, from the environment at init.
    public let capabilities: TerminalCapabilities
    private let saved: termios
    private let entered = Mutex(false)
    /// The last frame written, and the repaint generation it was written in.
    private let lastFrame = Mutex<(bytes: [UInt8], generation: Int)?>(nil)

    /// Nil when `fd` is not a terminal, or when `TERM=dumb` (no cursor addressing): print events
    /// as lines then. `environment` defaults to this process's (`TerminalCapabilities`).
    public init?(fd: Int32 = 1, environment: [String: String] = TerminalCapabilities.processEnvironment()) {
        guard isatty(fd) == 1 else { return nil }
        let capabilities = TerminalCapabilities.detect(isTerminal: true, environment: environment)
        guard capabilities.fullScreen else { return nil }
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else { return nil }
        self.descriptor = fd
        self.capabilities = capabilities
        self.saved = settings
    }

    deinit {
        leave()
    }

    /// The settings saved at init, which `leave()` restores.
    public var savedSettings: termios { saved }

    /// Switches to the view: alternate screen, cursor hidden, autowrap off, echo and line editing
    /// off. Calling it again while entered does nothing.
    public func enter() {
        entered.withLock { entered in
            guard !entered else { return }
            entered = true
            lastFrame.withLock { $0 = nil }
            var view = saved
            view.c_lflag &= ~tcflag_t(ECHO | ICANON)
            _ = tcsetattr(descriptor, TCSANOW, &view)
            TerminalRestore.arm(descriptor: descriptor, saved: saved, view: view)
            writeAll(TerminalScreen.bytes(TerminalRestore.enterSequence))
        }
    }

    /// Repaints the screen with `lines` (already fitted to `size`; lines past its height are not
    /// drawn, so the screen never scrolls): each row erased, then its line written from column 1;
    /// below the last line, cleared. The frame is bracketed by synchronized-update
    /// marks (mode 2026) so terminals that know them never show half a frame; others ignore them.
    /// A frame identical to the last one is not written again (the clock ticks once a second, a
    /// view redrawn five times a second is mostly unchanged), unless `invalidate()` was called or
    /// the screen was lost to a Ctrl-Z in between.
    public func draw(_ lines: [String]) {
        let frame = TerminalScreen.frame(lines, height: size.height)
        let generation = TerminalRestore.repaintGeneration.load(ordering: .relaxed)
        let unchanged = lastFrame.withLock { last in
            defer { last = (frame, generation) }
            return last?.bytes == frame && last?.generation == generation
        }
        if !unchanged { writeAll(frame) }
    }

    /// Makes the next `draw` write its frame even if it equals the last one: after a resize (some
    /// terminals clear the alternate screen when resized) or on a redraw request such as Ctrl-L.
    public func invalidate() {
        lastFrame.withLock { $0 = nil }
    }

    /// Back to the terminal as it was: default rendition, autowrap on, cursor shown, main screen,
    /// the termios saved at init. Idempotent; safe from any thread.
    public func leave() {
        entered.withLock { entered in
            guard entered else { return }
            entered = false
            TerminalRestore.disarm(descriptor: descriptor)
            writeAll(TerminalScreen.bytes(TerminalRestore.leaveSequence))
            var settings = saved
            _ = tcsetattr(descriptor, TCSANOW, &settings)
        }
    }

    public var isEntered: Bool { entered.withLock { $0 } }

    /// The terminal's size in columns and rows (TIOCGWINSZ); 80x24 when unknown. Cheap enough to
    /// ask before every frame, which makes resizes take effect at the next frame.
    public var size: (width: Int, height: Int) {
        var window = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else {
            return (80, 24)
        }
        return (Int(window.ws_col), Int(window.ws_row))
    }

    package static func bytes(_ text: StaticString) -> [UInt8] {
        Array(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The bytes of one frame of `lines` on a screen `height` rows high.
    package static func frame(_ lines: [String], height: Int) -> [UInt8] {
        let shown = lines.prefix(max(0, height))
        var out = "\u{1B}[?2026h"
        for (row, line) in shown.enumerated() {
            // Erase the row before writing rather than after: a line that fills the last column
            // leaves the cursor on it, and an erase-to-end then would eat that character.
            out += "\u{1B}[\(row + 1);1H\u{1B}[2K" + line
        }
        if shown.count < height {
            out += "\u{1B}[\(shown.count + 1);1H\u{1B}[J"
        }
        out += "\u{1B}[?2026l"
        return Array(out.utf8)
    }

    /// Writes everything, retrying after signals and partial writes; a terminal that has gone
    /// away (EIO, EPIPE) ends the attempt quietly: there is no one left to show anything to.
    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else if n < 0 && errno == EAGAIN {
                    var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    guard poll(&entry, 1, 1000) > 0 else { return }
                } else {
                    return
                }
            }
        }
    }
}
