import GluteSession
import GluteWire

/// What a guided verb (`calibrate`, `check`) watches: every sample, on the reader thread, and the
/// session, which it ends once its steps are done.
public protocol GuidedObserver: AnyObject, Sendable {
    func observe(_ sample: Sample)
    func attach(_ session: LiveSession)
    /// Breaks the session -> options -> observer -> session cycle.
    func detach()
}
