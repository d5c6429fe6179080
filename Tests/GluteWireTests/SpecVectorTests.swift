import Foundation
import Testing
@testable import GluteWire

/// The vectors of firmware-protocol.md, read from the spec itself.
struct SpecVector: CustomStringConvertible {
    var name: String
    var bytes: [UInt8]
    var expect: [String]
    var description: String { name }

    static func load() throws -> [SpecVector] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("firmware-protocol.md"), encoding: .utf8)
        var vectors: [SpecVector] = []
        var current: SpecVector?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```vector" {
                current = SpecVector(name: "", bytes: [], expect: [])
            } else if line == "```", let v = current {
                vectors.append(v)
                current = nil
            } else if current != nil {
                if line.hasPrefix("name: ") { current!.name = String(line.dropFirst(6)) }
                if line.hasPrefix("hex: ") { current!.bytes = parseHex(String(line.dropFirst(5))) }
                if line.hasPrefix("expect: ") { current!.expect.append(String(line.dropFirst(8))) }
            }
        }
        return vectors
    }
}

@Suite("firmware-protocol.md test vectors")
struct SpecVectorTests {
    @Test func specHasTheRequiredVectors() throws {
        let names = Set(try SpecVector.load().map(\.name))
        #expect(names.count >= 10)
        for required in ["imu-batch", "pressure-batch", "device-info", "unknown-type", "corrupt-crc"] {
            #expect(names.contains(required), "missing vector \(required)")
        }
    }

    @Test(arguments: try SpecVector.load())
    func vectorDecodesAsSpecified(_ vector: SpecVector) {
        #expect(decodeAll(vector.bytes).map(\.json) == vector.expect)
    }

    @Test(arguments: try SpecVector.load())
    func vectorDecodesIdenticallyOneByteAtATime(_ vector: SpecVector) {
        #expect(decodeAll(vector.bytes, chunks: [1]).map(\.json) == vector.expect)
    }

    @Test func payloadWithZeroBytesHasNoZeroInsideTheFrame() throws {
        let vector = try #require(try SpecVector.load().first { $0.name == "imu-batch" })
        #expect(vector.bytes.first == 0 && vector.bytes.last == 0)
        #expect(!vector.bytes.dropFirst().dropLast().contains(0))
    }

    /// Our encoder must produce the spec's bytes exactly, not merely decode them.
    @Test func encoderReproducesTheIMUVector() throws {
        let vector = try #require(try SpecVector.load().first { $0.name == "imu-batch" })
        let batch = IMUBatch(intervalMicros: 10_000, accelRangeG: 8, gyroRangeDPS: 2000, samples: [
            .init(accel: (0, 0, 4096), gyro: (0, 0, 0)),
            .init(accel: (-410, 12, 4075), gyro: (16, -33, 1)),
            .init(accel: (-820, -5, 4014), gyro: (-16, 2, 0)),
        ])
        var encoder = NativeEncoder(firstSequence: 7)
        #expect(encoder.encode(.imu(batch), timeMicros: 2_500_000) == vector.bytes)
    }
}
