import GluteCore
import GluteSim
import GluteWire

/// How samples reach the pipeline in a scenario test.
enum SamplePath: String, CaseIterable, Sendable, CustomStringConvertible {
    /// The virtual sensor's samples as Doubles, straight into the pipeline.
    case direct
    /// Through the simulated firmware's native-protocol bytes and `NativeDecoder`: int16 counts,
    /// batched frames, device timestamps in microseconds; the path a real sensor takes.
    case wire

    var description: String { rawValue }
}

/// One scenario run through the pipeline with default settings, and its ground truth.
struct ScenarioRun: Sendable {
    let scenario: Scenario
    let path: SamplePath
    let seed: UInt64
    let hasCushion: Bool
    /// The scripted segments, contiguous from 0 to the scenario's end.
    let timeline: [ScriptSegment]
    let events: [Event]
    /// Samples fed to the pipeline.
    let sampleCount: Int

    init(_ scenario: Scenario, path: SamplePath, seed: UInt64 = 1, settings: PipelineSettings = PipelineSettings(),
         simulation base: SimulationSettings = SimulationSettings()) {
        var simulation = base
        simulation.seed = seed
        let sensor = VirtualSensor(scenario: scenario, settings: simulation)
        self.scenario = scenario
        self.path = path
        self.seed = seed
        hasCushion = sensor.hasCushion
        timeline = sensor.timeline
        var pipeline = Pipeline(settings: settings)
        var events: [Event] = []
        var count = 0
        switch path {
        case .direct:
            var source = sensor
            while let sample = source.next() {
                count += 1
                pipeline.process(sample) { events.append($0) }
            }
        case .wire:
            var firmware = SimulatedFirmware(scenario: scenario, simulation: simulation)
            var decoder = NativeDecoder()
            while let output = firmware.next() {
                decoder.feed(output.bytes[...], hostTime: output.time) { decoded in
                    guard case .sample(let sample) = decoded else { return }
                    count += 1
                    pipeline.process(sample) { events.append($0) }
                }
            }
            decoder.finish(hostTime: 0) { _ in }
        }
        pipeline.finish { events.append($0) }
        self.events = events
        sampleCount = count
    }

    func events(_ type: String) -> [Event] { events.filter { $0.type == type } }

    /// Segments matching `predicate`, in order.
    func segments(where predicate: (ScriptSegment) -> Bool) -> [ScriptSegment] { timeline.filter(predicate) }

    var end: Double { timeline.last?.end ?? 0 }
}

/// Runs are expensive (a desk day is 320 000 samples); each one is made once per process.
actor ScenarioRuns {
    static let shared = ScenarioRuns()
    private struct Key: Hashable { let scenario: Scenario; let path: SamplePath; let seed: UInt64 }
    private var runs: [Key: Task<ScenarioRun, Never>] = [:]

    func run(_ scenario: Scenario, _ path: SamplePath, seed: UInt64 = 1) async -> ScenarioRun {
        let key = Key(scenario: scenario, path: path, seed: seed)
        if let task = runs[key] { return await task.value }
        let task = Task.detached { ScenarioRun(scenario, path: path, seed: seed) }
        runs[key] = task
        return await task.value
    }
}
