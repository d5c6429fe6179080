import GluteCore
import Testing

@Suite struct PelvicDropDetectorTests {
    @Test func dropOnTheLeftMeansRightStance() {
        var detector = PelvicDropDetector(settings: PelvicDropSettings(limit: 7, hysteresis: 1.5, minDuration: 0.1))
        var events: [Event] = []
        // Obliquity 1 deg, then a left drop to 10 deg from 10 s to 12 s.
        for t in sampleTimes(duration: 20) {
            detector.update(time: t, obliquity: t >= 10 && t < 12 ? 10 : 1) { events.append($0) }
        }
        #expect(events.count == 1)
        #expect(events.first.map { abs($0.time - 12) < 1e-9 } == true)
        #expect(events.first?.kind == .pelvicDrop(side: .left, angle: 10, threshold: 7, stance: .right))
    }

    @Test func rightDropAndNoiseAndShortBlips() {
        var detector = PelvicDropDetector(settings: PelvicDropSettings())
        var noise = TestNoise(seed: 5)
        var events: [Event] = []
        for t in sampleTimes(duration: 300) {
            var obliquity = noise.next(4)
            if t >= 100 && t < 100.04 { obliquity = 12 }   // 2 samples: shorter than 0.1 s
            if t >= 200 && t < 201 { obliquity = -9 }
            detector.update(time: t, obliquity: obliquity) { events.append($0) }
        }
        #expect(events.count == 1)
        if case let .pelvicDrop(side, angle, _, stance)? = events.first?.kind {
            #expect(side == .right && stance == .left && angle == 9)
        }
    }
}

@Suite struct ExerciseCoachTests {
    func hold(_ start: Double, _ duration: Double) -> SqueezeHold {
        SqueezeHold(start: start, end: start + duration, side: .both, strength: 0.5, source: .cushion)
    }

    @Test func tenRepsMakeASetAndShortOnesAreFlagged() {
        var coach = ExerciseCoach(settings: ExerciseSettings())
        var events: [Event] = []
        for i in 0..<10 {
            coach.hold(hold(Double(i) * 10, i == 3 ? 3 : 5)) { events.append($0) }
        }
        #expect(events.filter { $0.type == "exercise.rep" }.count == 10)
        #expect(events[3].kind == .exerciseRep(rep: 4, hold: 3, target: 5, short: true))
        #expect(events[4].kind == .exerciseRep(rep: 5, hold: 5, target: 5, short: false))
        #expect(events.last?.kind == .exerciseSet(reps: 10, targetReps: 10, shortReps: 1, meanHold: 4.8))
        #expect(events.last?.time == 95)
    }

    @Test func longRestEndsASetAndOverlapsCountOnce() {
        var coach = ExerciseCoach(settings: ExerciseSettings(maxRest: 30))
        var events: [Event] = []
        coach.hold(hold(0, 5)) { events.append($0) }
        coach.hold(hold(3, 4)) { events.append($0) }   // the other sensor seeing the same squeeze
        coach.hold(hold(10, 5)) { events.append($0) }
        for t in stride(from: 15.0, through: 60, by: 0.5) { coach.update(time: t) { events.append($0) } }
        #expect(events.map(\.type) == ["exercise.rep", "exercise.rep", "exercise.set"])
        #expect(events.last?.kind == .exerciseSet(reps: 2, targetReps: 10, shortReps: 0, meanHold: 5))
        #expect(events.last.map { abs($0.time - 45.5) < 1e-9 } == true)
    }
}
