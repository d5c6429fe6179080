import Testing
import GluteSim
import GluteWire

/// A stretch of consecutive segments that share a property (a sitting bout, a break).
struct Run { var start: Double; var end: Double; var duration: Double { end - start } }

func runs(_ segments: [ScriptSegment], where predicate: (ScriptSegment) -> Bool) -> [Run] {
    var result: [Run] = []
    for segment in segments where predicate(segment) {
        if let last = result.last, last.end == segment.start {
            result[result.count - 1].end = segment.end
        } else {
            result.append(Run(start: segment.start, end: segment.end))
        }
    }
    return result
}

/// Sitting bouts: from the start of sitting down to the start of standing up.
func sittingBouts(_ segments: [ScriptSegment]) -> [Run] { runs(segments) { $0.posture == .sitting } }
/// Breaks: upright stretches between two sitting bouts.
func breaks(_ segments: [ScriptSegment]) -> [Run] {
    let bouts = sittingBouts(segments)
    return zip(bouts, bouts.dropFirst()).map { Run(start: $0.end, end: $1.start) }
}

@Suite struct ScriptTests {
    @Test(arguments: Scenario.allCases)
    func scriptIsContiguousAndCoversTheNaturalLength(_ scenario: Scenario) throws {
        let sensor = VirtualSensor(scenario: scenario)
        let script = sensor.script
        try #require(!script.isEmpty)
        #expect(script.first?.start == 0)
        #expect(script.last?.end == sensor.naturalDuration)
        for (a, b) in zip(script, script.dropFirst()) { #expect(a.end == b.start, "\(a) then \(b)") }
        #expect(script.allSatisfy { $0.duration > 0 && $0.rampSeconds <= $0.duration + 1e-9 })
        // Loops stay continuous: start and end in quiet neutral standing.
        #expect(script.first?.movement == .still && script.first?.posture == .standing && script.first?.tiltDeg == 0)
        #expect(script.last?.movement == .still && script.last?.posture == .standing && script.last?.tiltDeg == 0)
    }

    @Test(arguments: Scenario.allCases, [ScenarioContinuation.loop, .holdLastPhase])
    func timelineCoversAnyDuration(_ scenario: Scenario, _ continuation: ScenarioContinuation) throws {
        for duration in [30.0, 250.0, 3333.3] {
            let sensor = VirtualSensor(scenario: scenario, settings: makeSettings(duration: duration) {
                $0.continuation = continuation
            })
            let timeline = sensor.timeline
            try #require(!timeline.isEmpty)
            #expect(timeline.first?.start == 0)
            #expect(timeline.last?.end == duration)
            for (a, b) in zip(timeline, timeline.dropFirst()) { #expect(a.end == b.start) }
            // segment(at:) agrees with the timeline.
            for probe in stride(from: 0.05, to: duration, by: duration / 37) {
                let segment = sensor.segment(at: probe)
                let listed = timeline.first { $0.contains(probe) }
                #expect(listed?.label == segment.label && listed?.start == segment.start, "at \(probe)")
            }
        }
    }

    @Test func loopingStaysContinuousAcrossTheSeam() {
        for scenario in Scenario.allCases {
            let sensor = VirtualSensor(scenario: scenario, settings: makeSettings(duration: .infinity))
            let seam = sensor.naturalDuration
            let before = sensor.pose(at: seam - 0.001), after = sensor.pose(at: seam + 0.001)
            #expect((before.specificForce - after.specificForce).norm < 0.005, "\(scenario)")
            #expect((before.angularRate - after.angularRate).norm < 0.5, "\(scenario)")
            #expect(rotationAngleDeg(before.orientation, after.orientation) < 0.1, "\(scenario)")
        }
    }

    @Test func deskDayHasEveryBehaviour() {
        let script = VirtualSensor(scenario: .deskDay).script
        let total = script.last!.end
        #expect(total > 40 * 60 && total < 50 * 60)
        #expect(script[0].posture == .standing && script[0].movement == .still && script[0].duration >= 20)
        #expect(sittingBouts(script).contains { $0.duration > 1800 })
        #expect(breaks(script).contains { $0.duration > 60 })
        #expect(breaks(script).contains { $0.duration < 60 })
        #expect(script.contains { $0.movement == .walk && $0.duration >= 10 })
        let spells = script.filter { $0.posture == .standing && $0.tiltDeg >= 10 && $0.movement == .still }
        #expect(spells.contains { $0.duration >= 5 } && spells.contains { $0.duration < 5 })
        #expect(script.contains { $0.squeeze?.side == .left && $0.posture == .sitting })
        #expect(script.contains { $0.squeeze?.side == .right && $0.posture == .sitting })
        let reps = script.compactMap { $0.exerciseRep }
        #expect(reps == Array(1...10))
        #expect(script.contains { $0.exerciseRep != nil && $0.duration < 4.5 })
        #expect(script.contains { $0.liftedLeg == .left && $0.obliquityDeg >= 8 })
        #expect(script.contains { $0.liftedLeg == .right && abs($0.obliquityDeg) < 5 })
    }

    @Test func sittingHasLongBoutsAndBothKindsOfBreak() {
        let script = VirtualSensor(scenario: .sitting).script
        let bouts = sittingBouts(script)
        #expect(bouts.count == 3)
        #expect(bouts.contains { $0.duration > 1800 })
        let gaps = breaks(script)
        #expect(gaps.contains { $0.duration < 60 } && gaps.contains { $0.duration > 60 })
    }

    @Test func tiltHasCountingAndNonCountingSpells() {
        let spells = VirtualSensor(scenario: .tilt).script.filter { $0.tiltDeg > 0 }
        #expect(spells.filter { $0.tiltDeg >= 10 && $0.duration >= 5 }.count == 3)
        #expect(spells.filter { $0.tiltDeg >= 10 && $0.duration < 5 }.count == 2)
        #expect(spells.contains { $0.tiltDeg < 8 && $0.duration >= 5 })
    }

    @Test func squeezesAreTenRepsWithTwoShortOnes() {
        let reps = VirtualSensor(scenario: .squeezes).script.filter { $0.exerciseRep != nil }
        #expect(reps.count == 10)
        #expect(reps.filter { $0.duration == 5 }.count == 8)
        #expect(reps.filter { $0.duration == 3 }.count == 2)
        #expect(reps.allSatisfy { $0.tiltDeg <= -3 && $0.tiltDeg >= -5 && $0.squeeze?.side == .both })
    }

    @Test func singleLegShowsAWeakAndAStrongSide() {
        let lifts = VirtualSensor(scenario: .singleLeg).script.filter { $0.movement == .legLift }
        #expect(lifts.map(\.liftedLeg) == [.left, .right, .left, .right])
        #expect(lifts.filter { $0.liftedLeg == .left }.allSatisfy { $0.obliquityDeg >= 8 && $0.duration == 5 })
        #expect(lifts.filter { $0.liftedLeg == .right }.allSatisfy { $0.obliquityDeg < 0 && $0.obliquityDeg > -3 })
    }
}

/// The times written in `Scenario`'s documentation, checked against the scripts so that the
/// README and other tests can rely on them.
@Suite struct DocumentedTimelineTests {
    private func segment(_ scenario: Scenario, at time: Double) -> ScriptSegment {
        VirtualSensor(scenario: scenario).segment(at: time)
    }

    @Test func naturalLengths() {
        let lengths = Dictionary(uniqueKeysWithValues: Scenario.allCases.map { ($0, VirtualSensor(scenario: $0).naturalDuration) })
        #expect(lengths == [.deskDay: 2660.6, .standing: 120, .tilt: 277, .sitting: 3011.6, .squeezes: 121,
                            .singleLeg: 81, .cushion: 132.2])
    }

