import GluteCore
import GluteSim
import Testing

/// The oracle itself, against the numbers the scenario docs state: if the script or the
/// derivation drifted, the ground-truth tests would check the wrong thing.
@Suite struct GroundTruthTests {
    static func truth(_ scenario: Scenario) -> GroundTruth {
        let sensor = VirtualSensor(scenario: scenario)
        return GroundTruth(timeline: sensor.timeline, hasCushion: sensor.hasCushion)
    }

    @Test func minimumJerkRampProgress() {
        #expect(abs(GroundTruth.rampProgress(reaching: 0.5) - 0.5) < 1e-9)
        // 10 deg of a 15 deg ramp: 2/3 of the way at u = 0.5904 (10u^3 - 15u^4 + 6u^5 = 2/3).
        let u = GroundTruth.rampProgress(reaching: 2.0 / 3)
        #expect(abs(u * u * u * (10 - 15 * u + 6 * u * u) - 2.0 / 3) < 1e-9)
        #expect(u > 0.58 && u < 0.6)
    }

    @Test func deskDay() {
        let truth = Self.truth(.deskDay)
        #expect(truth.postures.map(\.posture) == [.standing, .walking, .sitting, .walking, .standing, .walking,
                                                  .sitting, .standing, .sitting, .standing])
        #expect(truth.postures.map(\.since) == [0, 20, 55, 1949.2, 2019.2, 2277.2, 2302.2, 2544.4, 2576.4, 2638.6])
        // Bout 1 (31.5 min) ends with the 70 s walk; bouts 2 and 3 are one bout: 30 s standing
        // between them is no break, and nothing after bout 3 is long enough either.
        #expect(truth.bouts.map(\.start) == [55, 2302.2])
        #expect(truth.bouts.map(\.breakStart) == [1949.2, nil])
        #expect(truth.tiltSpells.map(\.amplitude) == [15, 15, 18])
        #expect(truth.tiltSpells.map(\.counts) == [true, false, true])
        #expect(truth.squeezes.map(\.side) == [.left, .right] + Array(repeating: .unknown, count: 10))
        #expect(truth.reps.map { $0.segment.duration } == [5, 5, 5, 3, 5, 5, 5, 5, 5, 5])
        #expect(truth.drops.map(\.side) == [.left] && truth.drops.map(\.amplitude) == [9])
        #expect(truth.smallDrops.map(\.obliquityDeg) == [-2])
    }

    @Test func tiltSpellsAndTheirRamps() throws {
        let truth = Self.truth(.tilt)
        #expect(truth.tiltSpells.map(\.amplitude) == [15, 15, 20, 15, 5, 12])
        #expect(truth.tiltSpells.map(\.counts) == [true, false, true, false, false, true])
        let first = try #require(truth.tiltSpells.first)
        // 15 deg reached in a 1 s ramp from 20 s: 10 deg at 20.59 s; back under 8 deg 0.48 s
        // into the return ramp at 40 s.
        #expect(abs(first.crossing - 20.59) < 0.005)
        #expect(abs(first.fall - 40.48) < 0.005)
        #expect(truth.squeezes.isEmpty && truth.drops.isEmpty && truth.bouts.isEmpty)
    }

    @Test func sittingBoutsAndBreaks() {
        let truth = Self.truth(.sitting)
        // The 31 s break does not end bout 1, so bouts 1 and 2 are one of 2557 s; the 112 s break
        // ends it; bout 3 runs to the end. The 2 s stand-up before the long walk is shorter than
        // the minimum posture duration: sitting gives way to walking, at the walk's start.
        #expect(truth.bouts.map(\.start) == [20, 2687.4])
        #expect(truth.bouts.map(\.breakStart) == [2577.4, nil])
        #expect(truth.postures.map(\.posture) == [.standing, .sitting, .standing, .walking, .sitting, .walking,
                                                  .standing, .sitting, .standing])
    }

    @Test func squeezesCushionAndSingleLeg() {
        let squeezes = Self.truth(.squeezes)
        #expect(squeezes.reps.count == 10)
        #expect(squeezes.reps.filter { $0.segment.duration < 4.5 }.map { $0.segment.exerciseRep } == [4, 8])
        // Ramp in 0.4 s, out 0.4 s: half amplitude for exactly the scripted 5 s.
        #expect(squeezes.reps.first.map { abs($0.start - 15.2) < 1e-9 && abs($0.duration - 5) < 1e-9 } == true)

        let cushion = Self.truth(.cushion)
        #expect(cushion.squeezes.map(\.side) == [.left, .right, .both, .left])
        #expect(cushion.squeezes.allSatisfy { $0.source == .cushion })
        #expect(cushion.reps.isEmpty)
        // Ramp in 0.4 s, out 1 s (back to sitting): 0.3 s longer than the segment at half amplitude.
        #expect(cushion.squeezes.first.map { abs($0.duration - 5.3) < 1e-9 } == true)

        let singleLeg = Self.truth(.singleLeg)
        #expect(singleLeg.drops.map(\.side) == [.left, .left])
        #expect(singleLeg.drops.map(\.amplitude) == [9, 8])
        #expect(singleLeg.smallDrops.map { abs($0.obliquityDeg) } == [2, 2.5])
    }
}
