/// Bytes from one `read(2)` on a source, stamped with the host clocks right after the read returned.
public struct ByteChunk: Sendable, Equatable {
    public var bytes: [UInt8]
    /// `HostClock` monotonic seconds.
    public var monotonic: Double
    /// `HostClock` wall seconds since the Unix epoch.
    public var wall: Double

    public init(bytes: [UInt8], monotonic: Double, wall: Double) {
        self.bytes = bytes
        self.monotonic = monotonic
        self.wall = wall
    }
}
