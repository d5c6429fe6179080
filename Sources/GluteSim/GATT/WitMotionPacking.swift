/// How the simulated WitMotion sensor lays its 20-byte packets into notifications. Real units
/// differ, and a decoder must not care.
public enum WitMotionPacking: String, Sendable, CaseIterable, Equatable {
    /// One packet per notification (the common case).
    case one
    /// Two packets per notification when the MTU allows 40 bytes of value, else one.
    case merged
    /// The packet stream cut at seeded random points, so packets straddle notifications.
    case split
}
