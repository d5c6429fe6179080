import Foundation
import GluteDevices
import GluteLog
import Synchronization

/// Turns events into alert actions: the terminal bell, a desktop notification, commands.
///
/// `handle` decides (type filter, per-type rate limit by wall time, quiet hours in local time;
/// see `AlertGate`) and acts without waiting: commands run in the background, with the event's
/// JSONL line on standard input and its fields in `GLUTEBRIDGE_*` environment variables (see
/// `EventEnvironment`), are killed after `AlertSettings.commandTimeout`, and are reaped. Nothing
/// that goes wrong is fatal: each problem is one line given to `report`, which may be called from
/// other threads. Call `finish` at shutdown. Meant for one sink thread, but safe from any.
public final class AlertDispatcher: Sendable {
    public let settings: AlertSettings
    public let quietHours: QuietHours?
    private let gate: Mutex<AlertGate>
    private let verdicts = Mutex(AlertStatistics())
    private let report: @Sendable (String) -> Void
    private let ring: @Sendable () -> Void
    private let environment: [String]
    private let searchPath: String?
    private let children: ChildSupervisor
    private let notifier = Mutex(NotifierState())
    private let notifyFailureReported = Atomic<Bool>(false)

    private struct NotifierState {
        var lookedUp = false
        var path: String?
    }

    /// - Parameters:
    ///   - report: receives one line per problem (without a trailing newline).
    ///   - environment: `NAME=value` strings the commands inherit (and whose PATH finds them);
    ///     default the process environment.
    ///   - bell: rings the bell; default `TerminalBell.ring`.
    ///   - localMinuteOfDay: local time of day of a wall time, for the quiet hours; default
    ///     `QuietHours.localMinuteOfDay` (localtime_r).
    ///   - maxRunningCommands: commands beyond this many still running are skipped (and reported).
    public init(settings: AlertSettings, quietHours: QuietHours? = nil, report: @escaping @Sendable (String) -> Void,
                environment: [String]? = nil, bell: @escaping @Sendable () -> Void = TerminalBell.ring,
                localMinuteOfDay: @escaping @Sendable (Double) -> Int = QuietHours.localMinuteOfDay,
                maxRunningCommands: Int = 16) {
        self.settings = settings
        self.quietHours = quietHours
        self.report = report
        self.ring = bell
        self.environment = environment ?? ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }.sorted()
        self.searchPath = ExecutableSearch.path(in: self.environment)
        self.gate = Mutex(AlertGate(types: settings.types, minInterval: settings.minInterval, quietHours: quietHours,
                                    localMinuteOfDay: localMinuteOfDay))
        self.children = ChildSupervisor(timeout: settings.commandTimeout, timeoutText: EventFormat.number(settings.commandTimeout),
                                        maxRunning: maxRunningCommands)
    }

    /// Decides about one event and, if it alerts, starts its actions. Returns the decision.
    @discardableResult
    public func handle(_ timed: TimedEvent) -> AlertVerdict {
        let verdict = gate.withLock { $0.judge(timed) }
        verdicts.withLock { stats in
            switch verdict {
            case .deliver: stats.delivered += 1
            case .notSelected: stats.notSelected += 1
            case .rateLimited: stats.rateLimited += 1
            case .quietHours: stats.quiet += 1
            }
        }
        guard verdict == .deliver else { return verdict }
        if settings.bell { ring() }
        if settings.notify { notify(timed) }
        if !settings.exec.isEmpty { runCommands(timed) }
        return verdict
    }

    /// Waits up to `grace` seconds for commands still running, then kills them. Later events
    /// start no commands.
    public func finish(grace: Double = 2) {
        children.finish(grace: grace)
    }

    public var statistics: AlertStatistics {
        var stats = verdicts.withLock { $0 }
        let counts = children.counts
        stats.commandsStarted = counts.started
        stats.commandsFailed += counts.failed
        return stats
    }

    /// Commands still running now.
    public var runningCommands: Int { children.runningCount }

    private func runCommands(_ timed: TimedEvent) {
        let input = Array((EventFormat.json(timed.event, wallTime: timed.wall) + "\n").utf8)
        let environment = EventEnvironment.environment(for: timed, inherited: self.environment)
        for argv in settings.exec {
            let label = "alert: '\(TerminalText.escaped(argv[0]))' for \(timed.event.type)"
            guard let path = ExecutableSearch.find(argv[0], path: searchPath) else {
                verdicts.withLock { $0.commandsFailed += 1 }
                report("\(label) could not start: not found on PATH")
                continue
            }
            children.launch(label: label, path: path, argv: argv, environment: environment, input: input, onFailure: report)
        }
    }

    private func notify(_ timed: TimedEvent) {
        let (path, firstLookUp) = notifier.withLock { state -> (String?, Bool) in
            let first = !state.lookedUp
            if first {
                state.lookedUp = true
                state.path = ExecutableSearch.find("notify-send", path: searchPath)
            }
            return (state.path, first)
        }
        guard let path else {
            if firstLookUp {
                report("alert: notify-send was not found on PATH; desktop notifications are off (Debian/Ubuntu: apt install libnotify-bin)")
            }
            return
        }
        let (summary, body) = NotificationText.summaryAndBody(for: timed.event)
        children.launch(label: "alert: notify-send for \(timed.event.type)", path: path,
                        argv: ["notify-send", "--app-name=GluteBridge", "--", summary, body],
                        environment: environment, input: nil) { [self] line in
            // A desktop without a notification server fails every time; say so once.
            if !notifyFailureReported.exchange(true, ordering: .relaxed) {
                report(line + " (further notification failures are not reported)")
            }
        }
    }
}
