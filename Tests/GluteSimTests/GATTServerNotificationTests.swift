import GluteSim
import GluteWire
import Testing

@Suite("GATT server: notifications, CCCD gating, indications")
struct GATTServerNotificationTests {
    func samples(_ scenario: Scenario, seconds: Double, seed: UInt64 = 7) -> [Sample] {
        var sensor = VirtualSensor(scenario: scenario, settings: makeSettings(seed: seed, duration: seconds))
        var out: [Sample] = []
        while let s = sensor.next() { out.append(s) }
        return out
    }

    func imu(_ samples: [Sample]) -> [IMUSample] {
        samples.compactMap { if case .imu(let s) = $0 { s } else { nil } }
    }

    @Test("nothing is pushed before the CCCD write, and nothing after notifications are turned off")
    func cccdGating() throws {
        let central = RawCentral(gattDevice(.native, scenario: .sitting, seconds: 4))
        let cccd = try #require(central.device.server.database.characteristic(NativeGATT.data)?.configurationHandle)
        #expect(central.exchangeMTU(247) == 247)
        central.run(seconds: 1)
        #expect(central.pushed.isEmpty)
        #expect(central.device.samplesTaken > 100)
        #expect(central.configure(cccd, 1))
        // Device info goes first, at once.
        let first = try #require(central.pushed.first)
        let frame = try NativeFrame(body: Array(first.pdu.dropFirst(3))[...], hasCRC: false)
        #expect(frame.type == MessageType.deviceInfo.rawValue)
        central.run(seconds: 1)
        let during = central.pushed.count
        #expect(during > 30)  // 20 IMU frames, 20 pressure frames, a status frame
        #expect(central.configure(cccd, 0))
        central.run(seconds: 1)
        #expect(central.pushed.count == during)
        // A disconnect forgets the subscription; the clock runs on.
        #expect(central.configure(cccd, 1))
        let before = central.device.now
        central.device.disconnect()
        #expect(central.device.server.mtu == 23)
        central.run(seconds: 0.5)
        #expect(central.pushed.count == during + 1)
        #expect(central.device.now > before + 0.4)
    }

    @Test("native: batches sized to MTU - 3 decode to the virtual sensor's samples", arguments: [40, 64, 100, 247])
    func nativeBatches(mtu: Int) throws {
        let seconds = 3.0
        let central = RawCentral(gattDevice(.native, scenario: .sitting, seconds: seconds))
        #expect(central.exchangeMTU(UInt16(mtu)) == 247)
        #expect(central.device.server.mtu == mtu)
        let cccd = try #require(central.device.server.database.characteristic(NativeGATT.data)?.configurationHandle)
        #expect(central.configure(cccd, 1))
        central.run(seconds: seconds + 1)
        let values = central.values(of: central.device.layout.dataHandle)
        #expect(values.allSatisfy { $0.count <= mtu - 3 })
        var decoder = NativeDecoder()
        var decodedIMU: [IMUSample] = [], decodedPressure: [PressureSample] = []
        for value in values {
            decoder.process(try NativeFrame(body: value[...], hasCRC: false)) { output in
                if case .sample(.imu(let s)) = output { decodedIMU.append(s) }
                if case .sample(.pressure(let s)) = output { decodedPressure.append(s) }
            }
        }
        #expect(decoder.statistics.gaps == 0)
        #expect(decoder.statistics.malformed == 0)
        let reference = samples(.sitting, seconds: seconds)
        let expectedIMU = imu(reference)
        let expectedPressure = reference.compactMap { if case .pressure(let s) = $0 { s } else { nil } }
        #expect(decodedIMU.count == expectedIMU.count)
        #expect(decodedPressure.count == expectedPressure.count)
        var worstAccel = 0.0, worstTime = 0.0
        for (got, want) in zip(decodedIMU, expectedIMU) {
            worstTime = max(worstTime, abs(got.time - want.time))
            worstAccel = max(worstAccel, abs(got.accel.x - want.accel.x), abs(got.accel.y - want.accel.y), abs(got.accel.z - want.accel.z))
        }
        #expect(worstTime < 2e-6)
        #expect(worstAccel <= 8.0 / 32768)
        for (got, want) in zip(decodedPressure, expectedPressure) {
            #expect(zip(got.cells, want.cells).allSatisfy { abs($0 - $1) <= 1 })
        }
        // The larger the MTU, the fewer frames: at 247 the 5-sample batch of the settings applies.
        let imuFrames = values.filter { $0.count > 1 && $0[1] == MessageType.imuBatch.rawValue }
        let perFrame = Double(decodedIMU.count) / Double(imuFrames.count)
        let fit = (mtu - 3 - 16) / 18
        #expect(abs(perFrame - Double(min(fit, 5))) < 0.01)
    }

