import Foundation
import Testing
import GluteWire
@testable import GluteCore

@Suite("Orientation tracker")
struct OrientationTrackerTests {
    typealias T = OrientationTruth

    @Test("jittered timestamps are integrated with their real intervals; stalled timestamps are ignored")
    func jitteredTimestamps() {
        var random = SeededGenerator(seed: 0x5EED)
        var tracker = OrientationTracker()
        var time = 100.0
        var truthYaw = 0.0
        // 4 s still (the startup period zeroes the 6-axis heading), then 3 s of yaw at a rate that
        // changes every sample, with intervals anywhere from 4 to 25 ms and some repeated or
        // backward timestamps, which carry no elapsed time.
        var stalled = 0
        for k in 0..<800 {
            var interval = Double.random(in: 0.004...0.025, using: &random)
            if k > 450 && k % 97 == 0 {
                interval = k % 2 == 0 ? 0 : -0.003
                stalled += 1
            }
            time += interval
            let moving = time > 104
            let rate = moving ? Double.random(in: 10...90, using: &random) : 0
            if interval > 0 { truthYaw += rate * interval }
            tracker.update(IMUSample(time: time, accel: Vector3(0, 0, 1),
                                     gyro: Vector3(0, 0, rate)))
            if interval < 0 { time -= interval }  // the clock itself does not go back
        }
        let yaw = tracker.quaternion.fusionEulerDegrees.yaw
        let expected = remainder(truthYaw, 360)
        print("tracker jitter: yaw \(yaw) deg, truth \(expected) deg, ignored \(tracker.ignoredSampleCount) samples")
        #expect(tracker.ignoredSampleCount == stalled)
        #expect(stalled > 0)
        #expect(abs(remainder(yaw - expected, 360)) < 0.01)
        #expect(T.angle(tracker.gravity, Vector3(0, 0, 1)) < 0.01)
        #expect(tracker.gapCount == 0)
    }

    @Test("a 5 s gap re-initialises, so a posture changed during the gap is found within the startup period")
    func gapReinitialises() {
        func run(maxGap: Double) -> (tracker: OrientationTracker, initialisingAfterGap: Bool, errorAt3s: Double) {
            var tracker = OrientationTracker(maxGap: maxGap)
            let before = T.up(T.pelvis(anterior: 0, leftDrop: 0))
            let after = T.up(T.pelvis(anterior: 35, leftDrop: -10))
            var time = 0.0
            for _ in 0..<1000 {
                time += T.dt
                tracker.update(IMUSample(time: time, accel: before, gyro: .zero))
            }
            time += 5
            tracker.update(IMUSample(time: time, accel: after, gyro: .zero))
            let initialising = tracker.ahrs.flags.initialising
            for _ in 0..<300 {
                time += T.dt
                tracker.update(IMUSample(time: time, accel: after, gyro: .zero))
            }
            return (tracker, initialising, T.angle(tracker.gravity, after))
        }
        let reinitialised = run(maxGap: 1)
        let continuous = run(maxGap: 10)
        print("tracker gap 5 s: tilt error 3 s after the gap \(reinitialised.errorAt3s) deg with re-initialisation, \(continuous.errorAt3s) deg without")
        #expect(reinitialised.tracker.gapCount == 1)
        #expect(reinitialised.initialisingAfterGap)
        #expect(reinitialised.errorAt3s < 0.05)
        #expect(continuous.tracker.gapCount == 0)
        #expect(continuous.errorAt3s > 1, "without re-initialisation a 36 deg change is still being corrected 3 s later")
    }

    @Test("the device's own quaternion passes through, and the filter takes over when it stops")
    func quaternionPassThrough() {
        let attitude = T.pelvis(anterior: 30, leftDrop: 0)
        // Sent unnormalised, as some firmwares do.
        let sent = Quaternion(w: 2 * attitude.w, x: 2 * attitude.x, y: 2 * attitude.y, z: 2 * attitude.z)
        let level = Vector3(0, 0, 1)
        var tracker = OrientationTracker()
        var time = 0.0
        for _ in 0..<50 {
            time += T.dt
            // The accelerometer says level: the reported attitude must still be the device's.
            tracker.update(IMUSample(time: time, accel: level, gyro: .zero, quaternion: sent))
        }
        #expect(tracker.usesDeviceQuaternion)
        #expect(T.angle(tracker.quaternion, attitude) < 1e-9)
        #expect(abs(tracker.quaternion.w - attitude.w) < 1e-12 || abs(tracker.quaternion.w + attitude.w) < 1e-12)
        #expect(T.angle(tracker.gravity, T.up(attitude)) < 1e-9)
        #expect((tracker.linearAcceleration - (level - T.up(attitude))).norm < 1e-9)
        time += T.dt
        tracker.update(IMUSample(time: time, accel: level, gyro: .zero))
        #expect(!tracker.usesDeviceQuaternion)
        #expect(tracker.quaternion == tracker.ahrs.quaternion)
        #expect(T.angle(tracker.gravity, level) < 1)
    }
}
