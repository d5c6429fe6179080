/// What to do when an event worth an alert happens (`--bell`, `--notify`, `--exec`, `--alert-on`,
/// `--alert-interval`).
public struct AlertSettings: Sendable, Equatable {
    /// Ring the terminal bell. Default off.
    public var bell: Bool
    /// Show a desktop notification through `notify-send`. Default off.
    public var notify: Bool
    /// Commands to run, each an argv (already split; `argv[0]` is looked up on PATH). Default none.
    public var exec: [[String]]
    /// The event types that alert. Default `AlertSettings.defaultTypes`.
    public var types: Set<String>
    /// At most one alert per event type in this many seconds of wall time; 0 disables the limit.
    /// Default 60 s.
    public var minInterval: Double
    /// An alert command still running after this many seconds is killed (with its process group).
    /// Default 30 s.
    public var commandTimeout: Double

    public init(bell: Bool = false, notify: Bool = false, exec: [[String]] = [],
                types: Set<String> = AlertSettings.defaultTypes, minInterval: Double = 60, commandTimeout: Double = 30) {
        self.bell = bell
        self.notify = notify
        self.exec = exec
        self.types = types
        self.minInterval = minInterval
        self.commandTimeout = commandTimeout
    }

    /// The events that alert unless `--alert-on` says otherwise: the ones that ask the user to act.
    public static let defaultTypes: Set<String> = ["sitting.prolonged", "tilt.anterior.start", "pelvic_drop", "link.disconnected"]

    /// Every event type `--alert-on` accepts (the `type` values of `GluteCore.Event`); `all` stands
    /// for all of them.
    public static let eventTypes: [String] = [
        "posture", "sitting.prolonged", "sitting.break", "tilt.anterior.start", "tilt.anterior.end", "squeeze",
        "pelvic_drop", "exercise.rep", "exercise.set", "link.connected", "link.disconnected", "link.gap",
    ]

    /// Whether any action is configured; without one, no dispatcher is needed.
    public var hasActions: Bool { bell || notify || !exec.isEmpty }
}
