/// A libudev call that failed; `description` is one line naming the call.
public struct UdevError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The libudev function that failed.
    public let call: String
    /// The errno it left (libudev reports errors through errno), 0 when it left none.
    public let code: CInt

    public init(call: String, code: CInt) {
        self.call = call
        self.code = code
    }

    public var description: String {
        code == 0 ? "\(call) failed" : "\(call) failed: \(SystemError(code: code, call: call).message) (errno \(code))"
    }
}
