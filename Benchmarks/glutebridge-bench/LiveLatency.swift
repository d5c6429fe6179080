import Glibc
import GluteCore
import GluteDevices
import GluteSession
import GluteWire
import Synchronization

// `glutebridge-bench --live`: how long a frame takes from the sensor's write to the end of the
// pipeline, through the path `monitor` reads a serial device with: a real pty, `SerialPort` on its
// slave, a `SourceReader` thread, and `SessionEngine` (decoder and every detector).

/// Latency figures of one paced stream, in microseconds.
struct LatencyFigures {
    let frames: Int
    let p50: Double
    let p99: Double
    let maximum: Double
    /// Frames whose last sample never arrived (should be 0).
    let lost: Int
}

/// When the reader thread finished each sample, by arrival order. Written on the reader thread,
/// read once the reader has stopped.
private final class DeliveryLog: Sendable {
    private let times: Mutex<[Double]>

    init(capacity: Int) {
        times = Mutex([Double](repeating: .nan, count: capacity))
    }

    /// Stamps sample `index` (ignored past the capacity: samples the generator did not count).
    func stamp(_ index: Int, at time: Double) {
        times.withLock { if index < $0.count { $0[index] = time } }
    }

    /// Whether the last sample has arrived.
    var isComplete: Bool { times.withLock { !($0.last?.isNaN ?? false) } }

    var all: [Double] { times.withLock { $0 } }
}

enum LiveLatency {
    /// Plays `stream` into a new pty at its own pace and reads it back through the live path;
    /// the latency of a burst is from just before its write to the pipeline having processed its
    /// last sample.
    static func measure(_ stream: PacedStream) throws -> LatencyFigures {
        let pty = try PseudoTerminal()
        defer { try? pty.close() }
        let port = try SerialPort(path: pty.slavePath)
        defer { try? port.close() }
        let log = DeliveryLog(capacity: stream.totalSamples)
        var engine = SessionEngine(decoder: NativeDecoder(), pipeline: Pipeline(settings: PipelineSettings()))
        var delivered = 0
        let reader = try SourceReader(reading: port, onChunk: { chunk in
            engine.feed(chunk.bytes[...], monotonic: chunk.monotonic, wall: chunk.wall, afterSample: { _, _ in
                log.stamp(delivered, at: monotonicSeconds())
                delivered += 1
            }) { _ in }
        }, onDisconnect: { _ in })

        var writtenAt = [Double](repeating: .nan, count: stream.bursts.count)
        let completed = stream.play(write: { bytes in
            do { try pty.write(bytes, timeout: 5) } catch { return false }
            return true
        }, written: { writtenAt[$0] = $1 })
        // The last bursts are still on their way: give them a moment, well above any figure here.
        let drainUntil = monotonicSeconds() + 0.5
        while monotonicSeconds() < drainUntil, !log.isComplete { sleepUntil(monotonic: monotonicSeconds() + 0.01) }
        reader.stop()
        if !completed { throw BenchError("--live: the pty stopped taking bytes") }

        let deliveries = log.all
        var latencies: [Double] = []
        var lost = 0
        var lastSample = 0
        for (index, burst) in stream.bursts.enumerated() where burst.samples > 0 {
            lastSample += burst.samples
            let done = deliveries[lastSample - 1]
            if done.isNaN { lost += 1 } else { latencies.append((done - writtenAt[index]) * 1e6) }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? .nan : latencies[min(latencies.count - 1, Int((p * Double(latencies.count)).rounded(.up)) - 1)]
        }
        return LatencyFigures(frames: latencies.count, p50: percentile(0.50), p99: percentile(0.99), maximum: latencies.last ?? .nan, lost: lost)
    }

    /// The three streams `make bench` reports: a typical belt sensor, and 1 kHz both frame by
    /// frame and in full frames (12 samples with a magnetometer fill one).
    static func runAll(seconds: Double) -> Bool {
        let shapes: [(rate: Double, perFrame: Int, seconds: Double)] = [
            (100, 5, seconds * 2), (1000, 1, seconds), (1000, 12, seconds),
        ]
        print("live latency: pty master write -> SerialPort -> SourceReader -> SessionEngine (decoder, pipeline), release build")
        print(pad("stream", 36) + pad("frames", 8, right: true) + pad("p50 us", 10, right: true) + pad("p99 us", 10, right: true)
              + pad("max us", 10, right: true))
        var fine = true
        for shape in shapes {
            let stream = PacedStream(rateHz: shape.rate, samplesPerFrame: shape.perFrame, seconds: shape.seconds)
            let name = "\(Int(shape.rate)) Hz, \(shape.perFrame) sample\(shape.perFrame == 1 ? "" : "s")/frame, \(Int(shape.seconds)) s"
            do {
                let f = try measure(stream)
                print(pad(name, 36) + pad(String(f.frames), 8, right: true) + pad(fixed(f.p50, decimals: 1), 10, right: true)
                      + pad(fixed(f.p99, decimals: 1), 10, right: true) + pad(fixed(f.maximum, decimals: 0), 10, right: true)
                      + (f.lost > 0 ? "  \(f.lost) frames lost" : ""))
                if f.lost > 0 { fine = false }
            } catch {
                print(pad(name, 36) + "  failed: \(error)")
                fine = false
            }
        }
        print("latency of a frame: from just before its write into the pty master to the pipeline done with its last sample")
        return fine
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
