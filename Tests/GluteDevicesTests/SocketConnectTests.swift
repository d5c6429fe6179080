import Foundation
import Glibc
import Testing
@testable import GluteDevices

@Suite("waiting for a connect in progress")
struct SocketConnectTests {
    /// A socket that never turns writable: one end of a socketpair whose buffer is full, while the
    /// other end reads nothing. It stands in for an L2CAP connect to a device out of reach.
    private func stuckSocket() throws -> (CInt, CInt) {
        var pair: [CInt] = [-1, -1]
        try #require(socketpair(AF_UNIX, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_NONBLOCK.rawValue), 0, &pair) == 0)
        let chunk = [UInt8](repeating: 0, count: 65536)
        while chunk.withUnsafeBytes({ Glibc.send(pair[0], $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }) > 0 {}
        try #require(errno == EAGAIN || errno == EWOULDBLOCK)
        return (pair[0], pair[1])
    }

    @Test("an interrupt ends the wait at once, long before the timeout")
    func interruptEndsTheWait() throws {
        let (stuck, other) = try stuckSocket()
        defer { Glibc.close(stuck); Glibc.close(other) }
        let wake = try WakeUp()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { wake.signal() }
        let start = HostClock.now().monotonic
        #expect(awaitConnect(stuck, timeout: 20, interrupts: [wake.pollDescriptor]) == .interrupted)
        let elapsed = HostClock.now().monotonic - start
        #expect(elapsed >= 0.09 && elapsed < 5, "\(elapsed) s")
        #expect(BLEConnectError.interrupted(address: "C0:FF:EE:00:00:01").description == "connecting to C0:FF:EE:00:00:01 was interrupted")
    }

    @Test("without an interrupt the timeout ends it")
    func timeoutEndsTheWait() throws {
        let (stuck, other) = try stuckSocket()
        defer { Glibc.close(stuck); Glibc.close(other) }
        let start = HostClock.now().monotonic
        #expect(awaitConnect(stuck, timeout: 0.2) == .timedOut)
        #expect(HostClock.now().monotonic - start >= 0.19)
    }
}
