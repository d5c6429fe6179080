import GluteCore

/// An event with the wall-clock time it is attributed to: the arrival time of the bytes that
/// completed it. A replay uses the recorded arrival times, so it reproduces the live session's
/// events byte for byte.
public struct TimedEvent: Sendable, Equatable {
    public var event: Event
    public var wall: Double

    public init(event: Event, wall: Double) {
        self.event = event
        self.wall = wall
    }
}
