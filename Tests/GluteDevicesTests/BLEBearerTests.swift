import Foundation
import Glibc
import Testing
@testable import GluteDevices

/// Two connected `SOCK_SEQPACKET` unix sockets wrapped as bearers.
private func bearerPair() throws -> (UnixSeqpacketBearer, UnixSeqpacketBearer) {
    var pair: [CInt] = [-1, -1]
    let type = CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue)
    try #require(socketpair(AF_UNIX, type, 0, &pair) == 0, "socketpair: errno \(errno)")
    return (UnixSeqpacketBearer(descriptor: FileDescriptor(taking: pair[0])),
            UnixSeqpacketBearer(descriptor: FileDescriptor(taking: pair[1])))
}

@Suite("ATT bearer over SOCK_SEQPACKET")
struct BLEBearerTests {
    @Test("PDUs keep their boundaries")
    func boundaries() throws {
        let (near, far) = try bearerPair()
        let pdus: [[UInt8]] = [[0x02, 0x17, 0x00], [0x1B, 0x2A, 0x00] + (0..<20).map { UInt8($0) }, [0x1E]]
        for pdu in pdus { try near.send(pdu) }
        var received: [[UInt8]] = []
        for _ in pdus { received.append(try #require(try far.receive(timeout: hangGuard, interrupts: []))) }
        #expect(received == pdus)
        // And back the other way.
        try far.send([0x03, 0x00, 0x02])
        #expect(try near.receive(timeout: hangGuard, interrupts: []) == [0x03, 0x00, 0x02])
    }

    @Test("receive returns nil when the timeout passes")
    func timeout() throws {
        let (near, far) = try bearerPair()
        // The far end must stay open: once released it closes, and the wait would end with closedByPeer.
        defer { withExtendedLifetime(far) {} }
        let start = HostClock.now().monotonic
        let pdu = try near.receive(timeout: 0.1, interrupts: [])
        let elapsed = HostClock.now().monotonic - start
        #expect(pdu == nil)
        #expect(elapsed >= 0.09)
        #expect(elapsed < hangGuard)
    }

    @Test("a readable interrupt descriptor ends a wait promptly")
    func interrupt() throws {
        let (near, far) = try bearerPair()
        // The far end must stay open: once released it closes, and the wait would end with closedByPeer.
        defer { withExtendedLifetime(far) {} }
        let wakeUp = try WakeUp()
        let start = HostClock.now().monotonic
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { wakeUp.signal() }
        #expect(throws: ATTBearerError.interrupted) {
            _ = try near.receive(timeout: nil, interrupts: [wakeUp.pollDescriptor])
        }
        let elapsed = HostClock.now().monotonic - start
        #expect(elapsed < 5, "interrupt took \(elapsed) s")
        // Already signalled: no wait at all, even with a long timeout.
        #expect(throws: ATTBearerError.interrupted) {
            _ = try near.receive(timeout: hangGuard, interrupts: [wakeUp.pollDescriptor])
        }
    }

    @Test("peer close is thrown as closedByPeer, on receive and on send")
    func peerClose() throws {
        let (near, far) = try bearerPair()
        try far.send([0x1B, 0x01, 0x00])
        far.close()
        // A PDU sent before the close still arrives first.
        #expect(try near.receive(timeout: hangGuard, interrupts: []) == [0x1B, 0x01, 0x00])
        #expect(throws: ATTBearerError.closedByPeer) { _ = try near.receive(timeout: hangGuard, interrupts: []) }
        #expect(throws: ATTBearerError.closedByPeer) { try near.send([0x0A, 0x03, 0x00]) }
        #expect(far.pollDescriptor == -1)
        #expect(throws: ATTBearerError.closed) { try far.send([0x0A]) }
    }

