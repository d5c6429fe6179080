import GluteWire

/// Anything that yields samples in time order: the virtual sensor's scenarios, a recording, a test.
public protocol SampleSource: Sendable {
    mutating func next() -> Sample?
}
