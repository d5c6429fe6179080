extension Scenario {
    /// Writes the scenario's script. Every script starts and ends in quiet neutral standing facing
    /// the start direction (turns come in pairs), so a looped run stays continuous.
    func buildScript(stepRateHz: Double) -> ScriptBuilder {
        var b = ScriptBuilder(stepRateHz: stepRateHz)
        switch self {
        case .standing:
            b.stand(120, label: "quiet standing (calibration reference)")

        case .tilt:
            b.stand(20, label: "neutral (calibration)")
            b.tiltSpell(15, 20)
            b.stand(20, label: "neutral")
            b.tiltSpell(15, 3)
            b.stand(20, label: "neutral")
            b.tiltSpell(20, 30)
            b.stand(20, label: "neutral")
            b.tiltSpell(15, 4)
            b.stand(20, label: "neutral")
            b.tiltSpell(5, 20)
            b.stand(20, label: "neutral")
            b.tiltSpell(12, 60)
            b.stand(20, label: "neutral")

        case .sitting:
            b.stand(20, label: "standing (calibration)")
            b.sitDown()
            b.sit(600, label: "bout 1 (10 min)")
            b.standUp()
            b.stand(10, label: "short break")
            b.walk(14)
            b.stopWalking(5)
            b.sitDown()
            b.sit(1920, label: "bout 2 (32 min)")
            b.standUp()
            b.walk(90)
            b.stopWalking(20)
            b.sitDown()
            b.sit(300, label: "bout 3 (5 min)")
            b.standUp()
            b.stand(20)

        case .squeezes:
            b.stand(15, label: "standing tall (calibration)")
            for rep in 1...10 {
                b.standingSqueeze(rep == 4 || rep == 8 ? 3 : 5, rep: rep)
                b.release(5)
            }
            b.stand(10)

        case .singleLeg:
            b.stand(15, label: "standing (calibration)")
            b.singleLegStance(lift: .left, dropDeg: 9)
            b.stand(8)
            b.singleLegStance(lift: .right, dropDeg: 2)
            b.stand(8)
            b.singleLegStance(lift: .left, dropDeg: 8)
            b.stand(8)
            b.singleLegStance(lift: .right, dropDeg: 2.5)
            b.stand(10)

        case .cushion:
            b.stand(15, label: "standing (calibration, cushion empty)")
            b.sitDown()
            b.sit(30)
            b.seatedSqueeze(.left, 5)
            b.sit(10, label: "rest")
            b.seatedSqueeze(.right, 5)
            b.sit(10, label: "rest")
            b.seatedSqueeze(.both, 5)
            b.sit(10, label: "rest")
            b.seatedSqueeze(.left, 3, strength: 0.6)
            b.sit(20)
            b.standUp()
            b.stand(15, label: "standing (cushion empty)")

        case .deskDay:
            b.stand(20, label: "standing still (automatic calibration)")
            b.walk(30)
            b.stopWalking(5)
            b.sitDown()
            b.sit(60, label: "bout 1")
            b.seatedSqueeze(.left, 5)
            b.sit(10, label: "bout 1")
            b.seatedSqueeze(.right, 5)
            b.sit(1810, label: "bout 1 (31.5 min in all)")
            b.standUp()
            b.walk(70)
            b.stopWalking(10)
            b.tiltSpell(15, 20)
            b.stand(15, label: "neutral")
            b.tiltSpell(15, 3)
            b.stand(15, label: "neutral")
            b.tiltSpell(18, 25)
            b.stand(30, label: "neutral, standing tall")
            for rep in 1...10 {
                b.standingSqueeze(rep == 4 ? 3 : 5, rep: rep)
                b.release(5)
            }
            b.stand(10)
            b.singleLegStance(lift: .left, dropDeg: 9)
            b.stand(6)
            b.singleLegStance(lift: .right, dropDeg: 2)
            b.stand(10)
            b.walk(20)
            b.stopWalking(5)
            b.sitDown()
            b.sit(240, label: "bout 2")
            b.standUp()
            b.stand(30, label: "short break")
            b.sitDown()
            b.sit(60, label: "bout 3")
            b.standUp()
            b.stand(20)
        }
        return b
    }
}
