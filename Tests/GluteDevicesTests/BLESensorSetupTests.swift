import Foundation
import GluteWire
import Testing
@testable import GluteDevices

@Suite("BLE sensor setup: profile choice, battery, subscription", .serialized)
struct BLESensorSetupTests {
    private func client(_ near: UnixSeqpacketBearer) -> GATTClient {
        var settings = GATTClient.Settings()
        settings.transactionTimeout = 5
        return GATTClient(bearer: near, settings: settings) { _ in }
    }

    private func writes(_ peer: ScriptedGATTPeer) -> [ATTWriteRequest] {
        peer.received.compactMap { bytes -> ATTWriteRequest? in
            if case .writeRequest(let w)? = ATTPDU(bytes: bytes) { return w }
            return nil
        }
    }

    @Test("auto picks native, reads the battery, subscribes to it and, last, to the data")
    func nativeAuto() throws {
        let (near, far) = try gattBearerPair()
        let db = nativeTestDatabase(batteryLevel: 64)
        let peer = try ScriptedGATTPeer(bearer: far, database: db)
        defer { peer.stop() }
        var routed: BLESensorSetup?
        let setup = try BLESensorSetup.perform(on: client(near), requested: nil, device: "ble:C0:FF:EE:00:00:01") { routed = $0 }
        #expect(setup.profile == .native)
        #expect(setup.mtu == 247)
        #expect(setup.dataHandle == db.handle(of: NativeGATT.data))
        #expect(setup.batteryLevel == 64)
        #expect(setup.batteryHandle == db.handle(of: GATTAssignedNumbers.batteryLevel))
        #expect(routed == setup)
        let cccdWrites = writes(peer)
        #expect(cccdWrites.map(\.handle) == [db.cccd(of: GATTAssignedNumbers.batteryLevel)!, db.cccd(of: NativeGATT.data)!])
        #expect(cccdWrites.allSatisfy { $0.value == [0x01, 0x00] })
    }

    @Test("native at an MTU too small for its frames: a one-line error, nothing subscribed")
    func nativeNeedsItsMTU() throws {
        let (near, far) = try gattBearerPair()
        let peer = try ScriptedGATTPeer(bearer: far, database: nativeTestDatabase(), mtu: 23)
        defer { peer.stop() }
        #expect(throws: BLESensorError.mtuTooSmall(.native, device: "ble:X", agreed: 23, needed: 64)) {
            _ = try BLESensorSetup.perform(on: client(near), requested: nil, device: "ble:X") { _ in }
        }
        #expect(writes(peer).isEmpty)
    }

    @Test("micro:bit: the period is written, then read back")
    func microbitPeriod() throws {
        let (near, far) = try gattBearerPair()
        var db = TestDatabase()
        db.service(MicrobitGATT.accelerometerService, [
            (MicrobitGATT.accelerometerData, [.read, .notify], [0, 0, 0, 0, 0, 0]),
            (MicrobitGATT.accelerometerPeriod, [.read, .write], [20, 0]),
        ])
        let peer = try ScriptedGATTPeer(bearer: far, database: db, mtu: 23)
        defer { peer.stop() }
        let setup = try BLESensorSetup.perform(on: client(near), requested: .microbit, device: "ble:X", microbitPeriodMs: 10) { _ in }
        #expect(setup.profile == .microbit)
        #expect(setup.mtu == 23)
        #expect(setup.samplePeriodMs == 10)
        #expect(setup.batteryLevel == nil)
        #expect(writes(peer).first?.value == [10, 0])
    }

    @Test("a profile the device lacks, or no known profile at all, is a one-line error listing what it has")
    func profileMismatch() throws {
        for requested in [BLESensorProfile.witmotion, nil] {
            let (near, far) = try gattBearerPair()
            var db = TestDatabase()
            db.service(BluetoothUUID(0x1800), [(BluetoothUUID(0x2A00), [.read], [65])])
            db.service(GATTAssignedNumbers.batteryService, [(GATTAssignedNumbers.batteryLevel, [.read], [50])])
            let peer = try ScriptedGATTPeer(bearer: far, database: db)
            defer { peer.stop() }
            do {
                _ = try BLESensorSetup.perform(on: client(near), requested: requested, device: "ble:C0:FF:EE:00:00:01") { _ in }
                Issue.record("setup succeeded")
            } catch {
                let text = error.description
                #expect(text.contains("ble:C0:FF:EE:00:00:01"))
                #expect(text.contains("0x1800, 0x180F"))
                #expect(!text.contains("\n"))
            }
            #expect(writes(peer).isEmpty, "nothing subscribed")
        }
    }
}
