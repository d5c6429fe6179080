import GluteSim
import Testing
@testable import GluteWire

/// Random messages of every kind the device sends, for round-trip properties.
func randomMessage(using rng: inout SplitMix64) -> NativeMessage {
    func i16() -> Int16 { Int16.random(in: .min ... .max, using: &rng) }
    switch Int.random(in: 0..<7, using: &rng) {
    case 0, 1:
        let mag = Bool.random(using: &rng), quat = Bool.random(using: &rng)
        let n = Int.random(in: 1...IMUBatch.capacity(magnetometer: mag, quaternion: quat), using: &rng)
        let samples = (0..<n).map { _ in
            IMUBatch.Raw(accel: (i16(), i16(), i16()), gyro: (i16(), i16(), i16()),
                         mag: mag ? (i16(), i16(), i16()) : (0, 0, 0),
                         quaternion: quat ? (i16(), i16(), i16(), i16()) : (0, 0, 0, 0))
        }
        return .imu(IMUBatch(intervalMicros: UInt16.random(in: 1...50_000, using: &rng), accelRangeG: [2, 4, 8, 16].randomElement(using: &rng)!,
                             gyroRangeDPS: [250, 500, 1000, 2000].randomElement(using: &rng)!, hasMagnetometer: mag, hasQuaternion: quat, samples: samples))
    case 2:
        let cells = Int.random(in: 1...16, using: &rng)
        let n = Int.random(in: 1...PressureBatch.capacity(cells: cells), using: &rng)
        return .pressure(PressureBatch(intervalMicros: 50_000, cellCount: cells, loads: (0..<n * cells).map { _ in UInt16.random(in: 0...65535, using: &rng) }))
    case 3:
        return .device(.status(DeviceStatus(batteryPercent: Bool.random(using: &rng) ? UInt8.random(in: 0...100, using: &rng) : nil,
                                            batteryMillivolts: 3700, flags: [.streaming], temperature: Double(Int.random(in: -2000...5000, using: &rng)) / 100)))
    case 4:
        return .device(.marker(Marker(button: UInt8.random(in: 0...3, using: &rng), kind: Bool.random(using: &rng) ? .short : .long)))
    case 5:
        return .device(.error(DeviceError(code: 7, text: "fault \(Int.random(in: 0...999, using: &rng)) ü")))
    default:
        let cells = (0..<Int.random(in: 0...8, using: &rng)).map { _ in DeviceInfo.Cell(x: i16(), y: i16()) }
        return .device(.info(DeviceInfo(firmwareMajor: 1, firmwareMinor: 0, firmwarePatch: 9, sensors: [.accelerometer, .gyroscope],
                                        accelRangeG: 8, gyroRangeDPS: 2000, magRangeMicrotesla: 0, imuRateHz: 100, pressureRateHz: 0,
                                        mount: [1, 2, 3], cells: cells, serial: "SN\(i16())", name: "belt")))
    }
}

