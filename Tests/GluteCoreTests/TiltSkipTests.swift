import Foundation
import GluteCore
import GluteSim
import GluteWire
import Testing

/// The pipeline skips the tilt's arctangent while the tilt detector has nothing open or pending
/// and the tilt is certainly at or below the limit (`AnteriorTiltDetector.ignoresTilt`). These
/// tests hold the promise that makes the skip exact: whenever it says "ignore", the tilt the
/// pipeline would have computed is not above the limit, right up to the limit itself.
@Suite struct TiltSkipTests {
    let pose = NeutralPose(up: Vector3(0.1, -0.2, 0.97), forwardHint: Vector3(1, 0.1, 0))

    /// Gravity in the sagittal plane at `degrees` of anterior tilt (plus a sideways part, which
    /// the tilt ignores).
    func gravity(tilt degrees: Double, side: Double = 0) -> Vector3 {
        let radians = degrees * .pi / 180
        return pose.up * cos(radians) - pose.forward * sin(radians) + pose.left * side
    }

    func ignores(_ detector: AnteriorTiltDetector, _ g: Vector3) -> Bool {
        let sides = pose.tiltSides(of: g)
        return detector.ignoresTilt(rise: sides.rise, run: sides.run)
    }

    @Test(arguments: [0.5, 5, 10, 12.5, 30, 45, 60, 88, 89])
    func anIgnoredTiltIsNeverAboveTheLimit(limit: Double) {
        let detector = AnteriorTiltDetector(settings: TiltSettings(limit: limit))
        var ignored = 0
        // Around the limit down to a few ulps of the angle, and far from it on both sides.
        var offsets: [Double] = [-30, -5, -1, -1e-3, -1e-6, -1e-9, -1e-12, 0, 1e-12, 1e-9, 1e-6, 1e-3, 1]
        var step = limit.ulp
        for _ in 0..<8 { offsets += [-step, step]; step *= 4 }
        for offset in offsets {
            for side in [0, 0.3, -0.7] {
                let g = gravity(tilt: limit + offset, side: side)
                if ignores(detector, g) {
                    ignored += 1
                    #expect(pose.tilt(of: g) <= limit, "limit \(limit), offset \(offset): ignored a tilt of \(pose.tilt(of: g))")
                }
            }
        }
        // The skip does happen well below the limit: otherwise it would save nothing.
        #expect(ignores(detector, gravity(tilt: limit - 1e-3)))
        #expect(ignores(detector, gravity(tilt: -20)))
        #expect(ignored >= 9)
    }

    @Test func randomDirectionsAgreeWithTheExactTilt() {
        var random = SplitMix64(seed: 12)
        for limit in [3.0, 10, 25, 70] {
            let detector = AnteriorTiltDetector(settings: TiltSettings(limit: limit))
            var ignored = 0, computedBelow = 0
            for _ in 0..<20_000 {
                let g = Vector3(Double.random(in: -1...1, using: &random), Double.random(in: -1...1, using: &random),
                                Double.random(in: -1...1, using: &random))
                let tilt = pose.tilt(of: g)
                if tilt <= limit { computedBelow += 1 }
                if ignores(detector, g) {
                    ignored += 1
                    #expect(tilt <= limit, "limit \(limit): ignored \(g), tilt \(tilt)")
                }
            }
            // Every ignored direction is below the limit, and most of those below are ignored
            // (the rest point more than 90 degrees from neutral up, where the skip does not look).
            #expect(ignored <= computedBelow)
            #expect(ignored > computedBelow / 3, "limit \(limit): \(ignored) ignored of \(computedBelow) below")
        }
    }

    @Test func nothingIsIgnoredWhileAnEpisodeIsPendingOrOpen() {
        var detector = AnteriorTiltDetector(settings: TiltSettings(limit: 10, delay: 1, hysteresis: 2))
        let level = gravity(tilt: 0)
        #expect(ignores(detector, level))
        detector.update(time: 0, tilt: 12) { _ in }  // pending: the wait for the delay runs
        #expect(!ignores(detector, level))
        var events: [Event] = []
        detector.update(time: 1.5, tilt: 12) { events.append($0) }
        #expect(events.map(\.type) == ["tilt.anterior.start"])
        #expect(detector.isActive)
        #expect(!ignores(detector, level))
        detector.update(time: 2, tilt: 5) { events.append($0) }  // below limit - hysteresis: ends
        #expect(events.map(\.type) == ["tilt.anterior.start", "tilt.anterior.end"])
        #expect(ignores(detector, level))
    }

    @Test(arguments: [0, -3, 89.5, 90, 120, Double.nan, .infinity])
    func limitsOutsideTheMarginAlwaysTakeTheExactAngle(limit: Double) {
        let detector = AnteriorTiltDetector(settings: TiltSettings(limit: limit))
        #expect(!ignores(detector, gravity(tilt: -40)))
        #expect(!ignores(detector, gravity(tilt: 0)))
    }

    @Test func nonFiniteGravityTakesTheExactAngle() {
        let detector = AnteriorTiltDetector(settings: TiltSettings(limit: 10))
        #expect(!detector.ignoresTilt(rise: .nan, run: 1))
        #expect(!detector.ignoresTilt(rise: 0, run: .nan))
        #expect(!detector.ignoresTilt(rise: -1, run: .infinity * 0))
    }
}
