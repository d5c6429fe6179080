
/// Maps stream time to real time at `speed` (stream seconds per real second) and waits for it,
/// interruptibly. `speed == nil` means as fast as possible.
public struct Pacer: Sendable {
    public let speed: Double?
    private var origin: (stream: Double, monotonic: Double)?

    public init(speed: Double?) {
        self.speed = speed
    }

    /// Waits until stream time `t` is due. Returns false if one of `interrupts` became readable
    /// first (a signal, a stop request).
    public mutating func wait(until t: Double, interrupts: [Int32]) -> Bool {
        guard let speed, speed > 0, speed.isFinite else { return true }
        let now = HostClock.now().monotonic
        guard let origin else {
            self.origin = (t, now)
            return true
        }
        let due = origin.monotonic + (t - origin.stream) / speed
        guard due > now else { return true }
        return waitReadable(interrupts, timeout: due - now) == nil
    }
}
