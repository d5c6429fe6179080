import GluteCore
import Testing

@Suite struct AnteriorTiltDetectorTests {
    let settings = TiltSettings(limit: 10, delay: 5, hysteresis: 2)

    /// 2 deg for 10 s, a ramp of 2 deg/s up to 16 deg (crossing 10 deg at exactly 14 s), held,
    /// then a ramp down crossing 8 deg at 34 s.
    func designedTilt(_ t: Double) -> Double {
        if t < 10 { return 2 }
        if t < 17 { return 2 + (t - 10) * 2 }
        if t < 30 { return 16 }
        return max(2, 16 - (t - 30) * 2)
    }

    @Test func startAtCrossingPlusDelayAndEndWithPeak() {
        var detector = AnteriorTiltDetector(settings: settings)
        var events: [Event] = []
        for t in sampleTimes(duration: 40) {
            detector.update(time: t, tilt: designedTilt(t)) { events.append($0) }
        }
        #expect(events.count == 2)
        let start = events.first
        #expect(start?.type == "tilt.anterior.start")
        // First sample above 10 deg is 14.02 s; the start fires within one sample of 14 + 5 s.
        #expect(abs((start?.time ?? 0) - 19) <= 0.02 + 1e-9)
        if case let .tiltAnteriorEnd(peak, threshold, duration)? = events.last?.kind {
            #expect(peak == 16)
            #expect(threshold == 10)
            // Below 8 deg after 34 s; above 10 deg from 14.02 s.
            #expect(abs((events.last?.time ?? 0) - 34) <= 0.02 + 1e-9)
            #expect(abs(duration - 20) <= 0.04 + 1e-9)
        } else {
            Issue.record("expected tilt.anterior.end, got \(events)")
        }
    }

    @Test func noisyTiltBelowTheLimitGivesNothing() {
        var detector = AnteriorTiltDetector(settings: settings)
        var noise = TestNoise(seed: 7)
        var events: [Event] = []
        for t in sampleTimes(duration: 600) {
            detector.update(time: t, tilt: 7 + noise.next(2.5)) { events.append($0) }
        }
        #expect(events.isEmpty)
    }

    @Test func shortExcursionsRestartTheDelay() {
        // Above the limit for 4 s at a time, dipping below between: never 5 s in a row.
        var detector = AnteriorTiltDetector(settings: settings)
        var events: [Event] = []
        for t in sampleTimes(duration: 100) {
            let phase = t.truncatingRemainder(dividingBy: 5)
            detector.update(time: t, tilt: phase < 4 ? 12 : 9.5) { events.append($0) }
        }
        #expect(events.isEmpty)
    }

    @Test func lyingEndsTheEpisode() {
        var detector = AnteriorTiltDetector(settings: settings)
        var events: [Event] = []
        for t in sampleTimes(duration: 20) {
            detector.update(time: t, tilt: t < 15 ? 12 : nil) { events.append($0) }
        }
        #expect(events.map(\.type) == ["tilt.anterior.start", "tilt.anterior.end"])
        #expect(abs(events[0].time - 5) < 1e-9)
        #expect(abs(events[1].time - 15) < 1e-9)
    }
}