    @Test("native: at MTU 23 no IMU sample fits a frame; only status frames go out")
    func nativeMinimumMTU() throws {
        let central = RawCentral(gattDevice(.native, scenario: .tilt, seconds: 3))
        let cccd = try #require(central.device.server.database.characteristic(NativeGATT.data)?.configurationHandle)
        #expect(central.configure(cccd, 1))
        central.run(seconds: 4)
        let values = central.values(of: central.device.layout.dataHandle)
        #expect(values.count >= 3)
        #expect(values.allSatisfy { $0.count <= 20 && $0[1] == MessageType.status.rawValue })
    }

    @Test("native: a get-info command on control is answered on data with device info and an ack")
    func nativeControl() throws {
        let central = RawCentral(gattDevice(.native))
        #expect(central.exchangeMTU(247) == 247)
        let cccd = try #require(central.device.server.database.characteristic(NativeGATT.data)?.configurationHandle)
        #expect(central.configure(cccd, 1))
        central.pushed.removeAll()
        let command = NativeFrame(type: 0x41, sequence: 9, timeMicros: 0, payload: []).body(includingCRC: false)
        #expect(central.send(ATTWriteRequest(handle: central.device.layout.commandHandle!, value: command).encode())
                == ATTWriteResponse().encode())
        let replies = try central.values(of: central.device.layout.dataHandle).map { try NativeFrame(body: $0[...], hasCRC: false) }
        #expect(replies.map(\.type) == [MessageType.deviceInfo.rawValue, MessageType.ack.rawValue])
        #expect(replies.last?.payload == [0x41, 9, 0])
    }

    @Test("witmotion: every packing reassembles through WitMotionBLEDecoder to the same samples",
          arguments: WitMotionPacking.allCases, [23, 247])
    func witmotionPackings(packing: WitMotionPacking, mtu: Int) throws {
        let seconds = 3.0
        let central = RawCentral(gattDevice(.witmotion, seconds: seconds) {
            $0.witmotionPacking = packing
            $0.packingSeed = 11
        })
        if mtu != 23 { #expect(central.exchangeMTU(UInt16(mtu)) == 247) }
        let cccd = try #require(central.device.server.database.characteristic(WitMotionGATT.notify)?.configurationHandle)
        #expect(central.configure(cccd, 1))
        central.run(seconds: seconds + 1)
        let values = central.values(of: central.device.layout.dataHandle)
        var decoder = WitMotionBLEDecoder()
        var got: [IMUSample] = []
        for value in values {
            decoder.feed(value[...], hostTime: 0) { if case .sample(.imu(let s)) = $0 { got.append(s) } }
        }
        decoder.finish(hostTime: 0) { if case .sample(.imu(let s)) = $0 { got.append(s) } }
        var reference = WitMotionBLEDecoder()
        var want: [IMUSample] = []
        for s in imu(samples(.tilt, seconds: seconds)) {
            reference.feed(WitMotionEncoder.blePacket(for: s)[...], hostTime: 0) { if case .sample(.imu(let s)) = $0 { want.append(s) } }
        }
        #expect(want.count == 300)
        #expect(got == want)
        #expect(decoder.statistics.resyncs == 0)
        #expect(values.allSatisfy { $0.count <= mtu - 3 })
        let lengths = Set(values.map(\.count))
        switch packing {
        case .one: #expect(lengths == [20])
        case .merged: #expect(lengths == (mtu >= 43 ? [40] : [20]))
        case .split:
            #expect(values.contains { $0.count % 20 != 0 })
            #expect(lengths.count > 5)
        }
    }

    @Test("witmotion .one: each notification leaves at its sample's time")
    func witmotionTimes() throws {
        let central = RawCentral(gattDevice(.witmotion, seconds: 1))
        let cccd = try #require(central.device.server.database.characteristic(WitMotionGATT.notify)?.configurationHandle)
        #expect(central.configure(cccd, 1))
        central.run(seconds: 2)
        let times = central.pushed.map(\.time)
        #expect(times == imu(samples(.tilt, seconds: 1)).map(\.time))
    }

    @Test("micro:bit: a period write picks the nearest supported one and reads back", arguments: [
        (UInt16(0), UInt16(1)), (3, 2), (15, 10), (50, 20), (70, 80), (100, 80), (400, 160), (500, 640), (1000, 640), (65535, 640), (160, 160),
    ])
    func microbitPeriod(requested: UInt16, chosen: UInt16) throws {
        let central = RawCentral(gattDevice(.microbit))
        let handle = try #require(central.device.layout.periodHandle)
        #expect(central.send(ATTWriteRequest(handle: handle, value: [UInt8(requested & 0xFF), UInt8(requested >> 8)]).encode())
                == ATTWriteResponse().encode())
        #expect(central.read(handle) == [UInt8(chosen & 0xFF), UInt8(chosen >> 8)])
    }

    @Test("micro:bit: readings at the chosen period, 6 bytes of milli-g, matching the sensor")
    func microbitReadings() throws {
        let central = RawCentral(gattDevice(.microbit, seconds: 4))
        let period = try #require(central.device.layout.periodHandle)
        #expect(central.send(ATTWriteCommand(handle: period, value: [80, 0]).encode()) == nil)
        #expect(central.read(period) == [80, 0])
        let cccd = try #require(central.device.server.database.characteristic(MicrobitGATT.accelerometerData)?.configurationHandle)
        #expect(central.configure(cccd, 1))
        central.run(seconds: 2)
        let pushed = central.pushed
        #expect(pushed.count == 26)  // 0 s to 2 s inclusive, every 80 ms
        let byTime = Dictionary(imu(samples(.tilt, seconds: 4)).map { ($0.time, $0) }, uniquingKeysWith: { a, _ in a })
        for item in pushed {
            guard case .handleValueNotification(let n)? = ATTPDU(bytes: item.pdu) else { Issue.record("not a notification"); continue }
            #expect(n.value.count == 6)
            let sample = try #require(byTime[item.time])
            let x = Int16(bitPattern: UInt16(n.value[0]) | UInt16(n.value[1]) << 8)
            #expect(abs(Double(x) / 1000 - sample.accel.x) <= 0.0005)
            #expect(n.value == MicrobitNotificationSource.value(of: sample))
        }
        let gaps = zip(pushed.dropFirst(), pushed).map { $0.time - $1.time }
        #expect(gaps.allSatisfy { abs($0 - 0.08) < 1e-6 })
        // The latest reading is readable too.
        #expect(central.read(central.device.layout.dataHandle).map(\.count) == 6)
    }

    @Test("battery level is readable and notifies as it drains")
    func battery() throws {
        let central = RawCentral(gattDevice(.microbit, seconds: 4) { $0.battery.secondsPerPercent = 0.5 })
        let handle = central.device.layout.batteryHandle
        #expect(central.read(handle) == [100])
        let cccd = try #require(central.device.server.database.characteristic(GATTAssignedNumbers.batteryLevel)?.configurationHandle)
        #expect(central.configure(cccd, 1))
        central.run(seconds: 3)
        #expect(central.values(of: handle) == [[99], [98], [97], [96], [95], [94]])
        #expect(central.read(handle) == [94])
    }

    @Test("indications: one outstanding; later values wait for the confirmation")
    func indications() {
        var builder = GATTDatabaseBuilder()
        builder.addService(BluetoothUUID(0x1234))
        let value = builder.addCharacteristic(BluetoothUUID(0x5678), properties: [.read, .indicate])
        var server = GATTServer(database: builder.build())
        #expect(server.push([1], at: value) == nil)
        let written = server.handle(ATTWriteRequest(handle: value + 1, value: [2, 0]).encode())
        #expect(written.pdus == [ATTWriteResponse().encode()])
        #expect(server.push([2], at: value) == ATTHandleValueIndication(handle: value, value: [2]).encode())
        #expect(server.push([3], at: value) == nil)
        #expect(server.push([4], at: value) == nil)
        #expect(server.indicationOutstanding)
        #expect(server.handle(ATTHandleValueConfirmation().encode()).pdus == [ATTHandleValueIndication(handle: value, value: [3]).encode()])
        #expect(server.handle(ATTHandleValueConfirmation().encode()).pdus == [ATTHandleValueIndication(handle: value, value: [4]).encode()])
        #expect(server.handle(ATTHandleValueConfirmation().encode()).pdus.isEmpty)
        #expect(!server.indicationOutstanding)
        // Notifications are refused on an indicate-only characteristic.
        #expect(server.handle(ATTWriteRequest(handle: value + 1, value: [1, 0]).encode()).pdus
                == [ATTErrorResponse(requestOpcode: 0x12, handle: value + 1, error: GATTServer.configurationImproper).encode()])
    }

    @Test("a pushed value is cut to MTU - 3")
    func pushTruncates() {
        var builder = GATTDatabaseBuilder()
        builder.addService(BluetoothUUID(0x1234))
        let value = builder.addCharacteristic(BluetoothUUID(0x5678), properties: [.notify])
        var server = GATTServer(database: builder.build())
        _ = server.handle(ATTWriteRequest(handle: value + 1, value: [1, 0]).encode())
        let pdu = server.push([UInt8](repeating: 7, count: 30), at: value)
        #expect(pdu?.count == 23)
    }
}

