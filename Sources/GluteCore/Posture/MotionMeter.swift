import GluteWire

/// Motion energy: RMS of the high-passed acceleration and of the angular rate, over about half a
/// second. Quiet means both are low.
struct MotionMeter: Sendable {
    var tau: Double = 0.5
    private var accelMean = Vector3.zero
    private var accelPower = 0.0
    private var gyroPower = 0.0
    private var started = false
    private var weights = SmoothingWeightCache()

    var accelRMS: Double { accelPower.squareRoot() }
    var gyroRMS: Double { gyroPower.squareRoot() }

    mutating func update(accel: Vector3, gyro: Vector3?, dt: Double) {
        if !started {
            accelMean = accel
            started = true
            return
        }
        let w = weights.weight(dt: dt, tau: tau)
        accelMean = accelMean + (accel - accelMean) * w
        let d = accel - accelMean
        accelPower += (Vector3.dot(d, d) - accelPower) * w
        if let gyro { gyroPower += (Vector3.dot(gyro, gyro) - gyroPower) * w }
    }

    func isQuiet(accelLimit: Double, gyroLimit: Double) -> Bool {
        started && accelRMS < accelLimit && gyroRMS < gyroLimit
    }
}
