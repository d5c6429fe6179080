import GluteSim
import Testing
@testable import GluteWire

@Suite("BLE notification decoders: native GATT frames and the micro:bit accelerometer")
struct BLENotificationDecoderTests {
    /// The same messages as notifications (no COBS, no CRC) and as a serial stream decode alike.
    @Test(arguments: [5 as UInt64, 6, 7])
    func nativeNotificationsDecodeLikeTheSerialStream(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var serialEncoder = NativeEncoder(firstSequence: 100)
        var notificationEncoder = NativeEncoder(firstSequence: 100)
        var serial: [UInt8] = []
        var notifications: [[UInt8]] = []
        var time: UInt32 = 1_000_000
        for _ in 0..<200 {
            let message = randomMessage(using: &rng)
            serialEncoder.encode(message, timeMicros: time, into: &serial)
            notifications.append(notificationEncoder.encodeNotification(message, timeMicros: time))
            time &+= 20_000
        }
        let expected = decodeAll(serial)
        var decoder = NativeGATTDecoder()
        var outputs: [DecoderOutput] = []
        for (index, value) in notifications.enumerated() {
            decoder.feed(value[...], hostTime: Double(index), emit: { outputs.append($0) })
        }
        #expect(outputs == expected)
        #expect(decoder.statistics.frames == 200)
        #expect(decoder.statistics.malformed == 0)
        // Every notification fits one ATT notification at the profile's MTU.
        #expect(notifications.allSatisfy { $0.count <= NativeGATT.preferredMTU - 3 })
    }

    @Test("a lost notification is a sequence gap; a short one is malformed; decoding carries on")
    func nativeLossAndDamage() {
        var encoder = NativeEncoder()
        let status = NativeMessage.device(.status(DeviceStatus(batteryPercent: 80, batteryMillivolts: 3900, flags: [.streaming], temperature: 30)))
        let values = (0..<4).map { encoder.encodeNotification(status, timeMicros: UInt32($0) * 1000) }
        var decoder = NativeGATTDecoder()
        var outputs: [DecoderOutput] = []
        for index in [0, 2, 3] { decoder.feed(values[index][...], hostTime: 0) { outputs.append($0) } }
        decoder.feed([0x10, 0x20, 0x00][...], hostTime: 0) { outputs.append($0) }
        #expect(decoder.statistics.lostFrames == 1)
        #expect(decoder.statistics.gaps == 1)
        #expect(decoder.statistics.malformed == 1)
        #expect(decoder.statistics.messages == 3)
        #expect(outputs.filter { if case .message = $0 { true } else { false } }.count == 3)
    }

    @Test("micro:bit: x, y, z int16 milli-g become g at the notification's host time")
    func microbitSample() throws {
        var decoder = MicrobitAccelerometerDecoder()
        var outputs: [DecoderOutput] = []
        // x = -250 mg (0xFF06), y = 1 mg, z = 1024 mg
        decoder.feed([0x06, 0xFF, 0x01, 0x00, 0x00, 0x04][...], hostTime: 12.5) { outputs.append($0) }
        let first = try #require(outputs.first)
        guard case .sample(.imu(let sample)) = first else {
            Issue.record("expected an IMU sample, got \(first)")
            return
        }
        #expect(sample.time == 12.5)
        #expect(sample.accel == Vector3(-0.25, 0.001, 1.024))
        #expect(sample.gyro == .zero)
        #expect(sample.mag == nil)
        #expect(decoder.statistics.samples == 1)
    }

    @Test("micro:bit: notifications of the wrong length are reported, not guessed at", arguments: [0, 5, 7, 20])
    func microbitWrongLength(length: Int) {
        var decoder = MicrobitAccelerometerDecoder()
        var outputs: [DecoderOutput] = []
        decoder.feed([UInt8](repeating: 1, count: length)[...], hostTime: 0) { outputs.append($0) }
        #expect(decoder.statistics.samples == 0)
        #expect(decoder.statistics.malformed + decoder.statistics.oversized == 1)
        #expect(outputs.count == 1)
    }

    @Test("characteristic declarations: 16- and 128-bit forms round-trip; other lengths are refused")
    func characteristicDeclaration() {
        let short = GATTCharacteristicDeclaration(properties: [.read, .notify], valueHandle: 0x0203, uuid: GATTAssignedNumbers.batteryLevel)
        #expect(short.encode() == [0x12, 0x03, 0x02, 0x19, 0x2A])
        #expect(GATTCharacteristicDeclaration(value: short.encode()) == short)
        let long = GATTCharacteristicDeclaration(properties: .notify, valueHandle: 0x0010, uuid: WitMotionGATT.notify)
        #expect(long.encode().count == 19)
        #expect(GATTCharacteristicDeclaration(value: long.encode()) == long)
        #expect(GATTCharacteristicDeclaration(value: long.encode())?.uuid != BluetoothUUID(0xFFE4))
        for length in [0, 4, 6, 18, 20] {
            #expect(GATTCharacteristicDeclaration(value: [UInt8](repeating: 0x10, count: length)) == nil)
        }
        #expect(ClientCharacteristicConfiguration.notifications.bytes == [0x01, 0x00])
        #expect(ClientCharacteristicConfiguration(bytes: [0x02, 0x00]) == .indications)
        #expect(ClientCharacteristicConfiguration(bytes: [0x01]) == nil)
    }

    @Test("profiles are told apart by their full service UUIDs")
    func profileDetection() {
        #expect(BLESensorProfile.detect(services: [BluetoothUUID(0x1800), MicrobitGATT.accelerometerService]) == .microbit)
        #expect(BLESensorProfile.detect(services: [WitMotionGATT.service, NativeGATT.service]) == .native)
        #expect(BLESensorProfile.detect(services: [BluetoothUUID(0xFFE5), BluetoothUUID(0x180F)]) == nil)
        #expect(Set(BLESensorProfile.allCases.map(\.protocolName)).count == 3)
    }
}
