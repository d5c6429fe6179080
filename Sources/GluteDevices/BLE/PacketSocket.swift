import Glibc
import GluteWire

/// The send and receive logic shared by every `ATTBearer`: a connected, non-blocking packet socket
/// (`SOCK_SEQPACKET`) where each datagram is one PDU.
final class PacketSocket: Sendable {
    /// Larger than any ATT PDU (ATT_MTU tops out at 517), so a cut PDU means a misbehaving peer.
    static let receiveLimit = 1024

    let descriptor: FileDescriptor
    let sendTimeout: Double

    init(descriptor: FileDescriptor, sendTimeout: Double) {
        self.descriptor = descriptor
        self.sendTimeout = sendTimeout
    }

    func send(_ pdu: [UInt8]) throws(ATTBearerError) {
        let socket = descriptor.rawValue
        guard socket >= 0 else { throw .closed }
        let deadline = HostClock.now().monotonic + sendTimeout
        while true {
            let sent = pdu.withUnsafeBytes { buffer -> Int in
                // MSG_NOSIGNAL: a closed peer must come back as EPIPE, not kill the process with SIGPIPE.
                Glibc.send(socket, buffer.baseAddress, buffer.count, CInt(MSG_NOSIGNAL))
            }
            if sent >= 0 { return }  // a packet socket takes the whole datagram or nothing
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                let left = deadline - HostClock.now().monotonic
                if left <= 0 { throw .sendTimedOut(seconds: sendTimeout) }
                _ = try wait(for: Int16(POLLOUT), timeout: left, interrupts: [])
            default: throw Self.classify(SystemError(code: code, call: "send"))
            }
        }
    }

    func receive(timeout: Double?, interrupts: [Int32]) throws(ATTBearerError) -> [UInt8]? {
        let deadline = timeout.map { HostClock.now().monotonic + $0 }
        while true {
            let socket = descriptor.rawValue
            guard socket >= 0 else { throw .closed }
            var buffer = [UInt8](repeating: 0, count: Self.receiveLimit)
            // MSG_TRUNC: the kernel returns the datagram's full length, so a cut PDU is detected.
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                Glibc.recv(socket, raw.baseAddress, raw.count, CInt(MSG_TRUNC))
            }
            if count > Self.receiveLimit { throw .oversizedPDU(size: count, limit: Self.receiveLimit) }
            // An ATT PDU always has an opcode, so an empty read can only be the end of the connection.
            if count == 0 { throw .closedByPeer }
            if count > 0 { return Array(buffer[..<count]) }
            let code = errno
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else {
                throw Self.classify(SystemError(code: code, call: "recv"))
            }
            var left: Double? = nil
            if let deadline {
                left = deadline - HostClock.now().monotonic
                if left! <= 0 { return nil }
            }
            if try !wait(for: Int16(POLLIN), timeout: left, interrupts: interrupts) { return nil }
        }
    }

    /// Waits until the socket has `events` (or an error, which the next call reports). False on
    /// timeout; throws `.interrupted` when an interrupt descriptor is readable.
    private func wait(for events: Int16, timeout: Double?, interrupts: [Int32]) throws(ATTBearerError) -> Bool {
        var entries = [pollfd(fd: descriptor.rawValue, events: events, revents: 0)]
        for interrupt in interrupts { entries.append(pollfd(fd: interrupt, events: Int16(POLLIN), revents: 0)) }
        var milliseconds: CInt = -1
        if let timeout { milliseconds = max(0, CInt(saturating: timeout * 1000, rounding: .up)) }
        let ready: Int
        do { ready = try Posix.poll(&entries, timeoutMilliseconds: milliseconds) } catch { throw .system(error) }
        if ready == 0 { return false }
        if entries.dropFirst().contains(where: { $0.revents != 0 }) { throw .interrupted }
        return true
    }

    /// Errors that mean the connection is over, whatever the transport.
    static func classify(_ error: SystemError) -> ATTBearerError {
        switch error.code {
        case ECONNRESET, ENOTCONN, EPIPE, ECONNABORTED, EHOSTDOWN: return .closedByPeer
        default: return .system(error)
        }
    }

    func close() { try? descriptor.close() }
}
