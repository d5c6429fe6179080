import GluteWire

/// Learns the gyroscope's offset (the rate it reads when not turning) while the sensor is still,
/// and removes it from every reading.
///
/// "Still" means every axis, with the current offset removed, reads below a threshold for a
/// whole still period; from then on a first-order low-pass filter pulls the offset towards the
/// reading. Any motion restarts the still period, so slow deliberate turns are not learned as
/// offset. Time comes from the caller's `dt`, so the behaviour is independent of sample rate.
public struct GyroBiasEstimator: Sendable, Equatable {
    /// Current offset estimate in deg/s.
    public private(set) var bias: Vector3 = .zero
    /// Seconds the sensor has been still so far (saturates at the still period).
    public private(set) var stillTime: Double = 0

    private let threshold: Double
    private let stillPeriod: Double
    private let angularCutoff: Double

    /// - Parameters:
    ///   - threshold: deg/s per axis below which the sensor counts as still (default 3).
    ///   - stillPeriod: seconds of stillness before learning starts (default 3).
    ///   - cutoffFrequency: Hz of the learning low-pass filter (default 0.02).
    public init(threshold: Double = 3, stillPeriod: Double = 3, cutoffFrequency: Double = 0.02) {
        self.threshold = threshold
        self.stillPeriod = stillPeriod
        self.angularCutoff = 2 * Double.pi * cutoffFrequency
    }

    /// Estimator configured from the `gyroBias*` fields of the filter settings.
    public init(settings: AHRSSettings) {
        self.init(threshold: settings.gyroBiasStillThreshold,
                  stillPeriod: settings.gyroBiasStillPeriod,
                  cutoffFrequency: settings.gyroBiasCutoffFrequency)
    }

    /// Returns `gyro` (deg/s) with the offset removed, and learns from it when still.
    public mutating func update(gyro: Vector3, dt: Double) -> Vector3 {
        let corrected = gyro - bias
        let largest = max(abs(corrected.x), abs(corrected.y), abs(corrected.z))
        if largest > threshold {
            stillTime = 0
        } else if stillTime < stillPeriod {
            stillTime = min(stillTime + dt, stillPeriod)
        } else {
            // Coefficient clamped to 1 so that a huge dt can only copy the reading, not overshoot.
            bias = bias + corrected * min(angularCutoff * dt, 1)
        }
        return corrected
    }

    /// Forgets the offset and the still time.
    public mutating func reset() {
        bias = .zero
        stillTime = 0
    }
}
