/// Follows the 16-bit frame sequence numbers and says how many frames went missing.
public struct SequenceTracker: Sendable, Equatable {
    private var expected: UInt16?

    public init() {}

    /// The number of frames lost before this one; 0 in order. A jump backwards (a device restart
    /// or a replayed frame) resets the expectation without counting a loss.
    public mutating func lost(before sequence: UInt16) -> Int {
        defer { expected = sequence &+ 1 }
        guard let expected else { return 0 }
        let ahead = sequence &- expected
        return ahead < 0x8000 ? Int(ahead) : 0
    }

    /// Forget the last number seen: the next frame starts a new run (after a reconnect).
    public mutating func reset() { expected = nil }
}
