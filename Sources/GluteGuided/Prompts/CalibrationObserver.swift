import GluteCore
import GluteSession
import GluteWire
import Synchronization

/// Feeds the procedure from the reader thread and ends the session when it is done.
public final class CalibrationObserver: GuidedObserver {
    private let mount: Mount
    fileprivate let procedure: Mutex<(CalibrationProcedure, samples: Int)>
    private let session = Mutex<LiveSession?>(nil)

    public init(mount: Mount, settings: CalibrationProcedureSettings) {
        self.mount = mount
        procedure = Mutex((CalibrationProcedure(settings: settings), 0))
    }

    public func attach(_ session: LiveSession) { self.session.withLock { $0 = session } }
    /// Breaks the session -> options -> observer -> session cycle.
    public func detach() { session.withLock { $0 = nil } }

    public func observe(_ sample: Sample) {
        guard case .imu(let imu) = sample else { return }
        let ended = procedure.withLock { p -> Bool in
            guard case .running = p.0.state else { return false }
            p.samples += 1
            if case .running = p.0.feed(mount.bodySample(imu)) { return false }
            return true
        }
        if ended { session.withLock { $0 }?.requestStop() }
    }

    public var state: CalibrationState { procedure.withLock { $0.0.state } }
    public var step: CalibrationStep { procedure.withLock { $0.0.step } }
    public var samples: Int { procedure.withLock { $0.samples } }
}

extension CalibrationObserver {
    public var settingsForDisplay: CalibrationProcedureSettings { procedure.withLock { $0.0.settings } }
}
