import GluteCore
import GluteDevices
import GluteSettings
import GluteWire

/// How a live session runs.
public struct LiveOptions: Sendable {
    public var source: SourceSpec
    public var pipeline: PipelineSettings
    /// The virtual sensor's speed for `sim` sources (simulated seconds per real second).
    public var simulationSpeed: Double = 1
    public var simulationSeed: UInt64 = 1
    /// Stop the virtual sensor after this much simulated time (nil: the scenario's length).
    public var simulationDuration: Double?
    /// Record the transport bytes to this capture file.
    public var capturePath: String?
    /// The verb the user typed (`monitor`, `record`, `coach`, ...), named in error messages.
    public var verb = "monitor"
    /// End after this many wall-clock seconds.
    public var duration: Double?
    /// Reopen a device that went away (with backoff) instead of ending.
    public var reconnect = true
    /// Columns for header-less CSV or plotter lines on a serial port.
    public var columns: String?
    /// Sees every decoded sample on the reader thread, before the pipeline (`calibrate`); keep it short.
    public var onSample: (@Sendable (Sample) -> Void)?
    /// The calibration profile `pipeline` was set up with, written into the capture's header.
    public var calibration: CalibrationProfile?

    public init(source: SourceSpec, pipeline: PipelineSettings) {
        self.source = source
        self.pipeline = pipeline
    }
}

/// Why a live session ended.
public enum LiveEnd: Sendable, Equatable {
    case interrupted, durationReached, requested, sourceEnded(String)
}
