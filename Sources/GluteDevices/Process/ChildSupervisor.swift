import Dispatch
import Foundation
import Glibc

/// Runs alert commands in the background and accounts for every one of them: each child gets a
/// thread blocked in waitid until it exits (so none is left a zombie, and the dispatcher never
/// waits), a timer that kills its process group after `timeout`, and a failure line if it could not
/// start, exited non-zero or was killed.
///
/// A child is reaped only while `condition` is locked and after it has left `running`, and it is
/// killed only while locked and still in `running`: its pid cannot have been reused by then, so a
/// late timer can never kill a stranger.
package final class ChildSupervisor: @unchecked Sendable {
    // @unchecked: every stored `var` below is read and written only with `condition` locked.
    private let condition = NSCondition()
    private var running: [pid_t: Child] = [:]
    private var nextSerial = 0
    private var closed = false
    private var started = 0
    private var failed = 0
    /// Children reaped whose failure line is still being reported; `finish` waits for them too.
    private var reporting = 0

    package let timeout: Double
    /// `timeout` as the failure line shows it (the caller's number format).
    package let timeoutText: String
    package let maxRunning: Int

    private struct Child {
        var serial: Int
        var label: String
        var onFailure: @Sendable (String) -> Void
        var timedOut = false
        var killedAtExit = false
    }

    package init(timeout: Double, timeoutText: String, maxRunning: Int) {
        self.timeout = timeout
        self.timeoutText = timeoutText
        self.maxRunning = maxRunning
    }

    /// Commands started, and commands that failed (did not start, exited non-zero, were killed).
    package var counts: (started: Int, failed: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (started, failed)
    }

    /// Children still running.
    package var runningCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return running.count
    }

    /// Starts `path`; `label` names it in failure lines given to `onFailure`.
    package func launch(label: String, path: String, argv: [String], environment: [String], input: [UInt8]?,
                onFailure: @escaping @Sendable (String) -> Void) {
        condition.lock()
        if closed || running.count >= maxRunning {
            let busy = running.count
            let wasClosed = closed
            failed += 1
            condition.unlock()
            onFailure(wasClosed ? "\(label) not started: the session is ending"
                : "\(label) skipped: \(busy) alert commands are still running")
            return
        }
        condition.unlock()

        let pid: pid_t
        switch ProcessSpawner.spawn(path: path, argv: argv, environment: environment, input: input) {
        case .success(let child):
            pid = child
        case .failure(let failure):
            condition.lock()
            failed += 1
            condition.unlock()
            onFailure("\(label) could not start: \(failure.reason)")
            return
        }

        condition.lock()
        nextSerial += 1
        let serial = nextSerial
        running[pid] = Child(serial: serial, label: label, onFailure: onFailure)
        started += 1
        condition.unlock()

        Thread.detachNewThread { [self] in watch(pid) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in
            expire(pid, serial: serial)
        }
    }

    /// Waits up to `grace` seconds for running children, then kills the rest and waits for them to
    /// be reaped. No command starts afterwards.
    package func finish(grace: Double) {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        let deadline = Date(timeIntervalSinceNow: max(0, grace))
        while !(running.isEmpty && reporting == 0), condition.wait(until: deadline) {}
        guard !running.isEmpty else { return }
        for pid in Array(running.keys) {
            running[pid]?.killedAtExit = true
            killGroup(pid)
        }
        let reapDeadline = Date(timeIntervalSinceNow: 2)
        while !(running.isEmpty && reporting == 0), condition.wait(until: reapDeadline) {}
    }

    private func watch(_ pid: pid_t) {
        var info = siginfo_t()
        // WNOWAIT: learn that it exited but leave the zombie, so the pid stays ours until reaped
        // below, under the lock.
        _ = try? Posix.restarting("waitid") { waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) }
        condition.lock()
        let child = running.removeValue(forKey: pid)
        var status: Int32 = 0
        let reaped = (try? Posix.restarting("waitpid") { waitpid(pid, &status, 0) }) ?? -1
        let problem = child.flatMap { reaped == pid ? ChildSupervisor.problem(status: status, child: $0, timeoutText: timeoutText) : nil }
        if problem != nil {
            failed += 1
            reporting += 1
        }
        condition.broadcast()
        condition.unlock()
        if let child, let problem {
            child.onFailure("\(child.label) \(problem)")
            condition.lock()
            reporting -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    private func expire(_ pid: pid_t, serial: Int) {
        condition.lock()
        defer { condition.unlock() }
        guard running[pid]?.serial == serial else { return }
        running[pid]?.timedOut = true
        killGroup(pid)
    }

    private func killGroup(_ pid: pid_t) {
        _ = kill(-pid, SIGKILL)
        _ = kill(pid, SIGKILL)
    }

    /// What went wrong, from a wait status; nil for a clean exit.
    private static func problem(status: Int32, child: Child, timeoutText: String) -> String? {
        let signal = status & 0x7f
        if signal == 0 {
            let code = (status >> 8) & 0xff
            return code == 0 ? nil : "exited with status \(code)"
        }
        if child.timedOut { return "ran longer than \(timeoutText) s and was killed" }
        if child.killedAtExit { return "was still running at exit and was killed" }
        return "was killed by signal \(signal)"
    }
}
