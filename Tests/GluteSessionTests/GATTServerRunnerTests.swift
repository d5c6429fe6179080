import Foundation
import Glibc
import GluteDevices
import GluteSession
import GluteSim
import GluteWire
import Testing

/// A fresh socket path short enough for sockaddr_un.
private func socketPath() -> String {
    "/tmp/gb-gatt-\(UUID().uuidString.prefix(8)).sock"
}

private func device(_ profile: BLESensorProfile, _ change: (inout SimulatedGATTDeviceSettings) -> Void = { _ in })
    -> SimulatedGATTDevice<VirtualSensor> {
    var simulation = SimulationSettings()
    simulation.seed = 3
    var settings = SimulatedGATTDeviceSettings()
    change(&settings)
    return SimulatedGATTDevice(profile: profile, scenario: .tilt, simulation: simulation, settings: settings)
}

/// Stops the runner and waits until it has ended.
private func stopAndWait<S>(_ runner: GATTServerRunner<S>) {
    runner.stop()
    _ = waitReadable([runner.finishedDescriptor], timeout: 10)
}

/// Sends a request and returns the first PDU that is not a notification.
private func request(_ bearer: UnixSeqpacketBearer, _ pdu: [UInt8]) throws -> [UInt8]? {
    try bearer.send(pdu)
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline {
        guard let reply = try bearer.receive(timeout: 5, interrupts: []) else { return nil }
        if reply.first != ATTOpcode.handleValueNotification.rawValue { return reply }
    }
    return nil
}

@Suite("GATT server runner over a real SOCK_SEQPACKET unix socket", .serialized)
struct GATTServerRunnerTests {
    @Test("MTU exchange, nothing before the CCCD write, then notifications paced at the speed")
    func subscribeAndPace() throws {
        let path = socketPath()
        let dev = device(.witmotion)
        let layout = dev.layout
        let runner = try GATTServerRunner(device: dev, path: path, speed: 10)
        runner.start()
        defer { stopAndWait(runner) }
        let bearer = try UnixSeqpacketBearer.connect(path: path)
        defer { bearer.close() }
        #expect(try request(bearer, ATTExchangeMTURequest(clientReceiveMTU: 185).encode()) == ATTExchangeMTUResponse(serverReceiveMTU: 247).encode())
        // A second of simulated time passes with no subscription: nothing arrives.
        #expect(try bearer.receive(timeout: 0.3, interrupts: []) == nil)
        let cccd = try #require(layout.database.characteristic(WitMotionGATT.notify)?.configurationHandle)
        #expect(try request(bearer, ATTWriteRequest(handle: cccd, value: [1, 0]).encode()) == ATTWriteResponse().encode())
        let start = Date()
        var received = 0
        var decoder = WitMotionBLEDecoder()
        var samples = 0
        while Date().timeIntervalSince(start) < 1 {
            guard let pdu = try bearer.receive(timeout: 1, interrupts: []) else { break }
            guard case .handleValueNotification(let n)? = ATTPDU(bytes: pdu) else { continue }
            #expect(n.handle == layout.dataHandle)
            received += 1
            decoder.feed(n.value[...], hostTime: 0) { if case .sample = $0 { samples += 1 } }
        }
        let elapsed = Date().timeIntervalSince(start)
        // 100 Hz at speed 10: about 1000 a second. Paced, not as fast as possible; a loaded
        // machine may fall behind, never ahead.
        let rate = Double(received) / elapsed
        print("GATT runner: \(received) notifications in \(String(format: "%.3f", elapsed)) s = \(Int(rate))/s at speed 10")
        #expect(rate > 300)
        #expect(rate < 1150)
        #expect(samples == received)
        #expect(runner.counters.connectionsAccepted == 1)
        #expect(runner.counters.requestsServed == 2)
        #expect(runner.counters.notificationsSent >= received)
    }

