import Foundation
import GluteCore
import GluteDevices
import GluteLog
import GluteSession
import GluteWire
import Testing

/// CSV in seconds and g: a body at rest, `count` samples at 100 Hz.
private func stillCSV(count: Int, from start: Double = 0) -> [UInt8] {
    var text = "time_s,acc_x_g,acc_y_g,acc_z_g\n"
    for i in 0..<count { text += "\(start + Double(i) / 100),0,0,1\n" }
    return Array(text.utf8)
}

private func csvEngine() throws -> SessionEngine {
    SessionEngine(decoder: try DecoderChoice.csv.makeDecoder(columns: nil), pipeline: Pipeline(settings: PipelineSettings()))
}

@Suite struct SessionEngineTests {
    @Test func countsSamplesAndKeepsTheLastTime() throws {
        var engine = try csvEngine()
        var seen = 0
        engine.feed(stillCSV(count: 250)[...], monotonic: 0, wall: 0, onSample: { _ in seen += 1 }) { _ in }
        engine.finish { _ in }
        #expect(engine.samplesProcessed == 250)
        #expect(seen == 250)
        #expect(engine.lastSampleTime == 2.49)
    }

    @Test func onlyTheWindowReachesThePipeline() throws {
        var engine = try csvEngine()
        engine.window = 1.0...1.5
        var times: [Double] = []
        engine.feed(stillCSV(count: 300)[...], monotonic: 0, wall: 0, onSample: { times.append($0.time) }) { _ in }
        #expect(engine.samplesProcessed == 51)
        #expect(times.first == 1.0 && times.last == 1.5)
        // The last sample is remembered even outside the window: link events are placed after it.
        #expect(engine.lastSampleTime == 2.99)
    }

    @Test func eventsCarryTheArrivalWallTimeOrTheStreamTimeFromABase() throws {
        var engine = try csvEngine()
        var arrived: [TimedEvent] = []
        engine.linkConnected(device: "sensor", wall: 500, emit: { arrived.append($0) })
        #expect(arrived == [TimedEvent(event: Event(time: 0, kind: .linkConnected(device: "sensor")), wall: 500)])

        var based = try csvEngine()
        based.wallFromStreamTime = 1000
        var walls: [Double] = []
        based.feed(stillCSV(count: 10)[...], monotonic: 0, wall: 7, onSample: { _ in }) { walls.append($0.wall) }
        based.linkDisconnected(reason: "unplugged", wall: 2000) { walls.append($0.wall) }
        #expect(walls.last == 2000)
    }

    @Test func aReconnectReportsTheGapOnTheWallClock() throws {
        var engine = try csvEngine()
        engine.feed(stillCSV(count: 10)[...], monotonic: 0, wall: 100) { _ in }
        var events: [TimedEvent] = []
        engine.linkDisconnected(reason: "gone", wall: 100) { events.append($0) }
        engine.linkConnected(device: "back", wall: 103.5) { events.append($0) }
        #expect(events.map(\.event.kind) == [.linkDisconnected(reason: "gone"), .linkConnected(device: "back"),
                                             .linkGap(duration: 3.5, lostFrames: 0)])
        #expect(events.allSatisfy { $0.event.time == 0.09 })
    }
}

@Suite struct ReplayRunnerTests {
    private func writeTemporary(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aPlainFileGivesTheEnginesEventsDatedFromItsModificationTime() throws {
        let bytes = stillCSV(count: 400)
        let path = try writeTemporary(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try RecordedInput(path: path, decoder: .csv)
        #expect(!input.isCapture)
        var replayed: [TimedEvent] = []
        let result = try ReplayRunner.run(input, settings: PipelineSettings(), options: ReplayOptions()) { replayed.append($0) }
        #expect(result.samples == 400)
        #expect(result.lastSampleTime == 3.99)
        #expect(!result.interrupted)

        var engine = try csvEngine()
        engine.wallFromStreamTime = input.wallBase
        var direct: [TimedEvent] = []
        engine.feed(bytes[...], monotonic: 0, wall: 0) { direct.append($0) }
        engine.finish { direct.append($0) }
        #expect(replayed == direct)
    }

    @Test func theWindowOptionLimitsTheSamples() throws {
        let path = try writeTemporary(stillCSV(count: 400))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try RecordedInput(path: path, decoder: .csv)
        let result = try ReplayRunner.run(input, settings: PipelineSettings(), options: ReplayOptions(window: 0...0.995)) { _ in }
        #expect(result.samples == 100)
    }

    @Test func aPacedReplayStopsWhenAnInterruptIsReadable() throws {
        let path = try writeTemporary(stillCSV(count: 400))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try RecordedInput(path: path, decoder: .csv)
        let stop = try WakeUp()
        stop.signal()
        // At real time, 4 s of stream would take 4 s; the interrupt ends it at the second sample.
        let result = try ReplayRunner.run(input, settings: PipelineSettings(), options: ReplayOptions(speed: 1),
                                          interrupts: [stop.pollDescriptor]) { _ in }
        #expect(result.interrupted)
    }
}

@Suite struct EventQueueTests {
    private func event(_ n: Int) -> TimedEvent {
        TimedEvent(event: Event(time: Double(n), kind: .linkConnected(device: "d\(n)")), wall: Double(n))
    }

    @Test func drainHandsOverInOrderAndEmptiesTheQueue() throws {
        let queue = try EventQueue(capacity: 10)
        for n in 0..<3 { queue.push(event(n)) }
        let first = queue.drain()
        #expect(first.events == [event(0), event(1), event(2)])
        #expect(first.dropped == 0)
        let second = queue.drain()
        #expect(second.events.isEmpty && second.dropped == 0)
    }

    @Test func aFullQueueDropsTheOldestAndCountsThemOnce() throws {
        let queue = try EventQueue(capacity: 3)
        for n in 0..<5 { queue.push(event(n)) }
        let drained = queue.drain()
        #expect(drained.events == [event(2), event(3), event(4)])
        #expect(drained.dropped == 2)
        queue.push(event(5))
        #expect(queue.drain().dropped == 0)
    }

    @Test func itsDescriptorIsReadableExactlyWhileEventsWait() throws {
        let queue = try EventQueue(capacity: 4)
        #expect(waitReadable([queue.pollDescriptor], timeout: 0) == nil)
        queue.push(event(1))
        #expect(waitReadable([queue.pollDescriptor], timeout: 0) == queue.pollDescriptor)
        _ = queue.drain()
        #expect(waitReadable([queue.pollDescriptor], timeout: 0) == nil)
    }
}