@Suite("native decoder")
struct NativeDecoderTests {
    @Test func messagesRoundTripThroughTheirPayloads() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let m = randomMessage(using: &rng)
            #expect(m.encode().count <= NativeFrame.maxPayload)
            #expect(try NativeMessage(type: m.type, payload: m.encode()[...]) == m)
        }
    }

    /// Encode a seeded random stream, decode it in random chunks: every sample and message back,
    /// in order, with nothing reported.
    @Test(arguments: [1 as UInt64, 2, 3, 4])
    func randomStreamsRoundTripInRandomChunks(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var encoder = NativeEncoder(firstSequence: UInt16.random(in: 0...65535, using: &rng))
        var wire: [UInt8] = []
        var expectedSamples = 0
        var expectedMessages = 0
        var time: UInt32 = UInt32.max - 3_000_000  // crosses the device clock wrap
        for _ in 0..<400 {
            let m = randomMessage(using: &rng)
            var span: UInt32 = 1000
            switch m {
            case .imu(let b): expectedSamples += b.samples.count; span += UInt32(b.samples.count) * UInt32(b.intervalMicros)
            case .pressure(let b): expectedSamples += b.count; span += UInt32(b.count) * UInt32(b.intervalMicros)
            default: expectedMessages += 1
            }
            encoder.encode(m, timeMicros: time, into: &wire)
            time &+= span
        }
        let chunks = (0..<64).map { _ in Int.random(in: 1...300, using: &rng) }
        var decoder = NativeDecoder()
        let out = decodeAll(wire, chunks: chunks, decoder: &decoder)
        let anomalies = out.filter { if case .anomaly = $0 { return true } else { return false } }
        #expect(anomalies.isEmpty)
        #expect(decoder.statistics.frames == 400)
        #expect(decoder.statistics.samples == expectedSamples)
        #expect(decoder.statistics.messages == expectedMessages)
        // Sample times never go backwards across the wrap.
        let times = out.compactMap { o -> Double? in if case .sample(.imu(let s)) = o { return s.time } else { return nil } }
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(out.map(\.json) == decodeAll(wire, chunks: [1]).map(\.json))
    }

    @Test func samplesCarryPhysicalUnits() {
        var encoder = NativeEncoder()
        let sample = IMUSample(time: 0, accel: Vector3(-0.25, 0.5, 0.97), gyro: Vector3(10, -250, 1999), mag: Vector3(20, -15.5, 40))
        let raw = IMUBatch.raw(of: sample, accelRangeG: 8, gyroRangeDPS: 2000)
        let wire = encoder.encode(.imu(IMUBatch(intervalMicros: 10_000, accelRangeG: 8, gyroRangeDPS: 2000, hasMagnetometer: true, samples: [raw])), timeMicros: 1_000_000)
        guard case .sample(.imu(let decoded)) = decodeAll(wire).first else {
            Issue.record("no sample decoded")
            return
        }
        #expect(decoded.time == 1.0)
        #expect(abs(decoded.accel.x + 0.25) < 8.0 / 32768)
        #expect(abs(decoded.accel.z - 0.97) < 8.0 / 32768)
        #expect(abs(decoded.gyro.y + 250) < 2000.0 / 32768)
        #expect(abs(decoded.mag!.y + 15.5) < 0.051)
    }

    /// The frame reader keeps its buffer in memory of its own and copies it before writing when
    /// a copy shares it: a decoder copied in the middle of a frame goes on independently. The
    /// original is fed a corrupt tail first (gathered and decoded in the shared buffer without
    /// the copy on write), then the copy the true tail, which must still give the frame.
    @Test func aDecoderCopiedInsideAFrameGoesOnIndependently() {
        var encoder = NativeEncoder()
        let sample = IMUSample(time: 0, accel: Vector3(0.1, -0.2, 0.95), gyro: Vector3(3, -4, 5))
        let raws = Array(repeating: IMUBatch.raw(of: sample, accelRangeG: 8, gyroRangeDPS: 2000), count: 4)
        var wire = encoder.encode(.imu(IMUBatch(intervalMicros: 10_000, accelRangeG: 8, gyroRangeDPS: 2000, samples: raws)), timeMicros: 0)
        wire += encoder.encode(.imu(IMUBatch(intervalMicros: 10_000, accelRangeG: 8, gyroRangeDPS: 2000, samples: raws)), timeMicros: 40_000)
        let secondFrame = wire.lastIndex(of: 0).map { wire[..<$0].lastIndex(of: 0)! + 1 }!
        let cut = secondFrame + 10
        var original = NativeDecoder()
        var opening: [DecoderOutput] = []
        original.feed(wire[..<cut], hostTime: 0) { opening.append($0) }
        #expect(opening.count == 4)
        var copy = original

        var corrupt = Array(wire[cut...])
        corrupt[0] ^= 0x5A
        var fromOriginal: [DecoderOutput] = []
        original.feed(corrupt[...], hostTime: 0) { fromOriginal.append($0) }
        var fromCopy: [DecoderOutput] = []
        copy.feed(wire[cut...], hostTime: 0) { fromCopy.append($0) }

        #expect(fromOriginal.allSatisfy { if case .anomaly = $0 { return true } else { return false } })
        #expect(!fromOriginal.isEmpty)
        #expect(fromCopy.map(\.json) == decodeAll(wire).suffix(4).map(\.json))
    }

    @Test func fullScaleSaturates() {
        #expect(IMUBatch.counts(20, fullScale: 16) == 32767)
        #expect(IMUBatch.counts(-20, fullScale: 16) == -32768)
        #expect(PressureBatch.counts(-3) == 0)
        #expect(PressureBatch.counts(70_000) == 65535)
    }

    /// One byte in a hundred overwritten: no crash, and every frame whose bytes (delimiters
    /// included) were not touched still decodes.
    @Test(arguments: [11 as UInt64, 12, 13])
    func corruptedStreamKeepsEveryUntouchedFrame(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var encoder = NativeEncoder()
        var wire: [UInt8] = []
        var frameRanges: [Range<Int>] = []
        for i in 0..<2000 {
            let start = wire.count
            // Markers carry their index so that each decoded frame names itself.
            encoder.encode(.device(.marker(Marker(button: UInt8(i % 256), kind: .short))), timeMicros: UInt32(i) * 10_000, into: &wire)
            let batch = IMUBatch(intervalMicros: 2000, accelRangeG: 8, gyroRangeDPS: 2000,
                                 samples: [IMUBatch.Raw(accel: (0, 0, 4096), gyro: (1, 2, 3))])
            encoder.encode(.imu(batch), timeMicros: UInt32(i) * 10_000 + 1, into: &wire)
            frameRanges.append(start..<wire.count)
        }
        var touched = Set<Int>()
        for _ in 0..<(wire.count / 100) {
            let at = Int.random(in: 0..<wire.count, using: &rng)
            wire[at] = UInt8.random(in: 0...255, using: &rng)
            touched.insert(at)
        }
        let out = decodeAll(wire, chunks: [1, 7, 64, 3])
        let decodedMarkers = Set(out.compactMap { o -> Int? in
            if case .message(let t, .marker) = o { return Int((t * 100).rounded()) } else { return nil }
        })
        let untouched = frameRanges.indices.filter { !frameRanges[$0].contains(where: touched.contains) }
        let lost = untouched.filter { !decodedMarkers.contains($0) }
        #expect(lost.isEmpty, "untouched frames lost: \(lost.prefix(10))")
        #expect(untouched.count > 1000)
    }

    @Test func garbageWithoutDelimitersIsBoundedAndReported() {
        var rng = SplitMix64(seed: 5)
        let garbage = (0..<5000).map { _ in UInt8.random(in: 1...255, using: &rng) }
        var encoder = NativeEncoder()
        let frame = encoder.encode(.device(.marker(Marker(button: 1, kind: .short))), timeMicros: 0)
        var decoder = NativeDecoder()
        let out = decodeAll([0] + garbage + frame, chunks: [100], decoder: &decoder)
        #expect(decoder.statistics.oversized == 1)
        #expect(decoder.statistics.skippedBytes == 5000)
        #expect(out.contains { if case .message(_, .marker) = $0 { return true } else { return false } })
    }

    @Test func truncatedTailIsReportedAtTheEnd() {
        var encoder = NativeEncoder()
        let frame = encoder.encode(.device(.marker(Marker(button: 1, kind: .short))), timeMicros: 0)
        var decoder = NativeDecoder()
        _ = decodeAll(frame + frame.dropLast(3), decoder: &decoder)
        #expect(decoder.statistics.frames == 1)
        #expect(decoder.statistics.resyncs == 1)
    }

    @Test func shortPayloadOfAKnownTypeIsMalformedNotACrash() {
        let frame = NativeFrame(type: MessageType.imuBatch.rawValue, sequence: 0, timeMicros: 0, payload: [5, 0, 10, 0, 8, 0, 208, 7, 1, 2])
        var wire: [UInt8] = []
        NativeEncoder.appendSerial(frame, to: &wire)
        var decoder = NativeDecoder()
        _ = decodeAll(wire, decoder: &decoder)
        #expect(decoder.statistics.malformed == 1)
        #expect(decoder.statistics.samples == 0)
    }
}
