import Foundation
import GluteCore
import GluteSim
import Testing

func describe(_ event: Event) -> String {
    let fields = event.fields.map { name, value -> String in
        switch value {
        case .number(let x): return "\(name)=\(String(format: "%.2f", x))"
        case .integer(let i): return "\(name)=\(i)"
        case .string(let s): return "\(name)=\(s)"
        case .bool(let b): return "\(name)=\(b)"
        }
    }
    return String(format: "%9.2f ", event.time) + event.type + " " + fields.joined(separator: " ")
}

@Test(.enabled(if: ProcessInfo.processInfo.environment["GLUTE_DUMP"] != nil, "set GLUTE_DUMP=scenario,path to print events"))
func dumpScenarioEvents() async {
    let spec = ProcessInfo.processInfo.environment["GLUTE_DUMP"]!.split(separator: ",").map(String.init)
    let scenarios = spec[0] == "all" ? Scenario.allCases : [Scenario(rawValue: spec[0])!]
    let path = spec.count > 1 ? SamplePath(rawValue: spec[1])! : .direct
    let seed = spec.count > 2 ? UInt64(spec[2])! : 1
    for scenario in scenarios {
        let start = Date()
        let run = ScenarioRun(scenario, path: path, seed: seed)
        print("== \(scenario.rawValue) \(path) seed \(seed): \(run.sampleCount) samples in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        if ProcessInfo.processInfo.environment["GLUTE_SCRIPT"] != nil { for s in run.timeline { print("   ", s) } }
        for e in run.events { print(describe(e)) }
    }
    #expect(Bool(true))
}
