/// An HCI event packet (Core Vol 4 Part E 5.4.4) as read from an HCI socket: type byte 0x04,
/// event code, parameter length, parameters. The scanner needs three events; any other is kept
/// whole as `.other`, and any other LE Meta subevent as `.leMeta`.
public enum HCIEvent: Sendable, Equatable {
    case commandComplete(HCICommandComplete)
    case commandStatus(HCICommandStatus)
    /// LE Meta, subevent 0x02: one or more legacy advertising reports.
    case leAdvertisingReports([LEAdvertisingReport])
    /// LE Meta, subevent 0x0D: one or more extended advertising reports.
    case leExtendedAdvertisingReports([LEAdvertisingReport])
    /// Another LE Meta subevent, parameters after the subevent code.
    case leMeta(subevent: UInt8, parameters: [UInt8])
    case other(code: UInt8, parameters: [UInt8])

    public static let commandCompleteCode: UInt8 = 0x0E
    public static let commandStatusCode: UInt8 = 0x0F
    public static let leMetaCode: UInt8 = 0x3E
    public static let leAdvertisingReportSubevent: UInt8 = 0x02
    public static let leExtendedAdvertisingReportSubevent: UInt8 = 0x0D

    /// Parses one event packet. Nil when the type byte is not 0x04, the length byte disagrees with
    /// the packet's size, or one of the three events the scanner reads is malformed.
    public init?(packet: ArraySlice<UInt8>) {
        let start = packet.startIndex
        guard packet.count >= 3, packet[start] == HCIPacketType.event.rawValue,
              Int(packet[start + 2]) == packet.count - 3 else { return nil }
        self.init(code: packet[start + 1], parameters: packet[(start + 3)...])
    }

    /// Parses an event from its code and parameters.
    public init?(code: UInt8, parameters: ArraySlice<UInt8>) {
        switch code {
        case Self.commandCompleteCode:
            guard let event = HCICommandComplete(parameters: parameters) else { return nil }
            self = .commandComplete(event)
        case Self.commandStatusCode:
            guard let event = HCICommandStatus(parameters: parameters) else { return nil }
            self = .commandStatus(event)
        case Self.leMetaCode:
            guard let subevent = parameters.first else { return nil }
            let rest = parameters.dropFirst()
            switch subevent {
            case Self.leAdvertisingReportSubevent:
                guard let reports = LEAdvertisingReport.parseLegacy(rest) else { return nil }
                self = .leAdvertisingReports(reports)
            case Self.leExtendedAdvertisingReportSubevent:
                guard let reports = LEAdvertisingReport.parseExtended(rest) else { return nil }
                self = .leExtendedAdvertisingReports(reports)
            default:
                self = .leMeta(subevent: subevent, parameters: Array(rest))
            }
        default:
            self = .other(code: code, parameters: Array(parameters))
        }
    }

    /// The advertising reports the event carries, legacy or extended; empty for other events.
    public var advertisingReports: [LEAdvertisingReport] {
        switch self {
        case .leAdvertisingReports(let reports), .leExtendedAdvertisingReports(let reports): reports
        default: []
        }
    }

    public var code: UInt8 {
        switch self {
        case .commandComplete: Self.commandCompleteCode
        case .commandStatus: Self.commandStatusCode
        case .leAdvertisingReports, .leExtendedAdvertisingReports, .leMeta: Self.leMetaCode
        case .other(let code, _): code
        }
    }

    /// The event parameters, after code and length.
    public var parameters: [UInt8] {
        switch self {
        case .commandComplete(let event): event.parameters
        case .commandStatus(let event): event.parameters
        case .leAdvertisingReports(let reports): [Self.leAdvertisingReportSubevent] + LEAdvertisingReport.encodeLegacy(reports)
        case .leExtendedAdvertisingReports(let reports):
            [Self.leExtendedAdvertisingReportSubevent] + LEAdvertisingReport.encodeExtended(reports)
        case .leMeta(let subevent, let parameters): [subevent] + parameters
        case .other(_, let parameters): parameters
        }
    }

    /// The packet a controller would send: type 0x04, code, length, parameters (cut at 255 bytes,
    /// the most an event holds; callers that build events keep within it).
    public var packet: [UInt8] {
        let body = parameters.prefix(255)
        return [HCIPacketType.event.rawValue, code, UInt8(body.count)] + body
    }
}
