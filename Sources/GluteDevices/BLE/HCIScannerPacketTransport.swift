import Glibc

/// An `HCIScannerTransport` over a packet socket: a raw HCI socket bound to one adapter, or a
/// unix `SOCK_SEQPACKET` socket with a fake controller at the other end.
final class HCIScannerPacketTransport: HCIScannerTransport {
    private let socket: PacketSocket
    /// Named in errors: `hci0`, or the unix socket's path.
    let adapter: String

    /// Takes ownership of a connected or bound packet socket and makes it non-blocking (the
    /// waits are poll's, with their timeouts).
    init(descriptor: FileDescriptor, adapter: String) {
        let flags = fcntl(descriptor.rawValue, F_GETFL)
        if flags >= 0, flags & O_NONBLOCK == 0 { _ = fcntl(descriptor.rawValue, F_SETFL, flags | O_NONBLOCK) }
        socket = PacketSocket(descriptor: descriptor, sendTimeout: 5)
        self.adapter = adapter
    }

    func send(_ packet: [UInt8]) throws(HCIScannerError) {
        do { try socket.send(packet) } catch { throw map(error) }
    }

    func receive(timeout: Double?, interrupts: [Int32]) throws(HCIScannerError) -> HCIScannerReceipt {
        do {
            guard let packet = try socket.receive(timeout: timeout, interrupts: interrupts) else { return .timedOut }
            return .packet(packet)
        } catch .interrupted {
            return .interrupted
        } catch {
            throw map(error)
        }
    }

    func close() { socket.close() }

    private func map(_ error: ATTBearerError) -> HCIScannerError {
        switch error {
        case .closedByPeer, .closed: return .adapterLost
        case .interrupted: return .system(SystemError(code: EINTR, call: "poll"))
        case .sendTimedOut: return .system(SystemError(code: ETIMEDOUT, call: "send"))
        case .oversizedPDU(let size, _): return .system(SystemError(code: EMSGSIZE, call: "recv (\(size) bytes)"))
        case .system(let failure): return HCIScannerOpener.map(failure, adapter: adapter)
        }
    }
}
