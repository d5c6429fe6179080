/// Where samples come from, as written on the command line (DESIGN.md "Sources"):
/// `/dev/ttyACM0`, `serial:PATH?baud=115200&protocol=witmotion`,
/// `ble:AA:BB:CC:DD:EE:FF?profile=native&type=random&att=unix:PATH`, `sim[:SCENARIO]`, or a file.
public enum SourceSpec: Sendable, Equatable {
    case serial(SerialSpec)
    case ble(BLESpec)
    case simulated(scenario: String)
    case file(path: String)

    public struct SerialSpec: Sendable, Equatable {
        public var path: String
        /// nil: the protocol's usual rate (native: 115200), or probing (witmotion).
        public var baud: Int?
        public var wireProtocol: WireProtocol
        public var columns: String?

        public init(path: String, baud: Int? = nil, wireProtocol: WireProtocol = .auto, columns: String? = nil) {
            self.path = path
            self.baud = baud
            self.wireProtocol = wireProtocol
            self.columns = columns
        }
    }

    public struct BLESpec: Sendable, Equatable {
        public var address: String
        public var profile: String
        public var randomAddress: Bool
        public var security: String
        /// A SOCK_SEQPACKET unix socket to use as the ATT bearer instead of L2CAP.
        public var attSocket: String?
    }

    public enum WireProtocol: String, Sendable, Equatable, CaseIterable {
        case native, witmotion, csv, plotter, auto
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(parsing text: String) throws(ParseError) {
        if text == "sim" || text.hasPrefix("sim:") {
            let scenario = text == "sim" ? "desk-day" : String(text.dropFirst(4))
            guard !scenario.isEmpty else { throw ParseError(description: "sim: needs a scenario name after the colon (see `glutebridge simulate --help`)") }
            self = .simulated(scenario: scenario)
            return
        }
        if text.hasPrefix("serial:") {
            let (path, query) = try SourceSpec.split(String(text.dropFirst(7)), source: text)
            guard !path.isEmpty else { throw ParseError(description: "serial: needs a device path, e.g. serial:/dev/ttyACM0") }
            self = .serial(try SourceSpec.serialSpec(path: path, options: query))
            return
        }
        if text.hasPrefix("ble:") {
            let (address, query) = try SourceSpec.split(String(text.dropFirst(4)), source: text)
            guard SourceSpec.isBluetoothAddress(address) else {
                throw ParseError(description: "'\(address)' is not a Bluetooth address (six hex pairs, e.g. ble:C0:FF:EE:00:00:01)")
            }
            self = .ble(try SourceSpec.bleSpec(address: address, options: query))
            return
        }
        guard !text.isEmpty else { throw ParseError(description: "empty source; give a device path, serial:, ble:, sim or a file") }
        if text.hasPrefix("/dev/") {
            self = .serial(SerialSpec(path: text, baud: nil, wireProtocol: .auto, columns: nil))
        } else if let colon = text.firstIndex(of: ":"), colon != text.startIndex, text[..<colon].allSatisfy({ $0.isLetter }) {
            // `foo:bar` reads as a source scheme, not as a file name; say which schemes there are.
            throw ParseError(description: "'\(text[..<colon]):' is not a known source scheme; use a tty path (/dev/ttyACM0), "
                + "serial:PATH, ble:ADDRESS, sim[:SCENARIO] or a file (./\(text) for a file of that name)")
        } else {
            self = .file(path: text)
        }
    }

    public var isSimulated: Bool {
        if case .simulated = self { return true }
        return false
    }

    /// A short name for logs and the live view.
    public var label: String {
        switch self {
        case .serial(let s): return s.path
        case .ble(let b): return "ble:" + b.address
        case .simulated(let scenario): return "sim:" + scenario
        case .file(let path): return path
        }
    }

    /// A `serial:` source from its path and its `?key=value` options.
    private static func serialSpec(path: String, options query: [(String, String)]) throws(ParseError) -> SerialSpec {
        var spec = SerialSpec(path: path, baud: nil, wireProtocol: .auto, columns: nil)
        for (key, value) in query {
            switch key {
            case "baud":
                guard let baud = Int(value), baud > 0, baud <= 12_000_000 else {
                    throw ParseError(description: "baud=\(value) is not a baud rate (e.g. 9600, 115200, 921600)")
                }
                spec.baud = baud
            case "protocol":
                guard let p = WireProtocol(rawValue: value) else {
                    throw ParseError(description: "protocol=\(value) is not one of \(WireProtocol.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                spec.wireProtocol = p
            case "columns":
                spec.columns = value
            default:
                throw ParseError(description: "unknown serial option '\(key)' (baud, protocol, columns)")
            }
        }
        return spec
    }

    /// A `ble:` source from its address and its `?key=value` options.
    private static func bleSpec(address: String, options query: [(String, String)]) throws(ParseError) -> BLESpec {
        var spec = BLESpec(address: address.uppercased(), profile: "auto", randomAddress: false, security: "low", attSocket: nil)
        for (key, value) in query {
            switch key {
            case "profile":
                guard ["auto", "native", "witmotion", "microbit"].contains(value) else {
                    throw ParseError(description: "profile=\(value) is not one of auto, native, witmotion, microbit")
                }
                spec.profile = value
            case "type":
                guard value == "public" || value == "random" else { throw ParseError(description: "type=\(value) must be public or random") }
                spec.randomAddress = value == "random"
            case "security":
                guard ["low", "medium", "high"].contains(value) else { throw ParseError(description: "security=\(value) must be low, medium or high") }
                spec.security = value
            case "att":
                guard value.hasPrefix("unix:"), value.count > 5 else { throw ParseError(description: "att=\(value) must be unix:PATH") }
                spec.attSocket = String(value.dropFirst(5))
            default:
                throw ParseError(description: "unknown ble option '\(key)' (profile, type, security, att)")
            }
        }
        return spec
    }

    private static func split(_ text: String, source: String) throws(ParseError) -> (String, [(String, String)]) {
        guard let q = text.firstIndex(of: "?") else { return (text, []) }
        var pairs: [(String, String)] = []
        for item in text[text.index(after: q)...].split(separator: "&") {
            guard let eq = item.firstIndex(of: "=") else {
                throw ParseError(description: "'\(item)' in \(source) needs the form key=value")
            }
            let key = String(item[..<eq])
            // Last-one-wins would silently pick one of two bauds the user typed; say which key came twice.
            guard !pairs.contains(where: { $0.0 == key }) else {
                throw ParseError(description: "\(key)= is given twice in \(source)")
            }
            pairs.append((key, String(item[item.index(after: eq)...])))
        }
        return (String(text[..<q]), pairs)
    }

    static func isBluetoothAddress(_ s: String) -> Bool {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 6 && parts.allSatisfy { $0.count == 2 && UInt8($0, radix: 16) != nil }
    }
}
