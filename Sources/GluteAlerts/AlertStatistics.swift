/// What the dispatcher has done so far.
public struct AlertStatistics: Sendable, Equatable {
    /// Events that alerted.
    public var delivered = 0
    /// Events held back because their type is not selected, by the rate limit, by the quiet hours.
    public var notSelected = 0
    public var rateLimited = 0
    public var quiet = 0
    /// Commands (exec and notify-send) started, and those that failed: not found, did not start,
    /// exited non-zero, were killed, or were skipped.
    public var commandsStarted = 0
    public var commandsFailed = 0

    public init() {}
}
