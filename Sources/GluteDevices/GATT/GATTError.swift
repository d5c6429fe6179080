import GluteWire

/// Why a GATT operation failed, as one line a user can act on.
public enum GATTError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bearer failed: the link was lost, the peer closed, a send stalled.
    case bearer(ATTBearerError)
    /// No response within the transaction timeout. The ATT bearer may not be used again after
    /// this (Core Vol 3 Part F 3.3.3): the link has to be reopened.
    case transactionTimeout(request: String, seconds: Double)
    /// A request after a transaction timed out on this bearer.
    case bearerUnusable
    /// The server answered with an error response.
    case attribute(request: String, handle: UInt16, code: ATTErrorCode)
    /// The server wants more security than the link has, and raising it did not help (or is
    /// impossible on this bearer).
    case securityRequired(request: String, handle: UInt16, code: ATTErrorCode)
    /// A value too long for one write at the negotiated MTU.
    case valueTooLong(length: Int, limit: Int)
    /// The server's answer broke the protocol (an empty discovery page, handles going backwards).
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .bearer(let error): return "\(error)"
        case .transactionTimeout(let request, let seconds):
            return "no answer to \(request) within \(DurationLabel.seconds(seconds)): the device stopped responding (link dropped)"
        case .bearerUnusable: return "the ATT link timed out earlier and must be reopened"
        case .attribute(let request, let handle, let code):
            return "\(request) on handle \(hex4(handle)) failed: \(code)"
        case .securityRequired(let request, let handle, let code):
            return "\(request) on handle \(hex4(handle)) needs a paired, encrypted link (\(code)): pair the device with `bluetoothctl pair ADDR`, or connect with ?security=medium"
        case .valueTooLong(let length, let limit):
            return "value of \(length) bytes does not fit one write (limit \(limit) at this MTU)"
        case .protocolViolation(let what): return "the device broke the GATT protocol: \(what)"
        }
    }
}

func hex4(_ value: UInt16) -> String {
    var text = String(value, radix: 16, uppercase: true)
    while text.count < 4 { text = "0" + text }
    return "0x" + text
}

enum DurationLabel {
    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(checked: s).map(String.init) ?? "\(s)") s" : "\(s) s"
    }
}