    @Test("a PDU larger than the receive buffer is reported with its real size")
    func oversized() throws {
        let (near, far) = try bearerPair()
        let big = [UInt8](repeating: 0x52, count: PacketSocket.receiveLimit + 500)
        try near.send(big)
        #expect(throws: ATTBearerError.oversizedPDU(size: big.count, limit: PacketSocket.receiveLimit)) {
            _ = try far.receive(timeout: hangGuard, interrupts: [])
        }
    }

    @Test("connect(path:) reaches a listening SOCK_SEQPACKET socket")
    func connectToPath() throws {
        let path = NSTemporaryDirectory() + "glute-att-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        defer { unlink(path) }
        let listener = socket(AF_UNIX, CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        try #require(listener >= 0)
        defer { Glibc.close(listener) }
        let address = try #require(unixSocketAddress(path))
        #expect(withSocketAddress(address, { bind(listener, $0, $1) }, call: "bind") == nil)
        try #require(listen(listener, 1) == 0)

        let client = try UnixSeqpacketBearer.connect(path: path)
        let accepted = accept(listener, nil, nil)
        try #require(accepted >= 0)
        let server = UnixSeqpacketBearer(descriptor: FileDescriptor(taking: accepted))
        try client.send([0x02, 0x00, 0x02])
        try client.send([0x10, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x28])
        #expect(try server.receive(timeout: hangGuard, interrupts: []) == [0x02, 0x00, 0x02])
        #expect(try server.receive(timeout: hangGuard, interrupts: []) == [0x10, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x28])
        try server.send([0x03, 0x17, 0x00])
        #expect(try client.receive(timeout: hangGuard, interrupts: []) == [0x03, 0x17, 0x00])
        client.close()
        #expect(throws: ATTBearerError.closedByPeer) { _ = try server.receive(timeout: hangGuard, interrupts: []) }
    }

    @Test("connect(path:) to nothing names the path and the errno")
    func connectToMissingPath() {
        let path = "/nonexistent-dir-glute/att.sock"
        var caught: BLEConnectError?
        do { _ = try UnixSeqpacketBearer.connect(path: path) } catch { caught = error }
        guard case .unixSocketUnavailable(let reported, let error)? = caught else {
            Issue.record("expected unixSocketUnavailable, got \(String(describing: caught))")
            return
        }
        #expect(reported == path)
        #expect(error.code == ENOENT)
        #expect(caught?.description.contains(path) == true)
    }

    @Test("a ble: source with att=unix:PATH opens the unix bearer, without it the L2CAP one")
    func openerFollowsTheSpec() throws {
        let path = NSTemporaryDirectory() + "glute-att-spec-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        defer { unlink(path) }
        let listener = socket(AF_UNIX, CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        try #require(listener >= 0)
        defer { Glibc.close(listener) }
        let address = try #require(unixSocketAddress(path))
        try #require(withSocketAddress(address, { bind(listener, $0, $1) }, call: "bind") == nil)
        try #require(listen(listener, 1) == 0)

        guard case .ble(let spec) = try SourceSpec(parsing: "ble:C0:FF:EE:00:00:01?att=unix:\(path)") else {
            Issue.record("not a ble: spec")
            return
        }
        let bearer = try ATTBearerOpener.open(spec, environment: [:])
        #expect(bearer is UnixSeqpacketBearer)
        bearer.close()

        var plain = spec
        plain.attSocket = nil
        #expect(ATTBearerOpener.unixSocketPath(for: plain, environment: [:]) == nil)
        #expect(ATTBearerOpener.unixSocketPath(for: plain, environment: [ATTBearerOpener.environmentVariable: path]) == path)
        #expect(ATTBearerOpener.unixSocketPath(for: spec, environment: [ATTBearerOpener.environmentVariable: "/other"]) == path)
        if !kernelHasBluetooth {
            // Without the hook the opener goes to L2CAP, which this kernel cannot provide.
            #expect(throws: BLEConnectError.noBluetoothInKernel) { _ = try ATTBearerOpener.open(plain, timeout: 1, environment: [:]) }
        }
    }
}
