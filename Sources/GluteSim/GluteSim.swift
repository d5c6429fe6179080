/// GluteSim renders scenarios of a pelvis-worn IMU and a seat cushion into samples: the virtual
/// sensor's physics, seeded and deterministic, with no clocks (time is simulated).
///
/// ```swift
/// var sensor = VirtualSensor(scenario: .deskDay, settings: SimulationSettings())
/// while let sample = sensor.next() { ... }          // IMU at 100 Hz, cushion at 20 Hz, merged
/// sensor.script                                     // ground truth: what the body does when
/// ```
///
/// How the samples are made:
/// - A scenario is a script of segments (`ScriptSegment`); each sets a target body pose (pelvis
///   tilt, obliquity, heading, height, sideways shift, gait amplitude, walking speed, sway, seat
///   load, squeeze per side) reached along a minimum-jerk ramp from the previous pose.
/// - Quiet sway (three seeded sinusoids per axis) and gait oscillations (step-rate vertical and
///   forward motion and tilt; stride-rate sideways motion, obliquity and pelvic rotation) are added
///   with exact derivatives.
/// - The sensor frame is the body frame (x forward, y left, z up). Orientation is
///   Rz(heading) Ry(tilt) Rx(-obliquity); the accelerometer reads R^T (a / g + z) (specific force),
///   the gyro the body rate from the Euler-angle rates, the magnetometer R^T B. Then a constant
///   seeded gyro bias, white noise (Box-Muller over xoshiro256**), and clipping at full scale.
/// - The cushion samples `CushionModel`'s pressure field at each cell position.
public enum GluteSim {
    /// Version of the simulation model; bump it when the same seed stops giving the same samples.
    public static let modelVersion = 1
}
