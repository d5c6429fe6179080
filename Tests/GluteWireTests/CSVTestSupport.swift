import Foundation
import GluteSim
@testable import GluteWire

/// Helpers shared by the CSV, Serial Plotter and WitMotion tests (named to avoid clashing with
/// other suites in this target).
enum CSVWitHarness {
    enum Chunking {
        case whole
        case bytewise
        case random(seed: UInt64, maximum: Int)
    }

    /// Feeds `bytes` in the given chunking (all chunks at `hostTime`), then finishes.
    static func run<D: StreamDecoder>(_ decoder: inout D, _ bytes: [UInt8], _ chunking: Chunking,
                                      hostTime: Double = 0) -> [DecoderOutput] {
        var outputs: [DecoderOutput] = []
        let emit: (DecoderOutput) -> Void = { outputs.append($0) }
        switch chunking {
        case .whole:
            decoder.feed(bytes[...], hostTime: hostTime, emit: emit)
        case .bytewise:
            for index in bytes.indices { decoder.feed(bytes[index...index], hostTime: hostTime, emit: emit) }
        case .random(let seed, let maximum):
            var random = SplitMix64(seed: seed)
            var start = 0
            while start < bytes.count {
                let length = Int.random(in: 0...maximum, using: &random)
                let end = min(bytes.count, start + length)
                decoder.feed(bytes[start..<end], hostTime: hostTime, emit: emit)
                start = end
            }
        }
        decoder.finish(hostTime: hostTime, emit: emit)
        return outputs
    }

    static func run<D: StreamDecoder>(_ decoder: D, _ text: String, _ chunking: Chunking = .whole,
                                      hostTime: Double = 0) -> (outputs: [DecoderOutput], decoder: D) {
        var copy = decoder
        let outputs = run(&copy, Array(text.utf8), chunking, hostTime: hostTime)
        return (outputs, copy)
    }

    static func imuSamples(_ outputs: [DecoderOutput]) -> [IMUSample] {
        outputs.compactMap { if case .sample(.imu(let s)) = $0 { return s } else { return nil } }
    }

    static func pressureSamples(_ outputs: [DecoderOutput]) -> [PressureSample] {
        outputs.compactMap { if case .sample(.pressure(let s)) = $0 { return s } else { return nil } }
    }

    static func anomalies(_ outputs: [DecoderOutput]) -> [DecoderAnomaly] {
        outputs.compactMap { if case .anomaly(let a) = $0 { return a } else { return nil } }
    }

    /// `../shared/data` beside the package root.
    static let dataDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static func dataFile(_ relative: String) -> URL { dataDirectory.appendingPathComponent(relative) }

    static func hasData(_ relative: String) -> Bool {
        FileManager.default.isReadableFile(atPath: dataFile(relative).path)
    }

    static func read(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: dataFile(relative)))
    }

    /// Decompresses with /bin/gzip (tests only; the module itself does no I/O).
    static func gunzip(_ relative: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", dataFile(relative).path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    static var hasGzip: Bool { FileManager.default.isExecutableFile(atPath: "/bin/gzip") }

    /// Lines that are neither blank nor `#` comments, counted independently of the decoder.
    static func contentLines(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !$0.hasPrefix("#") }
    }
}
