extension Scenario {
    /// Writes the scenario's script. Every script starts and ends in quiet neutral standing facing
    /// the start direction (turns come in pairs), so a looped run stays continuous.
    func buildScript(stepRateHz: Double) -> ScriptBuilder {
        var b = ScriptBuilder(stepRateHz: stepRateHz)
        switch self {
        case .standing: b.writeStanding()
        case .tilt: b.writeTilt()
        case .sitting: b.writeSitting()
        case .squeezes: b.writeSqueezes()
        case .singleLeg: b.writeSingleLeg()
        case .cushion: b.writeCushion()
        case .deskDay: b.writeDeskDay()
        }
        return b
    }
}

/// One script per scenario, each a plain list of phases.
extension ScriptBuilder {
    fileprivate mutating func writeStanding() {
        stand(120, label: "quiet standing (calibration reference)")
    }

    fileprivate mutating func writeTilt() {
        stand(20, label: "neutral (calibration)")
        // (degrees, seconds): long and short spells, small and large tilts, each back to neutral.
        for (degrees, seconds) in [(15.0, 20.0), (15, 3), (20, 30), (15, 4), (5, 20), (12, 60)] {
            tiltSpell(degrees, seconds)
            stand(20, label: "neutral")
        }
    }

    fileprivate mutating func writeSitting() {
        stand(20, label: "standing (calibration)")
        sitDown()
        sit(600, label: "bout 1 (10 min)")
        standUp()
        stand(10, label: "short break")
        walk(14)
        stopWalking(5)
        sitDown()
        sit(1920, label: "bout 2 (32 min)")
        standUp()
        walk(90)
        stopWalking(20)
        sitDown()
        sit(300, label: "bout 3 (5 min)")
        standUp()
        stand(20)
    }

    fileprivate mutating func writeSqueezes() {
        stand(15, label: "standing tall (calibration)")
        for rep in 1...10 {
            standingSqueeze(rep == 4 || rep == 8 ? 3 : 5, rep: rep)
            release(5)
        }
        stand(10)
    }

    fileprivate mutating func writeSingleLeg() {
        stand(15, label: "standing (calibration)")
        singleLegStance(lift: .left, dropDeg: 9)
        stand(8)
        singleLegStance(lift: .right, dropDeg: 2)
        stand(8)
        singleLegStance(lift: .left, dropDeg: 8)
        stand(8)
        singleLegStance(lift: .right, dropDeg: 2.5)
        stand(10)
    }

    fileprivate mutating func writeCushion() {
        stand(15, label: "standing (calibration, cushion empty)")
        sitDown()
        sit(30)
        seatedSqueeze(.left, 5)
        sit(10, label: "rest")
        seatedSqueeze(.right, 5)
        sit(10, label: "rest")
        seatedSqueeze(.both, 5)
        sit(10, label: "rest")
        seatedSqueeze(.left, 3, strength: 0.6)
        sit(20)
        standUp()
        stand(15, label: "standing (cushion empty)")
    }

    fileprivate mutating func writeDeskDay() {
        stand(20, label: "standing still (automatic calibration)")
        walk(30)
        stopWalking(5)
        sitDown()
        sit(60, label: "bout 1")
        seatedSqueeze(.left, 5)
        sit(10, label: "bout 1")
        seatedSqueeze(.right, 5)
        sit(1810, label: "bout 1 (31.5 min in all)")
        standUp()
        walk(70)
        stopWalking(10)
        tiltSpell(15, 20)
        stand(15, label: "neutral")
        tiltSpell(15, 3)
        stand(15, label: "neutral")
        tiltSpell(18, 25)
        stand(30, label: "neutral, standing tall")
        for rep in 1...10 {
            standingSqueeze(rep == 4 ? 3 : 5, rep: rep)
            release(5)
        }
        stand(10)
        singleLegStance(lift: .left, dropDeg: 9)
        stand(6)
        singleLegStance(lift: .right, dropDeg: 2)
        stand(10)
        walk(20)
        stopWalking(5)
        sitDown()
        sit(240, label: "bout 2")
        standUp()
        stand(30, label: "short break")
        sitDown()
        sit(60, label: "bout 3")
        standUp()
        stand(20)
    }
}
