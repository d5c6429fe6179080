import Foundation
import GluteCore
import GluteGuided
import GluteSession
import GluteWire
import Testing

/// Synthetic pelvis motions at 100 Hz, in the body frame, for the calibration procedure.
private struct Motion {
    var samples: [IMUSample] = []
    var time = 0.0
    let rate = 100.0

    /// Holds the up direction `up` still for `seconds`.
    mutating func hold(_ up: Vector3, for seconds: Double) {
        for _ in 0..<Int(seconds * rate) {
            samples.append(IMUSample(time: time, accel: up, gyro: .zero))
            time += 1 / rate
        }
    }

    /// Turns the up direction from `a` to `b` at a steady rate over `seconds` (gyro consistent).
    mutating func turn(from a: Vector3, to b: Vector3, over seconds: Double) {
        let axis = unit(Vector3.cross(a, b))
        let total = atan2(Vector3.cross(a, b).norm, Vector3.dot(a, b))
        let n = Int(seconds * rate)
        // Gravity seen by the sensor turns opposite to the sensor's own rotation.
        let gyro = axis * (-total / seconds * 180 / .pi)
        for i in 1...n {
            let angle = total * Double(i) / Double(n)
            samples.append(IMUSample(time: time, accel: rotate(a, about: axis, by: angle), gyro: gyro))
            time += 1 / rate
        }
    }

    /// Walking-like: vertical bounce of `bounce` g and a rocking rate of `rate` deg/s at 2 Hz.
    mutating func walk(_ up: Vector3, for seconds: Double, bounce: Double = 0.3, rockRate: Double = 80) {
        for _ in 0..<Int(seconds * rate) {
            let phase = 2 * Double.pi * 2 * time
            samples.append(IMUSample(time: time, accel: up * (1 + bounce * sin(phase)), gyro: Vector3(rockRate * cos(phase), 0, 0)))
            time += 1 / rate
        }
    }
}

private func unit(_ v: Vector3) -> Vector3 { v * (1 / v.norm) }

private func rotate(_ v: Vector3, about k: Vector3, by angle: Double) -> Vector3 {
    v * cos(angle) + Vector3.cross(k, v) * sin(angle) + k * (Vector3.dot(k, v) * (1 - cos(angle)))
}

private func degrees(_ a: Vector3, _ b: Vector3) -> Double {
    atan2(Vector3.cross(a, b).norm, Vector3.dot(a, b)) * 180 / .pi
}

private func run(_ motion: Motion, settings: CalibrationProcedureSettings = CalibrationProcedureSettings()) -> CalibrationState {
    var procedure = CalibrationProcedure(settings: settings)
    for sample in motion.samples {
        if case .running = procedure.feed(sample) { continue }
        break
    }
    return procedure.state
}

/// A sensor worn crooked: pitched 12 deg and rolled 7 deg, its forward 30 deg off the mount's x.
private let crookedUp = unit(Vector3(-0.2079, 0.1219, 0.9702))
private let crookedForward: Vector3 = {
    let hint = Vector3(cos(30 * Double.pi / 180), sin(30 * Double.pi / 180), 0)
    return unit(hint - crookedUp * Vector3.dot(hint, crookedUp))
}()

@Suite("Guided calibration on synthetic samples")
struct CalibrationProcedureTests {
    @Test(arguments: [(Vector3(0, 0, 1), Vector3(1, 0, 0), 15.0), (crookedUp, crookedForward, 15.0), (crookedUp, crookedForward, 9.0)])
    func knownTiltGivesExactUpAndForward(up: Vector3, forward: Vector3, tilt: Double) throws {
        // Anterior tilt by t: up moves toward the back, to up cos t - forward sin t.
        let t = tilt * .pi / 180
        let tipped = up * cos(t) - forward * sin(t)
        var motion = Motion()
        motion.hold(up, for: 8)
        motion.turn(from: up, to: tipped, over: 1)
        motion.hold(tipped, for: 5)
        let state = run(motion)
        guard case .finished(let result) = state else {
            Issue.record("not finished: \(state)")
            return
        }
        #expect(degrees(result.up, up) < 1e-6)
        #expect(degrees(result.forward, forward) < 1e-6)
        #expect(abs(result.tipAngle - tilt) < 1e-6)
        #expect(abs(Vector3.dot(result.up, result.forward)) < 1e-9)
        #expect(abs(result.forwardOffsetFromMount - degrees(forward, Vector3(1, 0, 0))) < 1e-6)
        // The neutral is the first 5 s of stillness; the hold ends 2 s after it settled.
        #expect(abs(result.stillStretch.upperBound - result.stillStretch.lowerBound - 5) < 0.02)
        #expect(result.hold.lowerBound > 9 && result.hold.lowerBound < 11, "hold \(result.hold)")
        #expect(abs(result.hold.upperBound - result.hold.lowerBound - 2) < 0.02)
        // The pipeline's own tilt of the held direction, from the profile's neutral, is the tip.
        let pose = NeutralPose(up: result.up, forwardHint: result.forward)
        #expect(abs(pose.tilt(of: tipped) - tilt) < 1e-6)
        #expect(abs(pose.obliquity(of: tipped)) < 1e-6)
    }

