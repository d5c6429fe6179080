import GluteSim
import Testing
@testable import GluteWire

@Suite("Bluetooth UUID")
struct ATTUUIDTests {
    @Test func sixteenBitExpandsOnTheBase() {
        let battery = BluetoothUUID(0x180F)
        #expect(battery.description == "0000180f-0000-1000-8000-00805f9b34fb")
        #expect(battery.shortValue == 0x180F)
        #expect(battery.littleEndianBytes == [0x0F, 0x18])
        #expect(battery == BluetoothUUID("0000180F-0000-1000-8000-00805F9B34FB"))
        #expect(battery == BluetoothUUID("180f"))
        #expect(battery == BluetoothUUID("0x180F"))
    }

    @Test func witMotionBaseIsNotTheBluetoothBase() throws {
        let witService = try #require(BluetoothUUID("0000ffe5-0000-1000-8000-00805f9a34fb"))
        #expect(witService != BluetoothUUID(0xFFE5))
        #expect(witService.shortValue == nil)
        #expect(witService.description == "0000ffe5-0000-1000-8000-00805f9a34fb")
        // Same value from a different spelling still matches in full.
        #expect(witService == BluetoothUUID("0000FFE5-0000-1000-8000-00805F9A34FB"))
        #expect(Set([witService, BluetoothUUID(0xFFE5)]).count == 2)
        // On the wire the non-standard base needs all 16 bytes.
        #expect(witService.littleEndianBytes == [0xFB, 0x34, 0x9A, 0x5F, 0x80, 0x00, 0x00, 0x80,
                                                 0x00, 0x10, 0x00, 0x00, 0xE5, 0xFF, 0x00, 0x00])
    }

    @Test func fullWidthBaseUUIDEqualsSixteenBitButKeepsItsWidth() throws {
        let wire: [UInt8] = [0xFB, 0x34, 0x9B, 0x5F, 0x80, 0x00, 0x00, 0x80, 0x00, 0x10, 0x00, 0x00, 0x00, 0x28, 0x00, 0x00]
        let long = try #require(BluetoothUUID(littleEndian: wire[...]))
        #expect(long == BluetoothUUID(0x2800))
        #expect(long.hashValue == BluetoothUUID(0x2800).hashValue)
        #expect(long.littleEndianBytes == wire)
        #expect(BluetoothUUID(0x2800).littleEndianBytes == [0x00, 0x28])
    }

    @Test func microbitUUIDRoundTrips() throws {
        let text = "e95d0753-251d-470a-a062-fa1922dfa9a8"
        let uuid = try #require(BluetoothUUID(text))
        #expect(uuid.description == text)
        #expect(uuid.high == 0xE95D_0753_251D_470A)
        #expect(uuid.low == 0xA062_FA19_22DF_A9A8)
        #expect(BluetoothUUID(littleEndian: uuid.littleEndianBytes[...]) == uuid)
        #expect(uuid.littleEndianBytes.first == 0xA8)
        #expect(uuid.littleEndianBytes.last == 0xE9)
    }

    @Test func malformedTextAndWidthsAreRejected() {
        for bad in ["", "18F", "180G", "0000180f00001000800000805f9b34fb", "0000180f-0000-1000-8000-00805f9b34f",
                    "0000180f-0000-1000-8000_00805f9b34fb", "0000180f-0000-1000-8000-00805f9b34fg", "+18F"] {
            #expect(BluetoothUUID(bad) == nil, "\(bad)")
        }
        for width in [0, 1, 3, 4, 15, 17] {
            #expect(BluetoothUUID(littleEndian: [UInt8](repeating: 0xAB, count: width)[...]) == nil)
        }
    }

    @Test func randomUUIDsRoundTripThroughTextAndWire() {
        var rng = SplitMix64(seed: 0xA77)
        for _ in 0..<1000 {
            let uuid = BluetoothUUID(high: rng.next(), low: rng.next())
            #expect(BluetoothUUID(uuid.description) == uuid)
            #expect(BluetoothUUID(littleEndian: uuid.littleEndianBytes[...]) == uuid)
        }
    }
}
