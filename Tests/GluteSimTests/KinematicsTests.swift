import Foundation
import Testing
import GluteSim
import GluteWire

@Suite struct GravityTests {
    /// Every still stretch of every scenario: after the ramp, the averaged accelerometer is 1 g and
    /// points where the scripted tilt and obliquity say.
    @Test(arguments: Scenario.allCases)
    func stillAccelMatchesTheScriptedPose(_ scenario: Scenario) {
        let sensor = VirtualSensor(scenario: scenario)
        let recording = Recording(sensor)
        var worstAngle = 0.0, worstNorm = 0.0, windows = 0
        for segment in sensor.script where segment.movement == .still || segment.movement == .legLift {
            let start = segment.start + segment.rampSeconds + 0.5
            let end = min(segment.end, start + 120)
            guard end - start >= 1.5 else { continue }
            let window = recording.imu(from: start, to: end)
            let average = meanVector(window) { $0.accel }
            let angles = anglesFromGravity(average)
            worstAngle = max(worstAngle, abs(angles.tilt - segment.tiltDeg), abs(angles.obliquity - segment.obliquityDeg))
            worstNorm = max(worstNorm, abs(average.norm - 1))
            windows += 1
        }
        report("gravity \(scenario.rawValue): \(windows) windows, worst angle \(worstAngle) deg, worst |a|-1 \(worstNorm) g")
        #expect(windows > 0)
        #expect(worstAngle < 1, "worst angle error \(worstAngle) deg")
        #expect(worstNorm < 0.01, "worst |a| - 1 = \(worstNorm) g")
    }

    @Test func signConventionsFollowTheDesign() {
        // Anterior tilt: accel x goes negative. Left drop: accel y goes negative.
        let tilt = VirtualSensor(scenario: .tilt)
        let spell = tilt.script.first { $0.tiltDeg == 15 }!
        let tilted = tilt.pose(at: spell.start + 10).specificForce
        #expect(tilted.x < -0.2 && abs(tilted.y) < 0.05)
        let legs = VirtualSensor(scenario: .singleLeg)
        let leftLift = legs.script.first { $0.liftedLeg == .left }!
        let dropped = legs.pose(at: leftLift.start + 3).specificForce
        #expect(dropped.y < -0.1)
    }
}

@Suite struct GyroTests {
    /// Trapezoidal integral of one gyro axis (bias removed) over [start, end].
    private func integrate(_ recording: Recording, _ bias: Double, from start: Double, to end: Double,
                           _ axis: (Vector3) -> Double) -> Double {
        let window = Array(recording.imu(from: start, to: end + 0.001))
        var sum = 0.0
        for (a, b) in zip(window, window.dropFirst()) {
            sum += 0.5 * (axis(a.gyro) + axis(b.gyro) - 2 * bias) * (b.time - a.time)
        }
        return sum
    }

    /// Over every ramp that changes the tilt or obliquity (tilt spells, sitting down and up,
    /// squeezes, leg lifts), the integrated gyro reproduces the scripted change.
    @Test(arguments: [Scenario.tilt, .sitting, .squeezes, .singleLeg, .cushion])
    func integratedGyroReproducesScriptedAngleChanges(_ scenario: Scenario) {
        let sensor = VirtualSensor(scenario: scenario)
        let recording = Recording(sensor)
        var worstScript = 0.0, worstTruth = 0.0, checked = 0
        var previous = sensor.script[0]
        for segment in sensor.script.dropFirst() {
            defer { previous = segment }
            let tiltChange = segment.tiltDeg - previous.tiltDeg
            let obliquityChange = segment.obliquityDeg - previous.obliquityDeg
            guard segment.movement != .walk, segment.movement != .turn, previous.movement != .turn,
                  abs(tiltChange) >= 1 || abs(obliquityChange) >= 1 else { continue }
            let start = segment.start, end = segment.start + segment.rampSeconds
            // Body y rate is the tilt rate; body x rate is minus the obliquity rate (left drop
            // rotates about -x), up to small cross terms from sway.
            let tilt = integrate(recording, sensor.gyroBias.y, from: start, to: end) { $0.y }
            let obliquity = -integrate(recording, sensor.gyroBias.x, from: start, to: end) { $0.x }
            let truthTilt = sensor.pose(at: end).tiltDeg - sensor.pose(at: start).tiltDeg
            let truthObliquity = sensor.pose(at: end).obliquityDeg - sensor.pose(at: start).obliquityDeg
            worstScript = max(worstScript, abs(tilt - tiltChange), abs(obliquity - obliquityChange))
            worstTruth = max(worstTruth, abs(tilt - truthTilt), abs(obliquity - truthObliquity))
            checked += 1
        }
        report("gyro \(scenario.rawValue): \(checked) ramps, vs truth \(worstTruth) deg, vs script \(worstScript) deg")
        #expect(checked >= 4)
        #expect(worstTruth < 0.15, "integrated vs true angle change: worst \(worstTruth) deg")
        #expect(worstScript < 1.0, "integrated vs scripted change: worst \(worstScript) deg")
    }