    @Test func reportsProgressThroughTheSteps() {
        var motion = Motion()
        motion.hold(Vector3(0, 0, 1), for: 3)
        var procedure = CalibrationProcedure()
        var last: CalibrationProgress?
        for sample in motion.samples { if case .running(let p) = procedure.feed(sample) { last = p } }
        let progress = try? #require(last)
        #expect(progress?.step == .standStill)
        #expect(progress?.quiet == true)
        // 3 s of a required 5 s (minus the first sample that starts the motion meter).
        #expect(abs((progress?.fraction ?? 0) - 0.6) < 0.01)
        #expect(abs((progress?.remaining ?? 0) - 57) < 0.05)
    }

    @Test func timesOutWhenThePelvisNeverTips() {
        var motion = Motion()
        motion.hold(Vector3(0, 0, 1), for: 6)
        let tipped = Vector3(-sin(5 * Double.pi / 180), 0, cos(5 * Double.pi / 180))
        motion.turn(from: Vector3(0, 0, 1), to: tipped, over: 1)
        motion.hold(tipped, for: 58)
        #expect({ if case .running = run(motion) { return true } else { return false } }(), "not yet 60 s in step 2")
        motion.hold(tipped, for: 5)
        guard case .failed(let failure) = run(motion) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.reason == .timeout)
        #expect(failure.step == .tipForward)
        #expect(failure.description.contains("5.0 deg"), "names the largest tip: \(failure.description)")
    }

    @Test func timesOutWhenNeverStill() {
        var motion = Motion()
        // Fidgeting: too much for quiet, too little to count as moving away.
        motion.walk(Vector3(0, 0, 1), for: 61, bounce: 0.05, rockRate: 20)
        guard case .failed(let failure) = run(motion) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.reason == .timeout)
        #expect(failure.step == .standStill)
    }

    @Test(arguments: [false, true])
    func failsWhenTheUserWalksAway(inStepTwo: Bool) {
        var motion = Motion()
        if inStepTwo { motion.hold(Vector3(0, 0, 1), for: 6) }
        let start = motion.time
        motion.walk(Vector3(0, 0, 1), for: 10)
        var procedure = CalibrationProcedure()
        var failedAt: Double?
        for sample in motion.samples {
            if case .failed = procedure.feed(sample) { failedAt = sample.time; break }
        }
        guard case .failed(let failure) = procedure.state, let failedAt else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.reason == .movedTooMuch)
        #expect(failure.step == (inStepTwo ? .tipForward : .standStill))
        // 3 s allowance after the motion meter sees it (within its 0.5 s time constant).
        #expect(failedAt - start > 3 && failedAt - start < 4.5)
    }

    @Test func failsOnARotationTooLargeForAPelvicTip() {
        var motion = Motion()
        motion.hold(Vector3(0, 0, 1), for: 6)
        let bent = Vector3(-sin(70 * Double.pi / 180), 0, cos(70 * Double.pi / 180))
        motion.turn(from: Vector3(0, 0, 1), to: bent, over: 2)
        motion.hold(bent, for: 3)
        guard case .failed(let failure) = run(motion) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.reason == .tippedTooFar)
    }

    @Test func failsOnABackwardTip() {
        var motion = Motion()
        motion.hold(Vector3(0, 0, 1), for: 6)
        // Posterior tilt: up moves toward the front.
        let tucked = Vector3(sin(12 * Double.pi / 180), 0, cos(12 * Double.pi / 180))
        motion.turn(from: Vector3(0, 0, 1), to: tucked, over: 1)
        motion.hold(tucked, for: 4)
        guard case .failed(let failure) = run(motion) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.reason == .tippedBackward)
        // Without the check the same motion calibrates, forward pointing backward.
        var open = CalibrationProcedureSettings()
        open.forwardTolerance = nil
        guard case .finished(let result) = run(motion, settings: open) else {
            Issue.record("expected a result")
            return
        }
        #expect(degrees(result.forward, Vector3(-1, 0, 0)) < 1e-6)
    }

    @Test func holdsShorterThanTwoSecondsDoNotCount() {
        var motion = Motion()
        let up = Vector3(0, 0, 1)
        let tipped = Vector3(-sin(15 * Double.pi / 180), 0, cos(15 * Double.pi / 180))
        motion.hold(up, for: 6)
        motion.turn(from: up, to: tipped, over: 1)
        motion.hold(tipped, for: 1.5)
        motion.turn(from: tipped, to: up, over: 1)
        motion.hold(up, for: 5)
        #expect({ if case .running = run(motion) { return true } else { return false } }())
    }
}