@Suite("GATT server: WitMotion register reads")
struct GATTServerWitMotionCommandTests {
    @Test("a quaternion register read on ffe9 is answered on ffe4 and reaches the decoder", arguments: WitMotionPacking.allCases)
    func quaternionRead(packing: WitMotionPacking) throws {
        let central = RawCentral(gattDevice(.witmotion, seconds: 2) { $0.witmotionPacking = packing })
        #expect(central.exchangeMTU(247) == 247)
        let cccd = try #require(central.device.server.database.characteristic(WitMotionGATT.notify)?.configurationHandle)
        #expect(central.configure(cccd, 1))
        central.run(seconds: 0.5)
        let write = try #require(central.device.layout.commandHandle)
        #expect(central.send(ATTWriteCommand(handle: write, value: [0xFF, 0xAA, 0x27, 0x51, 0x00]).encode()) == nil)
        #expect(central.send(ATTWriteRequest(handle: write, value: [0xFF, 0xAA, 0x27, 0x3A, 0x00]).encode()) == ATTWriteResponse().encode())
        central.run(seconds: 2)  // to the end of the source, so that a split tail is flushed
        #expect(central.device.nextTime() == nil)
        var decoder = WitMotionBLEDecoder()
        var samples = 0
        for value in central.values(of: central.device.layout.dataHandle) {
            decoder.feed(value[...], hostTime: 0) { if case .sample = $0 { samples += 1 } }
        }
        decoder.finish(hostTime: 0) { if case .sample = $0 { samples += 1 } }
        #expect(samples == central.device.samplesTaken)
        #expect(samples == 200)
        #expect(decoder.ignoredPackets == 1)  // the 0x3A reply
        #expect(decoder.statistics.frames == samples + 2)
        #expect(decoder.statistics.resyncs == 0)
    }
}
