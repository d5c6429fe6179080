import Foundation
@testable import GluteCore
import GluteWire
import Testing

@Suite struct PipelineTests {
    /// A still sensor at `tilt` (anterior) and `obliquity` (left down), degrees, with accel noise.
    static func still(_ t: Double, tilt: Double, obliquity: Double = 0, noise: inout TestNoise, amplitude: Double = 0.005) -> IMUSample {
        let a = tilt * .pi / 180, p = obliquity * .pi / 180
        let accel = Vector3(-sin(a) * cos(p) + noise.next(amplitude), -sin(p) + noise.next(amplitude),
                            cos(a) * cos(p) + noise.next(amplitude))
        return IMUSample(time: t, accel: accel, gyro: .zero)
    }

    static func run(_ samples: [Sample], settings: PipelineSettings) -> [Event] {
        var pipeline = Pipeline(settings: settings)
        var events: [Event] = []
        for sample in samples { pipeline.process(sample) { events.append($0) } }
        pipeline.finish { events.append($0) }
        return events
    }

    @Test func anteriorTiltThroughThePipeline() {
        var noise = TestNoise(seed: 1)
        // Standing at neutral, tilted 15 degrees anteriorly from 20 s to 40 s.
        let samples = sampleTimes(duration: 60).map { t in
            Sample.imu(Self.still(t, tilt: t >= 20 && t < 40 ? 15 : 0, noise: &noise))
        }
        var settings = PipelineSettings()
        settings.neutral = .fixed(gravity: Vector3(0, 0, 1), forward: nil)
        let events = Self.run(samples, settings: settings)
        #expect(events.first?.kind == .posture(.standing, since: 0, previous: nil))
        let tilts = events.filter { $0.type.hasPrefix("tilt.") }
        #expect(tilts.map(\.type) == ["tilt.anterior.start", "tilt.anterior.end"])
        // Accelerometer-only: the up estimate is low-passed (0.3 s), so 10 deg is crossed about
        // 0.33 s after the step; the start follows 5 s later.
        #expect(tilts.first.map { $0.time > 25.2 && $0.time < 25.6 } == true)
        if case let .tiltAnteriorEnd(peak, _, duration)? = tilts.last?.kind {
            #expect(abs(peak - 15) < 0.5)
            #expect(abs(duration - 20) < 0.5)
        }
    }

    @Test func quietStandingWithNoiseGivesOnlyThePosture() {
        var noise = TestNoise(seed: 2)
        let samples = sampleTimes(duration: 600).map { t in Sample.imu(Self.still(t, tilt: 3, noise: &noise, amplitude: 0.01)) }
        let events = Self.run(samples, settings: PipelineSettings())
        #expect(events.map(\.type) == ["posture"])
        // Automatic calibration after 3 s of quiet upright stillness, dated from its start.
        #expect(events.first?.kind == .posture(.standing, since: 0, previous: nil))
        #expect(abs(events.first!.time - 3) < 0.05)
    }

    @Test func sameInputSameEvents() {
        var noise = TestNoise(seed: 9)
        var samples: [Sample] = []
        for t in sampleTimes(duration: 200) {
            let tilt: Double = t < 50 ? 0 : t < 80 ? 14 : t < 120 ? -6 : 2
            let obliquity = t >= 150 && t < 151 ? 10.0 : 0
            samples.append(.imu(Self.still(t, tilt: tilt, obliquity: obliquity, noise: &noise, amplitude: 0.02)))
        }
        let first = Self.run(samples, settings: PipelineSettings())
        let second = Self.run(samples, settings: PipelineSettings())
        #expect(first.count > 2)
        #expect(first == second)
    }

    @Test func cushionPostureSittingAlertsAndSqueeze() {
        var settings = PipelineSettings()
        settings.sitting = SittingSettings(limit: 30, breakMin: 20, repeatInterval: 1000)
        var samples: [Sample] = []
        for t in sampleTimes(duration: 140, rate: 20) {
            let seated = t >= 10 && t < 70
            let squeeze = t >= 30 && t < 35
            let cells = (0..<8).map { i -> Double in
                guard seated else { return 50 }
                return i == 4 || i == 6 ? (squeeze ? 3450 : 3000) : 3000
            }
            samples.append(.pressure(PressureSample(time: t, cells: cells)))
        }
        let events = Self.run(samples, settings: settings)
        #expect(events.map(\.type) == ["posture", "posture", "squeeze", "exercise.rep", "sitting.prolonged",
                                       "exercise.set", "posture", "sitting.break"])
        let postures = events.compactMap { e -> (Posture, Double)? in
            if case let .posture(p, since, _) = e.kind { return (p, since) } else { return nil }
        }
        #expect(postures.map(\.0) == [.standing, .sitting, .standing])
        #expect(postures.map(\.1) == [0, 10, 70])
        if case let .squeeze(start, duration, side, strength, source) = events[2].kind {
            #expect(start == 30 && abs(duration - 5) < 1e-9 && side == .left && source == .cushion)
            #expect(abs(strength - 0.5) < 1e-9)
        }
        #expect(events[4].time == 40)
        #expect(events[7].time == 90)
    }

    @Test func debouncerAbsorbsFlicker() {
        var debouncer = PostureDebouncer(minDuration: 10)
        var changes: [(Posture, Double)] = []
        for step in 0..<1000 {
            let t = Double(step) / 10
            // Standing, with 5 s of sitting at 20 s (too short), then sitting from 50 s.
            let raw: (Posture, Double) = t >= 50 ? (.sitting, 50) : t >= 20 && t < 25 ? (.sitting, 20) : (.standing, t >= 25 ? 25 : 0)
            if let c = debouncer.update(raw: raw.0, rawSince: raw.1, time: t) { changes.append((c.posture, c.since)) }
        }
        #expect(changes.map(\.0) == [.standing, .sitting])
        #expect(changes.map(\.1) == [0, 50])
    }

    @Test func snapshotReportsState() {
        var noise = TestNoise(seed: 4)
        var pipeline = Pipeline(settings: PipelineSettings())
        for t in sampleTimes(duration: 10) { pipeline.process(.imu(Self.still(t, tilt: 0, noise: &noise))) { _ in } }
        let snapshot = pipeline.snapshot
        #expect(snapshot.calibrated)
        #expect(snapshot.posture == .standing)
        #expect(snapshot.imuRate.map { abs($0 - 50) < 0.5 } == true)
        #expect(snapshot.tilt.map { abs($0) < 1 } == true)
        #expect(snapshot.cushionLoad == nil)
    }
}
