/// A problem with an input the user named: one line, with the path; `cause` keeps the failed
/// system call and its errno when there was one.
public struct InputError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public var cause: SystemError?

    public init(_ description: String, cause: SystemError? = nil) {
        self.description = description
        self.cause = cause
    }
}
