import Foundation
import GluteCore
import GluteWire

/// Synthetic pelvis-IMU sequences for the posture classifier, each built for one failure mode.
///
/// A rigid pelvis worn as the mount expects (x forward, y left, z up): its sagittal tilt `tilt`
/// (degrees, positive anterior: the sensor's up axis leans forward; negative is the posterior roll
/// of a seated or lying pelvis) and its height `height` (metres from standing). The accelerometer
/// reads the up direction scaled by 1 + vertical acceleration / g; the gyroscope reads the tilt
/// rate about y. Walking adds a 1.8 Hz vertical bob of 0.25 g and a small pelvic rock. Every
/// movement is a minimum-jerk ramp, so accelerations are those of the scripted motion.
struct PostureSynthesis {
    static let rate = 50.0
    static let gravity = 9.80665

    /// One stretch of the script.
    struct Segment {
        var duration: Double
        var tilt: Double
        var height: Double
        var walking = false
    }

    private(set) var segments: [Segment] = []
    private var tilt = 0.0
    private var height = 0.0
    /// Stream time of the end of the script so far.
    private(set) var time = 0.0

    /// Holds the current pose (quietly, with sensor noise and a little sway).
    mutating func hold(_ seconds: Double) { add(seconds, tilt: tilt, height: height) }

    /// Moves to `tilt` and `height` in `seconds` along a minimum-jerk ramp.
    mutating func move(_ seconds: Double, tilt: Double, height: Double) { add(seconds, tilt: tilt, height: height) }

    /// Standing to sitting the way people do it: lean forward while bending the knees (0.8 s), then
    /// lower onto the seat in 1 s, the pelvis rolling back to `seatTilt`.
    mutating func sitDown(seatTilt: Double) {
        move(0.8, tilt: tilt + 20, height: -0.05)
        move(1.0, tilt: seatTilt, height: -0.45)
    }

    /// Sitting to standing: lean forward (0.8 s), rise in 1 s.
    mutating func standUp() {
        move(0.8, tilt: tilt + 20, height: height)
        move(1.0, tilt: 0, height: 0)
    }

    /// A slow, smooth sit with no acceleration to speak of: the transition detector cannot see it.
    mutating func slowSit(seatTilt: Double) { move(8, tilt: seatTilt, height: -0.45) }

    /// The same slow movement back up.
    mutating func slowStand() { move(8, tilt: 0, height: 0) }

    /// Walking on the spot for `seconds` (upright pelvis).
    mutating func walk(_ seconds: Double) {
        segments.append(Segment(duration: seconds, tilt: tilt, height: height, walking: true))
        time += seconds
    }

    private mutating func add(_ seconds: Double, tilt: Double, height: Double) {
        segments.append(Segment(duration: seconds, tilt: tilt, height: height))
        self.tilt = tilt
        self.height = height
        time += seconds
    }

    /// The samples, with sensor noise from `seed`.
    func samples(seed: UInt64 = 1) -> [IMUSample] {
        var noise = TestNoise(seed: seed)
        var out: [IMUSample] = []
        var startTilt = 0.0, startHeight = 0.0, start = 0.0
        var n = 0
        for segment in segments {
            let end = start + segment.duration
            while Double(n) / Self.rate < end {
                let t = Double(n) / Self.rate
                let u = min(max((t - start) / segment.duration, 0), 1)
                // Minimum jerk: s = 10u^3 - 15u^4 + 6u^5, and its time derivatives.
                let s = u * u * u * (10 - 15 * u + 6 * u * u)
                let ds = 30 * u * u * (1 - u) * (1 - u) / segment.duration
                let dds = 60 * u * (1 - u) * (1 - 2 * u) / (segment.duration * segment.duration)
                var theta = startTilt + (segment.tilt - startTilt) * s
                var thetaRate = (segment.tilt - startTilt) * ds
                var vertical = (segment.height - startHeight) * dds / Self.gravity
                var roll = 0.0, rollRate = 0.0
                if segment.walking {
                    let phase = 2 * Double.pi * 1.8 * (t - start)
                    vertical += 0.25 * sin(phase)
                    theta += 2 * sin(phase / 2)
                    thetaRate += 2 * cos(phase / 2) * Double.pi * 1.8
                    roll = 3 * sin(phase / 2)
                    rollRate = 3 * cos(phase / 2) * Double.pi * 1.8
                } else {
                    // Quiet sway, a fraction of a degree.
                    theta += 0.3 * sin(2 * Double.pi * 0.3 * t)
                    thetaRate += 0.3 * cos(2 * Double.pi * 0.3 * t) * 2 * Double.pi * 0.3
                }
                let a = theta * Double.pi / 180, b = roll * Double.pi / 180
                // Up in the sensor frame: tilt about y (anterior leans z forward), then roll about x.
                let up = Vector3(-sin(a) * cos(b), sin(b), cos(a) * cos(b))
                let accel = up * (1 + vertical) + Vector3(noise.next(0.004), noise.next(0.004), noise.next(0.004))
                let gyro = Vector3(rollRate + noise.next(0.3), thetaRate + noise.next(0.3), noise.next(0.3))
                out.append(IMUSample(time: t, accel: accel, gyro: gyro))
                n += 1
            }
            startTilt = segment.tilt
            startHeight = segment.height
            start = end
        }
        return out
    }

    /// The confirmed postures the pipeline reports for these samples (default settings, automatic
    /// neutral), in order, with when each began.
    func postures(seed: UInt64 = 1, settings: PipelineSettings = PipelineSettings()) -> [(posture: Posture, since: Double)] {
        var pipeline = Pipeline(settings: settings)
        var found: [(Posture, Double)] = []
        for sample in samples(seed: seed) {
            pipeline.process(.imu(sample)) { event in
                if case let .posture(posture, since, _) = event.kind { found.append((posture, since)) }
            }
        }
        return found
    }
}
