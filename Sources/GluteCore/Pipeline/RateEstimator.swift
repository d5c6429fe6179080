/// Sample rate from the smoothed interval between sample timestamps.
struct RateEstimator: Sendable {
    private var meanInterval: Double?
    private var last: Double?

    var rate: Double? { meanInterval.flatMap { $0 > 0 ? 1 / $0 : nil } }

    /// Returns the interval since the previous sample, clamped to 0...0.5 s so that a gap or a
    /// timestamp going backwards cannot make the filters jump.
    mutating func update(time: Double) -> Double {
        defer { last = time }
        guard let last else { return 0 }
        let interval = time - last
        if interval > 0 && interval < 1 {
            if let mean = meanInterval {
                meanInterval = mean + (interval - mean) * 0.02
            } else {
                meanInterval = interval
            }
        }
        return min(max(interval, 0), 0.5)
    }
}
