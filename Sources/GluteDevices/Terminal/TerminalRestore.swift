import Glibc
import Synchronization

/// Last-resort restoration of the terminal for paths that never reach `TerminalScreen.leave()`:
/// `exit()` from anywhere (atexit), a crash (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE),
/// and SIGINT/SIGTERM when nobody (such as `SignalTrap`) has claimed them. Also makes Ctrl-Z
/// (SIGTSTP) hand a normal terminal to the shell and take the view back on SIGCONT.
///
/// Every handler only calls async-signal-safe functions (write, tcsetattr, sigaction, raise) on
/// memory prepared before arming. Crash handlers hand the signal on to whatever handler was there
/// before (the Swift runtime's backtracer, or the default action), so crashes still report.
/// One screen can be armed at a time.
package enum TerminalRestore {
    /// The armed terminal, or -1. Handlers take it with an exchange so that only one restores.
    private static let armedDescriptor = Atomic<Int32>(-1)
    // Safety of the three buffers below: they are written only in `arm` before the releasing
    // store that publishes the descriptor (and `install` before any handler exists), and read only
    // by code that has seen that descriptor with an acquiring load.
    nonisolated(unsafe) private static let savedSettings = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static let viewSettings = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static let previousActions: UnsafeMutablePointer<sigaction> = {
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(signalSlots))
        actions.initialize(repeating: sigaction(), count: Int(signalSlots))
        return actions
    }()
    private static let signalSlots: Int32 = 65
    /// Bumped whenever the screen's content is lost behind the view's back (a resume from Ctrl-Z
    /// clears it), so that the next frame is written even if it equals the last one.
    package static let repaintGeneration = Atomic<Int>(0)
    private static let installed = Mutex(false)

    /// Leaves the view: default rendition, autowrap on, cursor shown, main screen.
    package static let leaveSequence: StaticString = "\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l"
    /// Enters the view: alternate screen, autowrap off (a full-width line must not scroll the
    /// screen), cursor hidden, cleared.
    package static let enterSequence: StaticString = "\u{1B}[?1049h\u{1B}[?7l\u{1B}[?25l\u{1B}[H\u{1B}[2J"

    package static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    package static let terminationSignals: [Int32] = [SIGINT, SIGTERM]

    /// Arms restoration of `descriptor` to `saved`; `view` is the mode to return to after SIGCONT.
    package static func arm(descriptor: Int32, saved: termios, view: termios) {
        installOnce()
        armedDescriptor.store(-1, ordering: .sequentiallyConsistent)
        savedSettings.pointee = saved
        viewSettings.pointee = view
        armedDescriptor.store(descriptor, ordering: .releasing)
    }

    /// Disarms if `descriptor` is the armed one.
    package static func disarm(descriptor: Int32) {
        _ = armedDescriptor.compareExchange(expected: descriptor, desired: -1, ordering: .sequentiallyConsistent)
    }

    package static var armed: Int32? {
        let fd = armedDescriptor.load(ordering: .acquiring)
        return fd >= 0 ? fd : nil
    }

    /// Restores the armed terminal now, once. Async-signal-safe.
    package static func restoreNow() {
        let fd = armedDescriptor.exchange(-1, ordering: .acquiringAndReleasing)
        guard fd >= 0 else { return }
        writeAll(fd, leaveSequence)
        _ = tcsetattr(fd, TCSANOW, savedSettings)
    }

    private static func writeAll(_ fd: Int32, _ text: StaticString) {
        var start = UnsafeRawPointer(text.utf8Start)
        var left = text.utf8CodeUnitCount
        while left > 0 {
            let n = write(fd, start, left)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            start += n
            left -= n
        }
    }

    private static func installOnce() {
        installed.withLock { done in
            guard !done else { return }
            done = true
            atexit { TerminalRestore.restoreNow() }
            for signal in crashSignals { install(signal, handler: restoreAndForward) }
            // Only when unclaimed: a SignalTrap turns these into an orderly shutdown that calls
            // leave() itself, and its handler must stay in place.
            for signal in terminationSignals where isDefault(signal) { install(signal, handler: restoreAndForward) }
            if isDefault(SIGTSTP) {
                install(SIGTSTP, handler: suspend)
                install(SIGCONT, handler: resume)
            }
        }
    }

    private static func isDefault(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        return current.sa_flags & SA_SIGINFO == 0 && current.__sigaction_handler.sa_handler == nil
    }

    private static func install(_ signal: Int32, handler: @convention(c) (Int32) -> Void) {
        guard signal > 0, signal < signalSlots else { return }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(signal, &action, previousActions + Int(signal))
    }

    /// Restores the terminal, puts back the previous handler and raises the signal again; it is
    /// delivered to that handler as soon as this one returns.
    private static let restoreAndForward: @convention(c) (Int32) -> Void = { signal in
        TerminalRestore.restoreNow()
        sigaction(signal, TerminalRestore.previousActions + Int(signal), nil)
        raise(signal)
    }

    /// Ctrl-Z: give the shell a normal terminal, then stop as the default action would.
    private static let suspend: @convention(c) (Int32) -> Void = { signal in
        let saved = errno
        let fd = TerminalRestore.armedDescriptor.load(ordering: .acquiring)
        if fd >= 0 {
            TerminalRestore.writeAll(fd, TerminalRestore.leaveSequence)
            _ = tcsetattr(fd, TCSANOW, TerminalRestore.savedSettings)
        }
        sigaction(SIGTSTP, TerminalRestore.previousActions + Int(SIGTSTP), nil)
        raise(SIGTSTP)
        errno = saved
    }

    /// Back from a stop: take the view again; the next frame repaints it whole.
    private static let resume: @convention(c) (Int32) -> Void = { _ in
        let saved = errno
        TerminalRestore.install(SIGTSTP, handler: TerminalRestore.suspend)
        let fd = TerminalRestore.armedDescriptor.load(ordering: .acquiring)
        if fd >= 0 {
            _ = tcsetattr(fd, TCSANOW, TerminalRestore.viewSettings)
            TerminalRestore.writeAll(fd, TerminalRestore.enterSequence)
            TerminalRestore.repaintGeneration.add(1, ordering: .relaxed)
        }
        errno = saved
    }
}
