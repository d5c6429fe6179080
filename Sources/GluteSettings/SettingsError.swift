/// A setting that could not be used, as one line for the user: where it came from (`--tilt-limit`,
/// or `FILE:LINE: tilt-limit`) and what is wrong with it.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The option, or the config file (with line when known) and key.
    public var origin: String
    public var problem: String

    public init(origin: String, problem: String) {
        self.origin = origin
        self.problem = problem
    }

    public var description: String { "\(origin): \(problem)" }
}
