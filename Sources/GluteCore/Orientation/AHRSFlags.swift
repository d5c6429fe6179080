import GluteWire

/// What the orientation filter is doing right now; recomputed on every update.
public struct AHRSFlags: Sendable, Equatable {
    /// The gain is still ramping down after a start, reset or over-range recovery.
    public var initialising: Bool
    /// The last accelerometer reading disagreed with the estimated gravity by more than
    /// `AHRSSettings.accelerationRejection` and was ignored.
    public var accelerationRejected: Bool
    /// The last magnetometer reading disagreed with the estimated heading by more than
    /// `AHRSSettings.magneticRejection` and was ignored. False when there is no magnetometer.
    public var magneticRejected: Bool
    /// Rejection lasted longer than `AHRSSettings.recoveryTriggerPeriod`, so the filter is using
    /// the accelerometer or magnetometer again despite the disagreement.
    public var recoveryTriggered: Bool
    /// The gyroscope clipped; the filter is re-initialising from its last attitude.
    public var gyroOverRange: Bool

    public init(initialising: Bool = false, accelerationRejected: Bool = false,
                magneticRejected: Bool = false, recoveryTriggered: Bool = false,
                gyroOverRange: Bool = false) {
        self.initialising = initialising
        self.accelerationRejected = accelerationRejected
        self.magneticRejected = magneticRejected
        self.recoveryTriggered = recoveryTriggered
        self.gyroOverRange = gyroOverRange
    }
}