    @Test func deskDayAnchors() {
        let day = VirtualSensor(scenario: .deskDay)
        let bouts = sittingBouts(day.script)
        #expect(bouts.map(\.start) == [55, 2302.2, 2576.4])
        #expect(bouts.map(\.end) == [1947.2, 2544.4, 2638.6])
        #expect(day.segment(at: 120).squeeze?.side == .left && day.segment(at: 120).start == 117.2)
        #expect(day.segment(at: 135).squeeze?.side == .right && day.segment(at: 135).start == 132.2)
        let spells = day.script.filter { $0.tiltDeg > 0 && $0.posture == .standing && $0.movement == .still }
        #expect(spells.map(\.start) == [2029.2, 2064.2, 2082.2])
        #expect(spells.map(\.end) == [2049.2, 2067.2, 2107.2])
        let reps = day.script.filter { $0.exerciseRep != nil }
        #expect(reps.first?.start == 2137.2 && reps[3].start == 2167.2 && reps[3].end == 2170.2)
        #expect(reps.last?.start == 2225.2 && reps.last?.end == 2230.2)
        let lifts = day.script.filter { $0.movement == .legLift }
        #expect(lifts.map(\.start) == [2246.2, 2260.2] && lifts.map(\.obliquityDeg) == [9, -2])
        #expect(day.script.filter { $0.movement == .walk || $0.movement == .turn }.first?.start == 20)
    }

    @Test func tiltAnchors() {
        let spells = VirtualSensor(scenario: .tilt).script.filter { $0.tiltDeg > 0 }
        #expect(spells.map(\.start) == [20, 60, 83, 133, 157, 197])
        #expect(spells.map(\.end) == [40, 63, 113, 137, 177, 257])
        #expect(spells.map(\.tiltDeg) == [15, 15, 20, 15, 5, 12])
    }

    @Test func sittingAnchors() {
        let script = VirtualSensor(scenario: .sitting).script
        let bouts = sittingBouts(script)
        #expect(bouts.map(\.start) == [20, 653.2, 2687.4])
        #expect(bouts.map(\.end) == [622.2, 2575.4, 2989.6])
    }

    @Test func squeezesSingleLegAndCushionAnchors() {
        let reps = VirtualSensor(scenario: .squeezes).script.filter { $0.exerciseRep != nil }
        #expect(reps.map(\.start) == [15, 25, 35, 45, 53, 63, 73, 83, 91, 101])
        let lifts = VirtualSensor(scenario: .singleLeg).script.filter { $0.movement == .legLift }
        #expect(lifts.map(\.start) == [16, 32, 48, 64])
        #expect(lifts.map(\.obliquityDeg) == [9, -2, 8, -2.5])
        let cushion = VirtualSensor(scenario: .cushion).script
        let squeezes = cushion.filter { $0.squeeze != nil }
        #expect(squeezes.map(\.start) == [47.2, 62.2, 77.2, 92.2])
        #expect(squeezes.map { $0.squeeze!.side } == [.left, .right, .both, .left])
        #expect(sittingBouts(cushion).map(\.start) == [15] && sittingBouts(cushion).map(\.end) == [115.2])
    }
}
