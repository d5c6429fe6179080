import Glibc

/// Opens the ATT bearer a `ble:` source asks for: the unix test socket of `att=unix:PATH` (or of
/// the `GLUTEBRIDGE_ATT_SOCKET` environment variable), otherwise the L2CAP ATT channel.
public enum ATTBearerOpener {
    /// The environment variable naming a `SOCK_SEQPACKET` unix socket to use instead of L2CAP when
    /// the source gives no `att=` option.
    public static let environmentVariable = "GLUTEBRIDGE_ATT_SOCKET"

    /// The unix socket path `spec` resolves to, if any: its `att=` option first, then the variable.
    public static func unixSocketPath(for spec: SourceSpec.BLESpec, environment: [String: String]? = nil) -> String? {
        if let path = spec.attSocket { return path }
        let value = environment.map { $0[environmentVariable] } ?? getenv(environmentVariable).map { String(cString: $0) }
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// Connects as `spec` says, waiting at most `timeout` seconds, or until a descriptor in
    /// `interrupts` is readable.
    public static func open(
        _ spec: SourceSpec.BLESpec, timeout: Double = 10, interrupts: [Int32] = [], environment: [String: String]? = nil
    ) throws(BLEConnectError) -> any ATTBearer {
        if let path = unixSocketPath(for: spec, environment: environment) {
            return try UnixSeqpacketBearer.connect(path: path, timeout: timeout)
        }
        return try L2CAPBearer.connect(address: spec.address, randomAddress: spec.randomAddress,
                                       security: BLESecurityLevel(rawValue: spec.security) ?? .low, timeout: timeout,
                                       interrupts: interrupts)
    }
}
