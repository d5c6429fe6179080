import GluteCore
import Testing

@Suite struct CushionSqueezeDetectorTests {
    let settings = SqueezeSettings()

    /// 8 cells of the standard layout at 20 Hz: 3000 Pa each, plus `extraLeft`/`extraRight`
    /// fractions on the rear cells (4, 6 left; 5, 7 right), plus noise.
    func cells(extraLeft: Double, extraRight: Double, noise: inout TestNoise, amplitude: Double) -> [Double] {
        (0..<8).map { i in
            let rear = i >= 4
            let extra = rear ? (i % 2 == 0 ? extraLeft : extraRight) : 0
            return 3000 * (1 + extra) + noise.next(amplitude)
        }
    }

    func run(duration: Double, amplitude: Double, profile: (Double) -> (Double, Double)) -> [SqueezeHold] {
        var detector = CushionSqueezeDetector(settings: settings)
        var noise = TestNoise(seed: 3)
        var holds: [SqueezeHold] = []
        for t in sampleTimes(duration: duration, rate: 20) {
            let (l, r) = profile(t)
            if let hold = detector.update(time: t, cells: cells(extraLeft: l, extraRight: r, noise: &noise, amplitude: amplitude), occupied: true) {
                holds.append(hold)
            }
        }
        return holds
    }

    @Test func leftSqueezeWithOnsetDurationStrength() {
        // Left rear load +15 % from 20 s to 25 s: onset at the first sample (20.0 s), release at 25 s.
        let holds = run(duration: 40, amplitude: 0) { t in (t >= 20 && t < 25 ? 0.15 : 0, 0) }
        #expect(holds.count == 1)
        let hold = holds.first
        #expect(hold?.side == .left)
        #expect(hold.map { abs($0.start - 20) <= 0.05 + 1e-9 } == true)
        #expect(hold.map { abs($0.duration - 5) <= 0.05 + 1e-9 } == true)
        #expect(hold.map { abs($0.strength - 0.5) < 1e-9 } == true)
        #expect(hold?.source == .cushion)
    }

    @Test func bothSidesAndRight() {
        let both = run(duration: 40, amplitude: 0) { t in t >= 10 && t < 13 ? (0.2, 0.12) : (0, 0) }
        #expect(both.map(\.side) == [.both])
        let right = run(duration: 40, amplitude: 0) { t in t >= 10 && t < 13 ? (0, 0.12) : (0, 0) }
        #expect(right.map(\.side) == [.right])
    }

    @Test func shortAndNoisyGiveNothing() {
        // A 0.5 s bump is shorter than the 1 s minimum; +-2 % cell noise never reaches 8 %.
        #expect(run(duration: 30, amplitude: 0) { t in (t >= 10 && t < 10.5 ? 0.2 : 0, 0) }.isEmpty)
        #expect(run(duration: 600, amplitude: 60) { _ in (0, 0) }.isEmpty)
    }
}

@Suite struct ImuSqueezeDetectorTests {
    @Test func posteriorTuckHeldThenReleased() {
        var detector = ImuSqueezeDetector(settings: SqueezeSettings())
        var holds: [SqueezeHold] = []
        // Tilt 2 deg; at 30 s it drops to -3 deg (5 deg posterior) for 5 s, then back.
        for t in sampleTimes(duration: 60) {
            let tilt = t >= 30 && t < 35 ? -3.0 : 2.0
            if let hold = detector.update(time: t, tilt: tilt) { holds.append(hold) }
        }
        #expect(holds.count == 1)
        #expect(holds.first.map { abs($0.start - 30) <= 0.02 + 1e-9 } == true)
        #expect(holds.first.map { abs($0.duration - 5) <= 0.02 + 1e-9 } == true)
        #expect(holds.first.map { abs($0.strength - 0.5) < 1e-9 } == true)
        #expect(holds.first?.side == .unknown)
        #expect(holds.first?.source == .imu)
    }

    @Test func slowDriftAndNoiseGiveNothing() {
        var detector = ImuSqueezeDetector(settings: SqueezeSettings())
        var noise = TestNoise(seed: 11)
        var holds: [SqueezeHold] = []
        // Drifting 10 degrees posterior over 100 s (0.1 deg/s) with +-1 deg noise.
        for t in sampleTimes(duration: 300) {
            let tilt = 5 - min(t, 100) * 0.1 + noise.next(1)
            if let hold = detector.update(time: t, tilt: tilt) { holds.append(hold) }
        }
        #expect(holds.isEmpty)
    }
}
