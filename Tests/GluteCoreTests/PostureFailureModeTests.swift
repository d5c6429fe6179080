import GluteCore
import GluteWire
import Testing

/// The posture classifier's failure modes on people it was never tuned on (issue 11), each on a
/// synthetic sequence built for it, with the exact postures expected and when they begin.
@Suite struct PostureFailureModeTests {
    static func describe(_ found: [(posture: Posture, since: Double)]) -> String {
        found.map { "\($0.posture.rawValue)@\(String(format: "%.1f", $0.since))" }.joined(separator: " ")
    }

    /// The postures found, and each one's start against the scripted start (within `slack` s).
    static func expect(_ found: [(posture: Posture, since: Double)], _ expected: [(Posture, Double)], slack: Double,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(found.map(\.posture) == expected.map(\.0), "\(describe(found))", sourceLocation: sourceLocation)
        for (f, e) in zip(found, expected) where f.posture == e.0 {
            #expect(abs(f.since - e.1) <= slack, "\(f.posture) at \(f.since), scripted \(e.1): \(describe(found))",
                    sourceLocation: sourceLocation)
        }
    }

    /// A person who sits nearly upright (14 deg from their standing pelvis, under the 25 deg fallback):
    /// the first bout with ordinary transitions; the second sat down slowly, without the
    /// acceleration of a transition, so only the learned sitting angle can see it. It costs
    /// seconds, not the bout.
    @Test func shallowSitWithMissedTransition() {
        var script = PostureSynthesis()
        script.hold(30)
        let sit1 = script.time
        script.sitDown(seatTilt: -14)
        script.hold(60)
        let stand1 = script.time
        script.standUp()
        script.hold(30)
        let sit2 = script.time
        script.slowSit(seatTilt: -14)
        script.hold(60)
        let stand2 = script.time
        script.standUp()
        script.hold(30)
        let found = script.postures()
        Self.expect(found, [(.standing, 0), (.sitting, sit1), (.standing, stand1), (.sitting, sit2), (.standing, stand2)],
                    slack: 12)
        // The missed one is found within seconds of the slow sit's end.
        if found.count == 5 { #expect(found[3].since <= sit2 + 8 + 7) }
    }

    /// After lying down and sitting up, a settling movement on the edge of the bed (a quick bounce
    /// that looks like standing up by the order of its peaks, but leaves the pelvis where it was)
    /// stays sitting.
    @Test func settleAfterLieToSit() {
        var script = PostureSynthesis()
        script.hold(30)
        let lie = script.time
        script.move(2.5, tilt: -90, height: -0.6)
        script.hold(30)
        let sit = script.time
        script.move(3, tilt: -15, height: -0.45)
        script.hold(3)
        // The settle: up 5 cm then back down, turning 10 deg forward and back.
        script.move(0.5, tilt: -5, height: -0.40)
        script.move(0.5, tilt: -15, height: -0.45)
        script.hold(30)
        let lieAgain = script.time
        script.move(2.5, tilt: -90, height: -0.6)
        script.hold(30)
        Self.expect(script.postures(), [(.standing, 0), (.lying, lie), (.sitting, sit), (.lying, lieAgain)], slack: 4)
    }

    /// A reclined sit, the pelvis 63 deg from upright, stays sitting; and the standing after it
    /// stays standing.
    @Test func reclinedSitIsNotLying() {
        var script = PostureSynthesis()
        script.hold(30)
        let sit = script.time
        script.sitDown(seatTilt: -25)
        script.hold(5)
        script.move(3, tilt: -63, height: -0.5)
        script.hold(40)
        script.move(3, tilt: -25, height: -0.45)
        script.hold(5)
        let stand = script.time
        script.standUp()
        script.hold(40)
        Self.expect(script.postures(), [(.standing, 0), (.sitting, sit), (.standing, stand)], slack: 4)
    }

    /// Lying is the pelvis near horizontal and quiet.
    @Test func lyingNearHorizontal() {
        var script = PostureSynthesis()
        script.hold(30)
        let lie = script.time
        script.move(2.5, tilt: -88, height: -0.6)
        script.hold(40)
        Self.expect(script.postures(), [(.standing, 0), (.lying, lie)], slack: 4)
    }

    /// A recording of walking only, with no quiet standing anywhere: the neutral comes from the
    /// walking, and posture events come within 30 s.
    @Test func walkingOnlyStart() {
        var script = PostureSynthesis()
        script.walk(60)
        let stop = script.time
        script.hold(30)
        let found = script.postures()
        Self.expect(found, [(.walking, 0), (.standing, stop)], slack: 4)
        #expect(found.first.map { $0.since <= 30 } == true)
    }

    /// A short dip while standing (a stand-to-sit movement and its sit-to-stand 4 s later, like
    /// perching on a desk edge and getting up) is absorbed: no sitting at all.
    @Test func spuriousShortSitIsAbsorbed() {
        var script = PostureSynthesis()
        script.hold(30)
        script.sitDown(seatTilt: -20)
        script.hold(4)
        script.standUp()
        script.hold(40)
        Self.expect(script.postures(), [(.standing, 0)], slack: 1)
    }

    /// Both transitions of a bout missed (slow, smooth movements): the angle puts the posture back
    /// in phase within seconds each time, and the ordinary bout after it is read as usual.
    @Test func backInPhaseAfterMissedTransitions() {
        var script = PostureSynthesis()
        script.hold(30)
        let sit1 = script.time
        script.slowSit(seatTilt: -28)
        script.hold(40)
        let stand1 = script.time
        script.slowStand()
        script.hold(40)
        let sit2 = script.time
        script.sitDown(seatTilt: -28)
        script.hold(40)
        let stand2 = script.time
        script.standUp()
        script.hold(30)
        Self.expect(script.postures(), [(.standing, 0), (.sitting, sit1), (.standing, stand1), (.sitting, sit2), (.standing, stand2)],
                    slack: 14)
    }

    /// Once a shallow, posterior sitting angle (14 deg) is learned, an anterior tilt of as much
    /// while standing (the pelvis tipping forward, what the tilt detector is for) is not sitting:
    /// it leans the other way.
    @Test func anteriorTiltIsNotAShallowSit() {
        var script = PostureSynthesis()
        script.hold(30)
        let sit = script.time
        script.sitDown(seatTilt: -14)
        script.hold(60)
        let stand = script.time
        script.standUp()
        script.hold(20)
        script.move(1.5, tilt: 13, height: 0)
        script.hold(30)
        script.move(1.5, tilt: 0, height: 0)
        script.hold(20)
        Self.expect(script.postures(), [(.standing, 0), (.sitting, sit), (.standing, stand)], slack: 4)
    }
}
