import GluteCore
import GluteSim
import GluteWire
import Testing

/// Pelvic drop angles do not lean with a constant gyroscope bias: the scenarios with drops, with a set bias of
/// 1 deg/s on each axis, both signs, reads the same drops (side and count) and the same angles
/// within 0.1 deg as without a bias (issue 11 asks for 0.3; measured from the orientation filter's
/// up direction and a neutral averaged from it, as before, they moved by 0.17-0.22 deg at 1 deg/s
/// about x).
@Suite struct PelvicDropBiasTests {
    static func drops(_ scenario: Scenario, bias: Vector3) -> [(side: Side, angle: Double)] {
        var simulation = SimulationSettings()
        simulation.gyroBias = bias
        simulation.gyroBiasSpread = 0
        let run = ScenarioRun(scenario, path: .direct, simulation: simulation)
        return run.events.compactMap { event in
            if case let .pelvicDrop(side, angle, _, _) = event.kind { return (side, angle) }
            return nil
        }
    }

    @Test(arguments: [Vector3(1, 0, 0), Vector3(-1, 0, 0), Vector3(0, 1, 0), Vector3(0, -1, 0),
                      Vector3(0, 0, 1), Vector3(0, 0, -1), Vector3(0.6, -0.6, 0.6)])
    func dropAnglesIgnoreGyroBias(bias: Vector3) {
        var total = 0
        for scenario in [Scenario.singleLeg, .deskDay] {
            let reference = Self.drops(scenario, bias: .zero)
            let biased = Self.drops(scenario, bias: bias)
            total += reference.count
            print("\(scenario.rawValue) bias \(bias): " + zip(reference, biased).map { String(format: "%@ %.2f -> %.2f", $0.0.side.rawValue, $0.0.angle, $0.1.angle) }.joined(separator: ", "))
            #expect(biased.map(\.side) == reference.map(\.side), "\(scenario.rawValue) bias \(bias)")
            for (r, b) in zip(reference, biased) {
                #expect(abs(b.angle - r.angle) <= 0.1, "\(scenario.rawValue) bias \(bias): \(r.side) drop \(b.angle) deg, \(r.angle) deg without bias")
            }
        }
        #expect(total >= 2)
    }
}
