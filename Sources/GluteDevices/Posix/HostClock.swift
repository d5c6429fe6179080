import Glibc

/// One reading of the host's clocks, in seconds.
public struct HostTime: Sendable, Equatable {
    /// `CLOCK_MONOTONIC`: never steps, for intervals and ordering. Its origin is arbitrary (boot).
    public var monotonic: Double
    /// `CLOCK_REALTIME`: seconds since the Unix epoch, for display and ISO-8601 stamps; may step.
    public var wall: Double

    public init(monotonic: Double, wall: Double) {
        self.monotonic = monotonic
        self.wall = wall
    }
}

/// The host's clocks. Only the device edge and the CLI read them; GluteWire and GluteCore take time
/// from sample timestamps.
public enum HostClock {
    /// The monotonic and wall clocks, read one right after the other.
    public static func now() -> HostTime {
        HostTime(monotonic: Posix.clock(CLOCK_MONOTONIC), wall: Posix.clock(CLOCK_REALTIME))
    }
}
