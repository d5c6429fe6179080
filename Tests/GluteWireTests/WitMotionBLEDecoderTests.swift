import GluteSim
import Testing
@testable import GluteWire

@Suite struct WitMotionBLEDecoderTests {
    /// 0x55 0x61 + nine int16 words, from the documented layout.
    static func layoutPacket(_ words: [Int16]) -> [UInt8] {
        var bytes: [UInt8] = [0x55, 0x61]
        for word in words {
            bytes.append(UInt8(UInt16(bitPattern: word) & 0xFF))
            bytes.append(UInt8(UInt16(bitPattern: word) >> 8))
        }
        return bytes
    }

    @Test func literalPacketDecodes() throws {
        let packet = Self.layoutPacket([-2048, 1024, 0, 0, 0, 16384, 0, 8192, -32768])
        #expect(packet.count == 20)
        var decoder = WitMotionBLEDecoder()
        let samples = CSVWitHarness.imuSamples(CSVWitHarness.run(&decoder, packet, .whole, hostTime: 9))
        let sample = try #require(samples.first)
        #expect(sample.time == 9)
        #expect(sample.accel == Vector3(-1, 0.5, 0))
        #expect(sample.gyro == Vector3(0, 0, 1000))
        #expect(decoder.angles == WitMotionAngles(roll: 0, pitch: 45, yaw: -180))
    }

    @Test func packetsReassembleAcrossAndWithinNotifications() {
        var random = SplitMix64(seed: 21)
        let originals = (0..<100).map { _ in WitMotionDecoderTests.randomSample(&random) }
        let bytes = originals.flatMap { WitMotionEncoder.blePacket(for: $0) }
        var whole = WitMotionBLEDecoder()
        let reference = CSVWitHarness.run(&whole, bytes, .whole)
        #expect(CSVWitHarness.imuSamples(reference).count == 100)
        #expect(CSVWitHarness.anomalies(reference).isEmpty)
        var bytewise = WitMotionBLEDecoder()
        #expect(CSVWitHarness.run(&bytewise, bytes, .bytewise) == reference)
        for seed in UInt64(1)...10 {
            var chunked = WitMotionBLEDecoder()
            #expect(CSVWitHarness.run(&chunked, bytes, .random(seed: seed, maximum: 45)) == reference)
        }
        for (original, sample) in zip(originals, CSVWitHarness.imuSamples(reference)) {
            #expect((original.accel - sample.accel).norm <= 16.0 / 65536 * 3.0.squareRoot())
            #expect((original.gyro - sample.gyro).norm <= 2000.0 / 65536 * 3.0.squareRoot())
        }
    }

    @Test func garbageResyncsAndRegisterRepliesAreUsed() throws {
        var random = SplitMix64(seed: 4)
        let originals = (0..<10).map { _ in WitMotionDecoderTests.randomSample(&random) }
        var bytes: [UInt8] = []
        for (index, sample) in originals.enumerated() {
            if index == 3 { bytes += [0x01, 0x55, 0x62, 0x55] }
            if index == 6 { bytes += WitMotionEncoder.bleQuaternionReply(Quaternion(w: 0.5, x: 0.5, y: 0.5, z: 0.5)) }
            bytes += WitMotionEncoder.blePacket(for: sample)
        }
        var decoder = WitMotionBLEDecoder()
        let outputs = CSVWitHarness.run(&decoder, bytes, .whole)
        var again = WitMotionBLEDecoder()
        #expect(CSVWitHarness.run(&again, bytes, .bytewise) == outputs)
        let samples = CSVWitHarness.imuSamples(outputs)
        #expect(samples.count == 10)
        #expect(decoder.statistics.skippedBytes == 4)
        #expect(decoder.statistics.resyncs == 1)
        #expect(samples[6].quaternion == Quaternion(w: 0.5, x: 0.5, y: 0.5, z: 0.5))
        #expect(samples[7].quaternion != Quaternion(w: 0.5, x: 0.5, y: 0.5, z: 0.5))
        for (original, sample) in zip(originals, samples) {
            #expect((original.accel - sample.accel).norm < 1e-3)
        }

        for _ in 0..<300 {
            var noise: [UInt8] = []
            for _ in 0..<Int.random(in: 0...300, using: &random) {
                let roll = random.next() % 4
                noise.append(roll == 0 ? 0x55 : roll == 1 ? 0x61 : UInt8.random(in: 0...255, using: &random))
            }
            var a = WitMotionBLEDecoder(), b = WitMotionBLEDecoder()
            let out = CSVWitHarness.run(&a, noise, .random(seed: random.next(), maximum: 23))
            #expect(CSVWitHarness.run(&b, noise, .bytewise) == out)
            #expect(a.statistics.frames * 20 + a.statistics.skippedBytes == noise.count)
        }
    }
}
