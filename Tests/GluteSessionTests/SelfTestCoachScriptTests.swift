import GluteCore
import GluteGuided
import GluteSession
import GluteWire
import Testing

@Suite("coach: the exercise script, driven by time and exercise events")
struct SelfTestCoachScriptTests {
    func rep(_ n: Int, hold: Double, at t: Double, target: Double = 5) -> Event {
        Event(time: t, kind: .exerciseRep(rep: n, hold: hold, target: target, short: hold < target - 0.5))
    }

    @Test func promptsAfterCalibrationAndLeadInThenFollowsTheReps() {
        var script = CoachScript(settings: CoachSettings(reps: 3, hold: 5, rest: 5, leadIn: 3))
        var said: [String] = []
        script.update(time: 1, calibrated: false) { said.append($0) }
        #expect(script.phase == .calibrating && said.isEmpty)
        script.update(time: 4, calibrated: true) { said.append($0) }
        #expect(script.phase == .leadIn(since: 4))
        script.update(time: 7, calibrated: true) { said.append($0) }
        #expect(script.phase == .squeeze(rep: 1, since: 7))
        #expect(said.last?.hasPrefix("Rep 1/3") == true)
        script.handle(rep(1, hold: 4.9, at: 12.5)) { said.append($0) }
        #expect(script.phase == .rest(after: 1, since: 12.5))
        script.update(time: 17.4, calibrated: true) { said.append($0) }
        #expect(script.phase == .rest(after: 1, since: 12.5))
        script.update(time: 17.5, calibrated: true) { said.append($0) }
        #expect(script.phase == .squeeze(rep: 2, since: 17.5))
        script.handle(rep(2, hold: 2.8, at: 21)) { said.append($0) }
        #expect(said.contains { $0.contains("Rep 2/3: held 2.8 s: short") })
        script.handle(rep(3, hold: 5.1, at: 31)) { said.append($0) }
        #expect(script.done)
        #expect(script.reps.map(\.number) == [1, 2, 3])
        #expect(script.shortReps.map(\.number) == [2])
        let mean = try! #require(script.meanHold)
        #expect(abs(mean - (4.9 + 2.8 + 5.1) / 3) < 1e-9)
        #expect(script.summary[0].hasPrefix("Set: 3 of 3 reps done, mean hold 4.3 s"))
        #expect(script.summary[1].contains("rep 2 (2.8 s)"))
        // A rep after the set is complete is not counted.
        script.handle(rep(4, hold: 5, at: 40)) { said.append($0) }
        #expect(script.reps.count == 3)
    }

    @Test func repromptsWhenNoSqueezeComes() {
        var script = CoachScript(settings: CoachSettings(reps: 2, leadIn: 0, reprompt: 20))
        var said: [String] = []
        script.update(time: 0, calibrated: true) { said.append($0) }
        #expect(script.phase == .squeeze(rep: 1, since: 0))
        script.update(time: 19, calibrated: true) { said.append($0) }
        #expect(script.phase == .squeeze(rep: 1, since: 0))
        script.update(time: 20, calibrated: true) { said.append($0) }
        #expect(script.phase == .squeeze(rep: 1, since: 20))
        #expect(said.last?.contains("no squeeze seen") == true)
    }

    @Test func countdownCountsTheHoldDown() {
        var script = CoachScript(settings: CoachSettings(reps: 2, hold: 5, leadIn: 0))
        script.update(time: 10, calibrated: true) { _ in }
        script.update(time: 11.2, calibrated: true) { _ in }
        #expect(script.countdown.contains("squeeze... 4 s"))
        script.update(time: 15.5, calibrated: true) { _ in }
        #expect(script.countdown.contains("release"))
    }

    @Test func aCushionAloneIsReadyWithoutANeutral() {
        var snapshot = Pipeline(settings: PipelineSettings()).snapshot
        #expect(!CoachScript.ready(snapshot))
        snapshot.pressureRate = 20
        #expect(CoachScript.ready(snapshot))
        snapshot.imuRate = 100
        #expect(!CoachScript.ready(snapshot))
        snapshot.neutral = NeutralPose(up: Vector3(0, 0, 1))
        #expect(CoachScript.ready(snapshot))
    }

    @Test func theLiveCountdownFollowsTheTuckFromTheTilt() {
        var script = CoachScript(settings: CoachSettings(reps: 2, hold: 5, leadIn: 2, tuck: 3))
        for i in 0...20 { script.update(time: Double(i) * 0.1, calibrated: true, tilt: 1.0) { _ in } }
        // Lead-in from 0 (calibrated), 2 s long: rep 1 is prompted at 2.
        #expect(script.phase == .squeeze(rep: 1, since: 2.0))
        // Not yet tucked: the countdown runs from the prompt.
        script.update(time: 2.5, calibrated: true, tilt: -1.0) { _ in }
        #expect(script.holdingSince == nil)
        #expect(script.countdown.contains("squeeze now"))
        script.update(time: 3.0, calibrated: true, tilt: -3.0) { _ in }
        #expect(script.holdingSince == 3.0)
        script.update(time: 5.5, calibrated: true, tilt: -3.2) { _ in }
        #expect(script.countdown.contains("holding 2.5 s, 2.5 s to go"))
        script.update(time: 8.1, calibrated: true, tilt: -3.1) { _ in }
        #expect(script.countdown.contains("held 5.0 s: release"))
        // Back up near the level: released.
        script.update(time: 8.5, calibrated: true, tilt: 0.5) { _ in }
        #expect(script.holdingSince == nil)
    }
}
