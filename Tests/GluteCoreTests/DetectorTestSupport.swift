/// Deterministic noise for synthetic sequences (a linear congruential generator: the same seed
/// gives the same noise on every platform).
struct TestNoise {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// Uniform in -amplitude...amplitude.
    mutating func next(_ amplitude: Double) -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let unit = Double(state >> 11) / Double(1 << 53)
        return (unit * 2 - 1) * amplitude
    }
}

/// Times 0, dt, 2 dt, ... up to `duration`.
func sampleTimes(duration: Double, rate: Double = 50) -> [Double] {
    (0..<Int(duration * rate)).map { Double($0) / rate }
}
