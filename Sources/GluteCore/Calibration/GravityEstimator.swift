import GluteWire

/// Tracks the up direction (the unit specific force a still sensor would read) in the body frame.
///
/// With a gyroscope the estimate is propagated by the angular rate and pulled toward the measured
/// acceleration with time constant `gyroCorrectionTau`; without one (accelerometer-only streams,
/// recognised by a gyroscope that reads exactly zero) it is the low-passed acceleration with time
/// constant `accelOnlyTau`. The pipeline uses the AHRS's gravity instead when it runs one; this
/// estimator is the fallback and the source of up during the first samples.
struct GravityEstimator: Sendable {
    var gyroCorrectionTau: Double = 1.0
    var accelOnlyTau: Double = 0.3
    private(set) var up: Vector3 = Vector3(0, 0, 1)
    private(set) var initialized = false
    private var lowPassed = Vector3.zero
    private var weights = SmoothingWeightCache()

    init(gyroCorrectionTau: Double = 1.0, accelOnlyTau: Double = 0.3) {
        self.gyroCorrectionTau = gyroCorrectionTau
        self.accelOnlyTau = accelOnlyTau
    }

    @discardableResult
    mutating func update(accel: Vector3, gyroDegreesPerSecond gyro: Vector3?, dt: Double) -> Vector3 {
        let norm = accel.norm
        guard norm > 1e-6 else { return up }
        let measured = accel * (1 / norm)
        if !initialized {
            up = measured
            lowPassed = accel
            initialized = true
            return up
        }
        if let gyro {
            let rotation = gyro * (-dt / degreesPerRadian)
            up = rotate(up, by: rotation)
            // Trust the accelerometer less while it sees more than gravity.
            let trust = max(0, 1 - abs(norm - 1) * 2)
            let w = weights.weight(dt: dt, tau: gyroCorrectionTau) * trust
            up = up + (measured - up) * w
        } else {
            let w = weights.weight(dt: dt, tau: accelOnlyTau)
            lowPassed = lowPassed + (accel - lowPassed) * w
            up = lowPassed
        }
        let n = up.norm
        if n > 1e-9 { up = up * (1 / n) }
        return up
    }
}
