import Glibc
import Synchronization

/// The ATT bearer of a real LE device: an L2CAP `SOCK_SEQPACKET` socket on the ATT fixed channel
/// (CID 4), opened through the kernel's Bluetooth stack.
public final class L2CAPBearer: ATTBearer {
    private let socket: PacketSocket
    /// The device, as written (`C0:FF:EE:00:00:01`).
    public let address: BluetoothAddress
    private let securityLevel: Mutex<BLESecurityLevel>

    private init(socket: PacketSocket, address: BluetoothAddress, security: BLESecurityLevel) {
        self.socket = socket
        self.address = address
        securityLevel = Mutex(security)
    }

    /// Asks the kernel for the next level up on the open link; it then pairs or encrypts
    /// (BT_SECURITY on a connected socket), and the caller retries its request.
    public func raiseSecurity() -> Bool {
        securityLevel.withLock { level in
            let next: BLESecurityLevel
            switch level {
            case .low: next = .medium
            case .medium: next = .high
            case .high: return false
            }
            let option = L2CAPSocketAddress.security(level: next)
            let result = option.withUnsafeBytes { buffer in
                Glibc.setsockopt(socket.descriptor.rawValue, L2CAPSocketAddress.levelBluetooth, L2CAPSocketAddress.optionSecurity,
                                 buffer.baseAddress, socklen_t(buffer.count))
            }
            guard result == 0 else { return false }
            level = next
            return true
        }
    }

    /// Connects to the ATT channel of `address`.
    ///
    /// - Parameters:
    ///   - randomAddress: the device uses an LE random address (`ble:ADDR?type=random`).
    ///   - security: `.low` leaves the kernel default; higher levels are asked for before connecting,
    ///     so the kernel pairs or encrypts as part of the connection.
    ///   - timeout: longest wait for the connection, in seconds (default 10).
    ///   - sendTimeout: longest a `send` waits for socket space (default 30, the ATT transaction timeout).
    ///   - interrupts: descriptors that abandon the wait when readable (`BLEConnectError.interrupted`).
    public static func connect(
        address text: String, randomAddress: Bool, security: BLESecurityLevel = .low,
        timeout: Double = 10, sendTimeout: Double = 30, interrupts: [Int32] = []
    ) throws(BLEConnectError) -> L2CAPBearer {
        guard let address = BluetoothAddress(text) else { throw .malformedAddress(text) }
        let name = address.description
        let type = CInt(SOCK_SEQPACKET.rawValue) | CInt(SOCK_CLOEXEC.rawValue) | CInt(SOCK_NONBLOCK.rawValue)
        let raw = Glibc.socket(CInt(L2CAPSocketAddress.addressFamily), type, L2CAPSocketAddress.protocolL2CAP)
        if raw < 0 {
            let error = SystemError(code: errno, call: "socket(AF_BLUETOOTH)")
            throw error.code == EAFNOSUPPORT ? .noBluetoothInKernel : .failed(address: name, error)
        }
        let descriptor = FileDescriptor(taking: raw)
        let addressType = randomAddress ? L2CAPSocketAddress.randomLE : L2CAPSocketAddress.publicLE

        // Bind to any adapter, with an LE address type: without it the kernel treats the socket as BR/EDR.
        let local = L2CAPSocketAddress.bytes(address: [UInt8](repeating: 0, count: 6), addressType: L2CAPSocketAddress.publicLE,
                                             cid: L2CAPSocketAddress.attChannel)
        if let error = withSocketAddress(local, { Glibc.bind(raw, $0, $1) }, call: "bind") {
            throw error.code == ENETDOWN ? .adapterDown : .noAdapter(error)
        }

        if security != .low {
            let option = L2CAPSocketAddress.security(level: security)
            let result = option.withUnsafeBytes { buffer in
                Glibc.setsockopt(raw, L2CAPSocketAddress.levelBluetooth, L2CAPSocketAddress.optionSecurity,
                                 buffer.baseAddress, socklen_t(buffer.count))
            }
            if result != 0 { throw map(SystemError(code: errno, call: "setsockopt(BT_SECURITY)"), address: name, timeout: timeout) }
        }

        let remote = L2CAPSocketAddress.bytes(address: address.kernelOrder, addressType: addressType,
                                              cid: L2CAPSocketAddress.attChannel)
        if let error = withSocketAddress(remote, { Glibc.connect(raw, $0, $1) }, call: "connect"), error.code != EINPROGRESS {
            throw map(error, address: name, timeout: timeout)
        }
        try awaitConnection(raw, address: name, timeout: timeout, interrupts: interrupts)
        return L2CAPBearer(socket: PacketSocket(descriptor: descriptor, sendTimeout: sendTimeout), address: address, security: security)
    }

    public func send(_ pdu: [UInt8]) throws(ATTBearerError) { try socket.send(pdu) }

    public func receive(timeout: Double?, interrupts: [Int32]) throws(ATTBearerError) -> [UInt8]? {
        try socket.receive(timeout: timeout, interrupts: interrupts)
    }

    public var pollDescriptor: Int32 { socket.descriptor.rawValue }

    public func close() { socket.close() }

    /// Waits for the non-blocking connect to finish and turns its outcome into our errors.
    private static func awaitConnection(_ raw: CInt, address: String, timeout: Double, interrupts: [Int32]) throws(BLEConnectError) {
        switch awaitConnect(raw, timeout: timeout, interrupts: interrupts) {
        case .connected: return
        case .timedOut: throw .timedOut(address: address, seconds: timeout)
        case .interrupted: throw .interrupted(address: address)
        case .failed(let error): throw map(error, address: address, timeout: timeout)
        }
    }

    static func map(_ error: SystemError, address: String, timeout: Double) -> BLEConnectError {
        switch error.code {
        case EAFNOSUPPORT: return .noBluetoothInKernel
        case EHOSTUNREACH, ENODEV, EADDRNOTAVAIL: return .noAdapter(error)
        case ENETDOWN: return .adapterDown
        case ECONNREFUSED: return .refused(address: address)
        case ETIMEDOUT: return .timedOut(address: address, seconds: timeout)
        case EACCES, EPERM: return .pairingRequired(address: address, error)
        default: return .failed(address: address, error)
        }
    }
}
