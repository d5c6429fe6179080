/// SplitMix64 (Steele, Lea, Flood 2014): expands one 64-bit seed into well-mixed words, used to
/// seed the main generator so that nearby seeds give unrelated streams; the tests' seeded
/// generator too.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The simulator's random source: xoshiro256** (Blackman and Vigna), seeded through SplitMix64.
/// Deterministic on every platform, unlike SystemRandomNumberGenerator, and allocation-free.
public struct SimulationRandom: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64
    /// The second Box-Muller deviate, kept for the next call.
    private var spareGaussian: Double?

    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in [0, 1), 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Standard normal deviate (Box-Muller, both outputs used).
    public mutating func gaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        // 1 - uniform() lies in (0, 1], so the logarithm is finite.
        let radius = (-2 * logarithm(1 - uniform())).squareRoot()
        let angle = 2 * Double.pi * uniform()
        spareGaussian = radius * sine(angle)
        return radius * cosine(angle)
    }
}