    /// The gyro is the true body rate in all three axes at once: integrating it as a rotation over
    /// a walk with two 180 deg turns tracks the true orientation.
    @Test func gyroIntegratesToTheTrueOrientationWhileWalking() {
        let sensor = VirtualSensor(scenario: .deskDay, settings: makeSettings(duration: 60) { $0.gyroNoise = 0 })
        let recording = Recording(sensor)
        let window = Array(recording.imu(from: 18, to: 58))
        var q = sensor.pose(at: window[0].time).orientation
        var worst = 0.0
        for (a, b) in zip(window, window.dropFirst()) {
            let dt = b.time - a.time
            let rate = (a.gyro + b.gyro) * 0.5 - sensor.gyroBias
            q = multiply(q, exponential(rate * (dt * .pi / 180)))
            let norm = (q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z).squareRoot()
            q = Quaternion(w: q.w / norm, x: q.x / norm, y: q.y / norm, z: q.z / norm)
            worst = max(worst, rotationAngleDeg(q, sensor.pose(at: b.time).orientation))
        }
        let turned = sensor.pose(at: 58).headingDeg - sensor.pose(at: 18).headingDeg
        report("walk orientation: turned \(turned) deg, worst error \(worst) deg")
        #expect(abs(turned - 360) < 10)
        #expect(worst < 0.5, "worst orientation error \(worst) deg over 40 s")
    }

    @Test func stillGyroReadsTheBias() {
        let sensor = VirtualSensor(scenario: .standing)
        let recording = Recording(sensor)
        let average = meanVector(recording.imu) { $0.gyro }
        #expect((average - sensor.gyroBias).norm < 0.05, "mean \(average) bias \(sensor.gyroBias)")
    }
}

@Suite struct WalkingTests {
    private func cadence(stepRate: Double) -> (vertical: Double, yaw: Double, peakToPeak: Double) {
        let sensor = VirtualSensor(scenario: .sitting, settings: makeSettings { $0.stepRateHz = stepRate })
        let walk = sensor.script.first { $0.movement == .walk && $0.duration > 30 }!
        let recording = Recording(VirtualSensor(scenario: .sitting, settings: makeSettings(duration: walk.end) {
            $0.stepRateHz = stepRate
        }))
        let window = recording.imu(from: walk.start + 2, to: walk.start + 22)
        let vertical = window.map { $0.accel.z }
        let yaw = window.map { $0.gyro.z }
        return (dominantFrequency(vertical, rate: 100, low: 0.5, high: 4),
                dominantFrequency(yaw, rate: 100, low: 0.3, high: 4),
                vertical.max()! - vertical.min()!)
    }

    @Test func verticalAccelPeaksAtTheStepRateAndPelvicRotationAtTheStrideRate() {
        let normal = cadence(stepRate: 1.9)
        report("cadence: vertical \(normal.vertical) Hz, yaw \(normal.yaw) Hz, swing \(normal.peakToPeak) g")
        #expect(abs(normal.vertical - 1.9) <= 0.03, "vertical peak \(normal.vertical) Hz")
        #expect(abs(normal.yaw - 0.95) <= 0.03, "yaw-rate peak \(normal.yaw) Hz")
        #expect(normal.peakToPeak > 0.4 && normal.peakToPeak < 1.0, "vertical swing \(normal.peakToPeak) g")
        let slow = cadence(stepRate: 1.6)
        #expect(abs(slow.vertical - 1.6) <= 0.03, "vertical peak \(slow.vertical) Hz")
    }
}

@Suite struct ClippingTests {
    @Test func readingsClipAtTheFullScaleRanges() {
        let sensor = VirtualSensor(scenario: .deskDay, settings: makeSettings(duration: 60) {
            $0.accelRangeG = 1.05; $0.gyroRangeDPS = 20; $0.magRangeMicrotesla = 30
        })
        let recording = Recording(sensor)
        let accel = recording.imu.flatMap { [$0.accel.x, $0.accel.y, $0.accel.z] }
        let gyro = recording.imu.flatMap { [$0.gyro.x, $0.gyro.y, $0.gyro.z] }
        let mag = recording.imu.flatMap { [$0.mag!.x, $0.mag!.y, $0.mag!.z] }
        #expect(accel.allSatisfy { abs($0) <= 1.05 } && accel.contains(1.05))
        #expect(gyro.allSatisfy { abs($0) <= 20 } && gyro.contains { abs($0) == 20 })
        #expect(mag.allSatisfy { abs($0) <= 30 } && mag.contains(-30))
        // The truth went beyond the range where the reading sits at full scale.
        let clipped = recording.imu.first { $0.gyro.z == 20 || $0.gyro.z == -20 }!
        #expect(abs(sensor.pose(at: clipped.time).angularRate.z) > 19)
    }

    @Test func defaultRangesLeaveADeskDayUnclipped() {
        let recording = Recording(VirtualSensor(scenario: .deskDay, settings: makeSettings(duration: 120)))
        let peakAccel = recording.imu.map { max(abs($0.accel.x), abs($0.accel.y), abs($0.accel.z)) }.max()!
        let peakGyro = recording.imu.map { max(abs($0.gyro.x), abs($0.gyro.y), abs($0.gyro.z)) }.max()!
        #expect(peakAccel > 1 && peakAccel < 8)
        #expect(peakGyro > 20 && peakGyro < 2000)
    }
}

@Suite struct MagnetometerTests {
    @Test func magnetometerSeesTheEarthFieldTurnWithTheBody() {
        let sensor = VirtualSensor(scenario: .deskDay, settings: makeSettings(duration: 60))
        let recording = Recording(sensor)
        let before = meanVector(recording.imu(from: 5, to: 15)) { $0.mag! }
        #expect(abs(before.norm - (20.0 * 20 + 44 * 44).squareRoot()) < 0.5)
        #expect(abs(before.x - 20) < 1 && abs(before.z + 44) < 1)
        // Halfway through the walk, after the first turn, the body faces the other way.
        let turn = sensor.script.first { $0.movement == .turn }!
        let after = meanVector(recording.imu(from: turn.end + 1, to: turn.end + 6)) { $0.mag! }
        #expect(after.x < -15)
    }
}