    @Test("drop-after closes the link; the runner accepts a second central; its clock ran on")
    func dropAndReconnect() throws {
        let path = socketPath()
        let dev = device(.native)
        let runner = try GATTServerRunner(device: dev, path: path, speed: 10, dropAfter: 2)
        runner.start()
        defer { stopAndWait(runner) }
        let first = try UnixSeqpacketBearer.connect(path: path)
        defer { first.close() }
        #expect(try request(first, ATTExchangeMTURequest(clientReceiveMTU: 247).encode()) != nil)
        let connected = Date()
        #expect(throws: ATTBearerError.closedByPeer) {
            while try first.receive(timeout: 5, interrupts: []) != nil {}
        }
        let lasted = Date().timeIntervalSince(connected)
        #expect(lasted > 0.1)
        #expect(lasted < 2)
        #expect(runner.counters.connectionsDropped == 1)
        let second = try UnixSeqpacketBearer.connect(path: path)
        defer { second.close() }
        // A fresh connection starts at the default MTU: a 40-byte request is too long until exchanged.
        let info = try #require(dev.layout.infoHandle)
        guard case .readResponse(let short)? = try request(second, ATTReadRequest(handle: info).encode()).flatMap({ ATTPDU(bytes: $0) }) else {
            Issue.record("no read response"); return
        }
        #expect(short.value.count == 22)
        #expect(runner.counters.connectionsAccepted == 2)
        // Subscribing announces the device; its clock is past the first connection's 2 s.
        #expect(try request(second, ATTExchangeMTURequest(clientReceiveMTU: 247).encode()) != nil)
        let cccd = try #require(dev.layout.database.characteristic(NativeGATT.data)?.configurationHandle)
        try second.send(ATTWriteRequest(handle: cccd, value: [1, 0]).encode())
        var announced: NativeFrame?
        while announced == nil, let pdu = try second.receive(timeout: 5, interrupts: []) {
            if case .handleValueNotification(let n)? = ATTPDU(bytes: pdu) {
                announced = try NativeFrame(body: n.value[...], hasCRC: false)
            }
        }
        let frame = try #require(announced)
        #expect(frame.type == MessageType.deviceInfo.rawValue)
        #expect(frame.timeMicros >= 2_000_000)
    }

    @Test("a second central while one is connected is closed at once")
    func oneCentralAtATime() throws {
        let path = socketPath()
        let runner = try GATTServerRunner(device: device(.microbit), path: path, speed: 1)
        runner.start()
        defer { stopAndWait(runner) }
        let first = try UnixSeqpacketBearer.connect(path: path)
        defer { first.close() }
        #expect(try request(first, ATTReadRequest(handle: 1).encode()) != nil)
        let second = try UnixSeqpacketBearer.connect(path: path)
        defer { second.close() }
        #expect(throws: ATTBearerError.closedByPeer) { _ = try second.receive(timeout: 5, interrupts: []) }
        #expect(runner.counters.connectionsRefused == 1)
        #expect(try request(first, ATTReadRequest(handle: 1).encode()) == ATTReadResponse(value: MicrobitGATT.accelerometerService.littleEndianBytes).encode())
    }

    @Test("the socket file is 0600 and removed on stop")
    func socketFile() throws {
        let path = socketPath()
        let runner = try GATTServerRunner(device: device(.native), path: path, speed: 1)
        var status = stat()
        #expect(lstat(path, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFSOCK)
        #expect(status.st_mode & 0o777 == 0o600)
        runner.start()
        stopAndWait(runner)
        #expect(runner.endReason == "stopped")
        #expect(lstat(path, &status) != 0 && errno == ENOENT)
    }

    @Test("refuses to replace a regular file; replaces a stale socket; refuses a live one")
    func existingPath() throws {
        let path = socketPath()
        #expect(FileManager.default.createFile(atPath: path, contents: Data("keep".utf8)))
        #expect(throws: GATTServerRunnerError.notASocket(path: path)) {
            _ = try GATTServerRunner(device: device(.native), path: path)
        }
        #expect(FileManager.default.contents(atPath: path) == Data("keep".utf8))
        unlink(path)

        // A stale socket: bound, then its server went away without removing it.
        let stale = socket(AF_UNIX, CInt(SOCK_SEQPACKET.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (i, byte) in path.utf8.enumerated() { buffer[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(stale, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        close(stale)
        let runner = try GATTServerRunner(device: device(.native), path: path)
        #expect(throws: GATTServerRunnerError.inUse(path: path)) {
            _ = try GATTServerRunner(device: device(.native), path: path)
        }
        runner.start()
        stopAndWait(runner)
    }

    @Test("ends by itself once the duration is reached")
    func duration() throws {
        let path = socketPath()
        let runner = try GATTServerRunner(device: device(.witmotion), path: path, speed: 20, duration: 1)
        let started = Date()
        runner.start()
        #expect(waitReadable([runner.finishedDescriptor], timeout: 10) != nil)
        #expect(runner.endReason == "duration reached")
        #expect(Date().timeIntervalSince(started) > 0.03)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
