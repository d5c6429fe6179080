import GluteSim
import Testing
@testable import GluteWire

@Suite struct WitMotionDecoderTests {
    /// A packet built from the documented layout, independently of `WitMotionEncoder`.
    static func layoutPacket(_ type: UInt8, _ words: [Int16]) -> [UInt8] {
        var bytes: [UInt8] = [0x55, type]
        for word in words {
            bytes.append(UInt8(UInt16(bitPattern: word) & 0xFF))
            bytes.append(UInt8(UInt16(bitPattern: word) >> 8))
        }
        let sum = bytes.reduce(0) { $0 + Int($1) }
        bytes.append(UInt8(sum & 0xFF))
        return bytes
    }

    static func randomSample(_ random: inout SplitMix64) -> IMUSample {
        func value(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &random) }
        return IMUSample(time: 0, accel: Vector3(value(-2...2), value(-2...2), value(-2...2)),
                         gyro: Vector3(value(-500...500), value(-500...500), value(-500...500)),
                         quaternion: WitMotionAngles(roll: value(-170...170), pitch: value(-80...80), yaw: value(-170...170)).quaternion)
    }

    @Test func literalPacketsDecodeToTheirDocumentedValues() throws {
        // Accel (0, 0, 0x0800) = (0, 0, 1 g), temperature 0x09C4 = 25.00 C; checksum 0x7B by hand.
        let accel: [UInt8] = [0x55, 0x51, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08, 0xC4, 0x09, 0x7B]
        #expect(Self.layoutPacket(0x51, [0, 0, 0x0800, 2500]) == accel)
        let gyro = Self.layoutPacket(0x52, [1024, -1024, 0, 330])       // 62.5, -62.5, 0 deg/s
        let angle = Self.layoutPacket(0x53, [4096, 0, -16384, 0])        // roll 22.5, yaw -90 deg
        var decoder = WitMotionDecoder()
        let outputs = CSVWitHarness.run(&decoder, accel + gyro + angle, .bytewise, hostTime: 5)
        let samples = CSVWitHarness.imuSamples(outputs)
        #expect(samples.count == 1)
        let sample = try #require(samples.first)
        #expect(sample.time == 5)
        #expect(sample.accel == Vector3(0, 0, 1))
        #expect(sample.gyro == Vector3(62.5, -62.5, 0))
        #expect(decoder.temperature == 25)
        #expect(decoder.angles == WitMotionAngles(roll: 22.5, pitch: 0, yaw: -90))
        let back = WitMotionAngles(try #require(sample.quaternion))
        #expect(abs(back.roll - 22.5) < 1e-9 && abs(back.pitch) < 1e-9 && abs(back.yaw + 90) < 1e-9)
        #expect(decoder.statistics.frames == 3)
        #expect(CSVWitHarness.anomalies(outputs).isEmpty)
        // The encoder writes the same layout.
        let encoded = WitMotionEncoder().packets(for: IMUSample(time: 0, accel: Vector3(0, 0, 1), gyro: Vector3(62.5, -62.5, 0),
                                                                quaternion: WitMotionAngles(roll: 22.5, pitch: 0, yaw: -90).quaternion))
        #expect(encoded == accel + gyro + angle)
    }

    @Test func encodedStreamDecodesInAnyChunking() throws {
        var random = SplitMix64(seed: 42)
        let originals = (0..<300).map { _ in Self.randomSample(&random) }
        let bytes = originals.flatMap { WitMotionEncoder().packets(for: $0) }
        var whole = WitMotionDecoder()
        let reference = CSVWitHarness.run(&whole, bytes, .whole)
        var bytewise = WitMotionDecoder()
        #expect(CSVWitHarness.run(&bytewise, bytes, .bytewise) == reference)
        for seed in UInt64(1)...10 {
            var chunked = WitMotionDecoder()
            #expect(CSVWitHarness.run(&chunked, bytes, .random(seed: seed, maximum: 40)) == reference)
        }
        let samples = CSVWitHarness.imuSamples(reference)
        #expect(samples.count == originals.count)
        #expect(CSVWitHarness.anomalies(reference).isEmpty)
        var worst = (accel: 0.0, gyro: 0.0, angle: 0.0)
        for (original, decoded) in zip(originals, samples) {
            worst.accel = max(worst.accel, (original.accel - decoded.accel).norm)
            worst.gyro = max(worst.gyro, (original.gyro - decoded.gyro).norm)
            let a = WitMotionAngles(original.quaternion!), b = WitMotionAngles(try #require(decoded.quaternion))
            worst.angle = max(worst.angle, abs(a.roll - b.roll), abs(a.pitch - b.pitch), abs(a.yaw - b.yaw))
        }
        // Half a step of the 16-bit words, per axis.
        #expect(worst.accel <= 16.0 / 65536 * 3.0.squareRoot())
        #expect(worst.gyro <= 2000.0 / 65536 * 3.0.squareRoot())
        #expect(worst.angle <= 180.0 / 65536 + 1e-9)
        #expect(whole.periodTypes == [.acceleration, .angularVelocity, .angle])
        print("witmotion: \(samples.count) samples, worst error accel \(worst.accel) g, gyro \(worst.gyro) dps, angle \(worst.angle) deg")
    }

    @Test func samplesAreEmittedWhenTheirPeriodIsCompleteOnceLearned() {
        var random = SplitMix64(seed: 1)
        let encoder = WitMotionEncoder()
        var decoder = WitMotionDecoder()
        var times: [Double] = []
        let emit: (DecoderOutput) -> Void = { if case .sample(let s) = $0 { times.append(s.time) } }
        decoder.feed(encoder.packets(for: Self.randomSample(&random))[...], hostTime: 1, emit: emit)
        #expect(times.isEmpty)  // the first period's length is not known yet
        decoder.feed(encoder.packets(for: Self.randomSample(&random))[...], hostTime: 2, emit: emit)
        #expect(times == [1, 2])
        decoder.feed(encoder.packets(for: Self.randomSample(&random))[...], hostTime: 3, emit: emit)
        #expect(times == [1, 2, 3])
        // A period split over two chunks takes the time of the chunk that completed it.
        let next = encoder.packets(for: Self.randomSample(&random))
        decoder.feed(next[0..<15], hostTime: 4, emit: emit)
        decoder.feed(next[15...], hostTime: 5, emit: emit)
        #expect(times == [1, 2, 3, 5])
    }

    @Test func accelOnlyAndQuaternionStreams() throws {
        var random = SplitMix64(seed: 8)
        let originals = (0..<20).map { _ in Self.randomSample(&random) }
        let accelOnly = WitMotionEncoder(contents: [.acceleration])
        var decoder = WitMotionDecoder()
        let samples = CSVWitHarness.imuSamples(CSVWitHarness.run(&decoder, originals.flatMap { accelOnly.packets(for: $0) }, .bytewise))
        #expect(samples.count == 20)
        #expect(!decoder.hasGyroscope)
        #expect(samples.allSatisfy { $0.gyro == .zero && $0.quaternion == nil })

        let withQuaternion = WitMotionEncoder(contents: [.acceleration, .angularVelocity, .quaternion])
        var quaternionDecoder = WitMotionDecoder()
        let decoded = CSVWitHarness.imuSamples(CSVWitHarness.run(&quaternionDecoder, originals.flatMap { withQuaternion.packets(for: $0) }, .whole))
        #expect(decoded.count == 20)
        for (original, sample) in zip(originals, decoded) {
            let q = try #require(sample.quaternion), p = original.quaternion!
            #expect(abs(q.w - p.w) <= 0.5 / 32768 && abs(q.x - p.x) <= 0.5 / 32768)
            #expect(abs(q.y - p.y) <= 0.5 / 32768 && abs(q.z - p.z) <= 0.5 / 32768)
        }
        #expect(quaternionDecoder.periodTypes == [.acceleration, .angularVelocity, .quaternion])
    }

    @Test func corruptBytesResync() throws {
        var random = SplitMix64(seed: 77)
        let originals = (0..<50).map { _ in Self.randomSample(&random) }
        let periods = originals.map { WitMotionEncoder().packets(for: $0) }
        let garbage: [UInt8] = [0x00, 0xFF, 0x12, 0x55, 0x99, 0x55, 0x51, 0x01, 0x02]
        var bytes: [UInt8] = []
        for (index, period) in periods.enumerated() {
            var period = period
            if index == 10 { bytes += garbage }
            if index == 20 { period[11 + 4] ^= 0x40 }  // a bit flip inside the gyro packet
            if index == 30 { period.insert(0x55, at: 22) }  // a stray byte before the angle packet
            bytes += period
        }
        var decoder = WitMotionDecoder()
        let outputs = CSVWitHarness.run(&decoder, bytes, .whole)
        var again = WitMotionDecoder()
        #expect(CSVWitHarness.run(&again, bytes, .bytewise) == outputs)
        let samples = CSVWitHarness.imuSamples(outputs)
        #expect(samples.count == originals.count)
        #expect(decoder.statistics.frames == 3 * periods.count - 1)  // the flipped gyro packet is lost
        #expect(decoder.statistics.checksumErrors >= 1)
        #expect(decoder.statistics.resyncs >= 3)
        #expect(decoder.statistics.skippedBytes >= garbage.count + 11 + 1)
        for (index, (original, sample)) in zip(originals, samples).enumerated() {
            #expect((original.accel - sample.accel).norm < 1e-3, "sample \(index)")
            if index != 20 { #expect((original.gyro - sample.gyro).norm < 0.1, "sample \(index)") }
        }
        // Sample 20 lost its gyro packet: it holds sample 19's gyro.
        #expect(samples[20].gyro == samples[19].gyro)
        print("witmotion corruption: \(decoder.statistics.checksumErrors) checksum errors, \(decoder.statistics.resyncs) resyncs, \(decoder.statistics.skippedBytes) bytes skipped, \(samples.count)/\(originals.count) samples")
    }

    @Test func aChecksumErrorNamesThePacketTypeInTwoUppercaseHexDigits() {
        // Type 0x5A: a letter digit (uppercase) and a leading digit that must not be dropped.
        var packet = Self.layoutPacket(0x5A, [1, 2, 3, 4])
        packet[10] ^= 0xFF
        var decoder = WitMotionDecoder()
        let anomalies = CSVWitHarness.anomalies(CSVWitHarness.run(&decoder, packet, .whole))
        #expect(anomalies.first(where: { $0.kind == .checksum })?.detail == "packet type 0x5A")
        var typeFive = Self.layoutPacket(0x50, [1, 2, 3, 4])
        typeFive[10] ^= 0xFF
        var again = WitMotionDecoder()
        #expect(CSVWitHarness.anomalies(CSVWitHarness.run(&again, typeFive, .whole)).first(where: { $0.kind == .checksum })?.detail
                == "packet type 0x50")
    }

    @Test func unusedTypesAreIgnoredAndRandomBytesNeverCrash() {
        let time = Self.layoutPacket(0x50, [0x0118, 0x0C01, 0x1E1E, 500])
        let mag = Self.layoutPacket(0x54, [100, 200, 300, 0])
        let accel = Self.layoutPacket(0x51, [0, 0, 2048, 2500])
        var decoder = WitMotionDecoder()
        let samples = CSVWitHarness.imuSamples(CSVWitHarness.run(&decoder, time + accel + mag + time + accel + mag, .bytewise))
        #expect(samples.count == 2)
        #expect(decoder.ignoredPackets == 4)
        #expect(decoder.statistics.unknownTypes == 0)

        var random = SplitMix64(seed: 5)
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...300, using: &random) {
                let roll = random.next() % 4
                bytes.append(roll == 0 ? 0x55 : roll == 1 ? UInt8.random(in: 0x50...0x5F, using: &random) : UInt8.random(in: 0...255, using: &random))
            }
            var a = WitMotionDecoder(), b = WitMotionDecoder()
            let outputs = CSVWitHarness.run(&a, bytes, .random(seed: random.next(), maximum: 23))
            #expect(CSVWitHarness.run(&b, bytes, .bytewise) == outputs)
            // Every byte is either in a good packet or reported skipped.
            #expect(a.statistics.frames * 11 + a.statistics.skippedBytes == bytes.count)
        }
    }

    @Test func anglesAndQuaternionsRoundTrip() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<1000 {
            let angles = WitMotionAngles(roll: .random(in: -179...179, using: &random), pitch: .random(in: -89...89, using: &random),
                                         yaw: .random(in: -179...179, using: &random))
            let back = WitMotionAngles(angles.quaternion)
            #expect(abs(back.roll - angles.roll) < 1e-6 && abs(back.pitch - angles.pitch) < 1e-6 && abs(back.yaw - angles.yaw) < 1e-6)
        }
        // Gravity on +z is level; the front dropping (x reads -sin t) is a positive pitch of t.
        #expect(WitMotionAngles(gravity: Vector3(0, 0, 1)) == WitMotionAngles(roll: 0, pitch: 0, yaw: 0))
        let tilt = WitMotionAngles(gravity: Vector3(-0.5, 0, 0.75.squareRoot()))
        #expect(abs(tilt.pitch - 30) < 1e-9)
    }
}
