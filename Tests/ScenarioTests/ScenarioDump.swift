import Foundation
import GluteCore
import GluteSim
import Testing

/// Prints a scenario's events and its expected-vs-detected table, for looking into a failure:
/// `GLUTE_DUMP=scenario|all[,direct|wire[,seed]] swift test --filter dumpScenarioEvents`
/// (`GLUTE_SCRIPT=1` adds the script).
@Test(.enabled(if: ProcessInfo.processInfo.environment["GLUTE_DUMP"] != nil, "set GLUTE_DUMP=scenario[,path[,seed]] to print events"))
func dumpScenarioEvents() throws {
    let spec = (ProcessInfo.processInfo.environment["GLUTE_DUMP"] ?? "").split(separator: ",").map(String.init)
    let scenarios = spec.first == "all" ? Scenario.allCases : [try #require(Scenario(rawValue: spec.first ?? ""))]
    let path = spec.count > 1 ? try #require(SamplePath(rawValue: spec[1])) : .direct
    let seed = spec.count > 2 ? try #require(UInt64(spec[2])) : 1
    for scenario in scenarios {
        let run = ScenarioRun(scenario, path: path, seed: seed)
        print("== \(scenario.rawValue) \(path) seed \(seed): \(run.sampleCount) samples")
        if ProcessInfo.processInfo.environment["GLUTE_SCRIPT"] != nil { for s in run.timeline { print("   ", s) } }
        for e in run.events { print("  ", describe(e)) }
        let check = ScenarioCheck(run)
        print("   type                expected detected worst error")
        for row in check.rows { print("   \(row)") }
        for p in check.problems { print("   PROBLEM \(p)") }
        #expect(run.sampleCount > 0)
    }
}
