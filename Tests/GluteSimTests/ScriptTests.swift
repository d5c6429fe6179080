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
