import GluteCore
import GluteGuided
import GluteSession
import GluteSim
import GluteWire
import Testing

/// `check`'s measurements fed straight from the virtual sensor (no pty, no clocks): the verdicts
/// must match what each scenario was built to show (see `Scenario`).
@Suite("check: self-test measurements on the virtual sensor's scenarios")
struct SelfTestRunTests {
    /// Runs the check over a scenario's samples until it is finished or the scenario ends.
    func check(_ scenario: Scenario, _ settings: SelfTestSettings) -> SelfTestRun {
        var sensor = VirtualSensor(scenario: scenario)
        var run = SelfTestRun(settings: settings)
        while !run.finished, let sample = sensor.next() { run.feed(sample) }
        return run
    }

    @Test func stepWindowsFollowThePromptsWithTheGapAndHold() {
        let s = SelfTestSettings(belt: 10, gap: 5, hold: 5)
        #expect(s.window(of: .beltLine) == SelfTestWindow(prompt: 0, start: 0, end: 10))
        #expect(s.window(of: .leftLeg) == SelfTestWindow(prompt: 10, start: 15, end: 20))
        #expect(s.window(of: .rightLeg) == SelfTestWindow(prompt: 20, start: 25, end: 30))
        #expect(s.window(of: .squeezeLeft) == SelfTestWindow(prompt: 30, start: 35, end: 40))
        #expect(s.window(of: .squeezeRight) == SelfTestWindow(prompt: 40, start: 45, end: 50))
        #expect(s.total == 50)
        #expect(s.length == 52)
    }

    /// single-leg: left leg up 16-21 with a 9 deg drop, right leg up 32-37 with 2 deg. A 5 s belt
    /// and an 11 s gap put the holds on 16-21 and 32-37.
    @Test func singleLegShowsTheLeftLiftDropAndWeakRightGlutes() throws {
        let run = check(.singleLeg, SelfTestSettings(belt: 5, gap: 11, hold: 5))
        #expect(run.finished)
        let left = try #require(run.result.leftLeg)
        let right = try #require(run.result.rightLeg)
        let leftDrop = try #require(left.drop)
        let rightDrop = try #require(right.drop)
        #expect(leftDrop > 7 && leftDrop < 11, "left lift drop \(leftDrop)")
        #expect(left.significant)
        #expect(left.weakSide == .right)
        #expect(left.dropEvents == 1)
        #expect(rightDrop > 0.5 && rightDrop < 4, "right lift drop \(rightDrop)")
        #expect(!right.significant)
        #expect(right.weakSide == nil)
        #expect(run.result.weakSides == [.right])
        #expect(left.standing && right.standing, "standing share \(left.standingShare ?? -1), \(right.standingShare ?? -1)")
    }

    @Test func standingBeltLineIsNearNeutralAndTheMountLevel() throws {
        let run = check(.standing, SelfTestSettings())
        let belt = try #require(run.result.beltLine)
        let tilt = try #require(belt.tiltFromNeutral)
        let mount = try #require(belt.mountForwardDrop)
        #expect(abs(tilt) < 2, "tilt \(tilt)")
        #expect(abs(mount) < 2, "mount forward drop \(mount)")
        #expect(!belt.tiltedFromNeutral && !belt.dropsToFront)
        #expect(belt.neutral == "automatic")
        #expect(run.result.weakSides.isEmpty)
        #expect(run.result.squeezeLeft?.engaged == false)
        #expect(run.result.squeezeRight?.engaged == false)
    }

    /// squeezes: reps at 15, 25, 35, 45 (the 4th 3 s): the default timing's squeeze holds fall
    /// on 35-40 and 45-50.
    @Test func squeezesEngageOnTheIMUWithQuickOnset() throws {
        let run = check(.squeezes, SelfTestSettings())
        #expect(run.result.complete)
        for result in [run.result.squeezeLeft, run.result.squeezeRight] {
            let s = try #require(result)
            #expect(s.sensor == .imu)
            #expect(s.engaged)
            let peak = try #require(s.peak)
            #expect(peak > 3 && peak < 5, "tuck \(peak) deg (scenario: 4 deg)")
            let onset = try #require(s.onsetLatency)
            #expect(onset >= 0 && onset < 1, "onset \(onset) s (the tuck ramps in over 0.4 s)")
            #expect(s.squeezeEvents == 1)
        }
    }

    /// cushion: seated squeezes left 47.2-52.2 and right 62.2-67.2; a 7.2 s belt and 10 s gaps
    /// put the squeeze holds on them.
    @Test func cushionSqueezesAreToldApartBySide() throws {
        let run = check(.cushion, SelfTestSettings(belt: 7.2, gap: 10, hold: 5))
        let left = try #require(run.result.squeezeLeft)
        let right = try #require(run.result.squeezeRight)
        #expect(left.sensor == .cushion && right.sensor == .cushion)
        #expect(left.engaged && right.engaged)
        let lp = try #require(left.peak), lo = try #require(left.otherSidePeak)
        let rp = try #require(right.peak), ro = try #require(right.otherSidePeak)
        #expect(left.squeezeEvents == 1 && right.squeezeEvents == 1, "the release after the last hold is heard")
        #expect(lp > left.threshold && lp > 2 * max(lo, 0.01), "left \(lp) vs right \(lo)")
        #expect(rp > right.threshold && rp > 2 * max(ro, 0.01), "right \(rp) vs left \(ro)")
        // The right leg raise falls in the seated stretch: no verdict on the glutes from it. (The
        // left one starts at the sit-down, while the confirmed posture still says standing.)
        #expect(run.result.rightLeg?.standing == false)
        #expect(run.result.weakSides.isEmpty)
    }

    @Test func aStreamThatEndsEarlyLeavesLaterStepsUnmeasured() {
        var sensor = VirtualSensor(scenario: .standing)
        var run = SelfTestRun(settings: SelfTestSettings())
        while run.elapsed < 22, let sample = sensor.next() { run.feed(sample) }
        #expect(run.result.beltLine != nil)
        #expect(run.result.leftLeg != nil)
        #expect(run.result.rightLeg == nil)
        #expect(!run.result.complete)
        #expect(run.step == .rightLeg)
        #expect(SelfTestVerdict.lines(run.result).last?.contains("ended before") == true)
    }
}
