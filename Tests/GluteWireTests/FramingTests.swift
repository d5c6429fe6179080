import GluteSim
import Testing
@testable import GluteWire

@Suite("CRC and COBS")
struct FramingTests {
    @Test func crcCheckValue() {
        #expect(CRC16.checksum(Array("123456789".utf8)) == 0x29B1)
    }

    @Test func crcOverFrameWithItsCRCIsZero() {
        let body = NativeFrame(type: 0x21, sequence: 3, timeMicros: 99, payload: [1, 2]).body()
        #expect(CRC16.checksum(body) == 0)
    }

    @Test func cobsKnownVectors() {
        #expect(COBS.encode([0x00]) == [0x01, 0x01])
        #expect(COBS.encode([0x00, 0x00]) == [0x01, 0x01, 0x01])
        #expect(COBS.encode([0x11, 0x22, 0x00, 0x33]) == [0x03, 0x11, 0x22, 0x02, 0x33])
        #expect(COBS.encode([]) == [0x01])
        let run = [UInt8](repeating: 0x42, count: 254)
        #expect(COBS.encode(run) == [0xFF] + run + [0x01])
    }

    @Test func cobsRoundTripsRandomData() {
        var rng = SplitMix64(seed: 42)
        var decoded: [UInt8] = []
        for _ in 0..<500 {
            let length = Int.random(in: 0...600, using: &rng)
            let data = (0..<length).map { _ in UInt8.random(in: 0...3, using: &rng) == 0 ? 0 : UInt8.random(in: 0...255, using: &rng) }
            let encoded = COBS.encode(data)
            #expect(!encoded.contains(0))
            #expect(COBS.decode(encoded[...], into: &decoded))
            #expect(decoded == data)
        }
    }

    @Test func cobsRejectsInvalidBlocks() {
        var out: [UInt8] = []
        #expect(!COBS.decode([0x05, 0x01][...], into: &out))  // code runs past the end
        #expect(!COBS.decode([0x03, 0x00, 0x01][...], into: &out))  // zero inside
    }

    @Test func deviceClockUnwrapsForwardAndToleratesLateFrames() {
        var clock = DeviceClock()
        #expect(clock.micros(for: 0xFFFF_FF00) == 0xFFFF_FF00)
        #expect(clock.micros(for: 0x10) == (1 << 32) + 0x10)
        // A frame stamped just before the wrap, arriving late.
        #expect(clock.micros(for: 0xFFFF_FFF0) == 0xFFFF_FFF0)
        #expect(clock.micros(for: 0x20) == (1 << 32) + 0x20)
        // A second wrap.
        #expect(clock.micros(for: 0x7000_0000) == (1 << 32) + 0x7000_0000)
        #expect(clock.micros(for: 0xE000_0000) == (1 << 32) + 0xE000_0000)
        #expect(clock.micros(for: 0x5) == (2 << 32) + 0x5)
    }

    @Test func sequenceTrackerCountsLossAcrossTheWrap() {
        var s = SequenceTracker()
        #expect(s.lost(before: 65534) == 0)
        #expect(s.lost(before: 65535) == 0)
        #expect(s.lost(before: 2) == 2)  // 0 and 1 missing
        #expect(s.lost(before: 1) == 0)  // backwards: restart, not loss
        #expect(s.lost(before: 2) == 0)
    }
}

@Suite struct CRC16SlicingTests {
    /// The eight-bytes-at-a-time loop over raw memory gives the byte-wise register for every
    /// length (whole blocks, tails) and running value.
    @Test func slicedEqualsByteWise() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for start: UInt16 in [0xFFFF, 0, 0x1234] {
                var expected = start
                for byte in bytes {
                    // CRC-16/CCITT bit by bit, independent of the tables.
                    expected ^= UInt16(byte) << 8
                    for _ in 0..<8 { expected = expected & 0x8000 != 0 ? (expected << 1) ^ 0x1021 : expected << 1 }
                }
                #expect(CRC16.update(start, bytes) == expected, "length \(length)")
            }
        }
    }
}
