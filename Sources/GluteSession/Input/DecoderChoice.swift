import GluteWire

/// Which decoder reads a stream, as named on the command line.
public enum DecoderChoice: String, Sendable, CaseIterable {
    case native, witmotion, csv, plotter

    public func makeDecoder(columns: String? = nil) throws -> any StreamDecoder {
        switch self {
        case .native: return NativeDecoder()
        case .witmotion, .csv, .plotter:
            throw InputError("the \(rawValue) decoder is not available in this build")
        }
    }
}

/// A problem with an input the user named: one line, with the path.
public struct InputError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
