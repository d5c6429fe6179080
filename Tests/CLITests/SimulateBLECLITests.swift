import Foundation
import Glibc
import GluteWire
import Testing

/// A bare SOCK_SEQPACKET client: the CLI tests link no device code, so the socket is opened here.
private final class SeqpacketClient {
    let fd: Int32

    init?(path: String) {
        fd = socket(AF_UNIX, CInt(SOCK_SEQPACKET.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (i, byte) in path.utf8.enumerated() { buffer[i] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    func send(_ pdu: [UInt8]) { _ = pdu.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, CInt(MSG_NOSIGNAL)) } }

    /// The next PDU, or nil after `timeout` seconds or at the end of the connection.
    func receive(timeout: Double) -> [UInt8]? {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Int32(timeout * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Array(buffer[..<count]) : nil
    }

    /// The first reply that is not a notification.
    func request(_ pdu: [UInt8]) -> [UInt8]? {
        send(pdu)
        while let reply = receive(timeout: 5) {
            if reply.first != ATTOpcode.handleValueNotification.rawValue { return reply }
        }
        return nil
    }
}

@Suite("simulate --ble, run as a process", .enabled(if: CLI.available, "build the binary first: swift build"))
struct SimulateBLECLITests {
    @Test("prints the socket path; a raw client subscribes and gets WitMotion notifications; SIGINT removes the socket")
    func rawClientGetsNotifications() throws {
        let path = "/tmp/gb-cli-\(getpid())-\(UUID().uuidString.prefix(6)).sock"
        let (process, out) = try CLI.start(["simulate", "--ble", path, "--profile", "witmotion", "--packing", "split",
                                            "--scenario", "tilt", "--speed", "10"])
        defer { if process.isRunning { process.terminate() } }
        #expect(readLine(from: out) == path)
        let client = try #require(SeqpacketClient(path: path))
        #expect(client.request(ATTExchangeMTURequest(clientReceiveMTU: 247).encode()) == ATTExchangeMTUResponse(serverReceiveMTU: 247).encode())
        // The first configuration descriptor is ffe4's.
        let found = client.request(ATTReadByTypeRequest(startHandle: 1, endHandle: 0xFFFF,
                                                        attributeType: GATTAssignedNumbers.clientCharacteristicConfiguration).encode())
        guard case .readByTypeResponse(let descriptors)? = found.flatMap({ ATTPDU(bytes: $0) }) else {
            Issue.record("no CCCD found"); return
        }
        let cccd = try #require(descriptors.entries.first?.handle)
        #expect(client.receive(timeout: 0.2) == nil)
        #expect(client.request(ATTWriteRequest(handle: cccd, value: [1, 0]).encode()) == ATTWriteResponse().encode())
        var decoder = WitMotionBLEDecoder()
        var samples = 0, notifications = 0
        let start = Date()
        while Date().timeIntervalSince(start) < 0.5, let pdu = client.receive(timeout: 2) {
            guard case .handleValueNotification(let n)? = ATTPDU(bytes: pdu), n.handle == cccd - 1 else { continue }
            notifications += 1
            decoder.feed(n.value[...], hostTime: 0) { if case .sample = $0 { samples += 1 } }
        }
        #expect(notifications > 50)
        #expect(samples > 50)
        #expect(decoder.statistics.resyncs == 0)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("option mistakes are one-line errors", arguments: [
        (["simulate", "--ble", "/nonexistent-gb-dir/x.sock"], "does not exist"),
        (["simulate", "--pty", "--profile", "witmotion"], "--profile goes with --ble"),
        (["simulate", "--ble", "/tmp/x.sock", "--packing", "merged"], "--packing goes with --profile witmotion"),
        (["simulate", "--ble", "/tmp/x.sock", "--profile", "witmotion", "--packing", "two"], "unknown packing"),
        (["simulate", "--ble", "/tmp/x.sock", "--profile", "polar"], "unknown profile"),
        (["simulate", "--ble", "/tmp/x.sock", "--pty"], "exactly one of"),
        (["simulate", "--ble", "/tmp/x.sock", "--drop-after", "0s"], "--drop-after"),
    ])
    func validation(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
        #expect(errors.count == 1)
        #expect(errors.first?.contains(message) == true, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("a regular file at the path is left alone")
    func regularFile() throws {
        let dir = temporaryDirectory()
        let path = dir.appendingPathComponent("not-a-socket").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        let result = try CLI.run(["simulate", "--ble", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("not a socket"))
        #expect(FileManager.default.contents(atPath: path) == Data("x".utf8))
    }
}
