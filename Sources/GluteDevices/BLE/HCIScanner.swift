import GluteWire

/// Runs an LE scan on one controller: turns any scan off, sets the parameters, enables scanning,
/// hands every advertising report to the caller, and always turns scanning off again.
///
/// The legacy commands (LE Set Scan Parameters / Enable) come first; a controller that refuses
/// them with Command Disallowed (what Bluetooth 5 controllers answer once bluetoothd used extended
/// scanning) or does not know them gets the extended ones (LE Set Extended Scan Parameters /
/// Enable) instead.
public final class HCIScanner {
    /// The command set a scan runs with.
    public enum Mode: String, Sendable, Equatable {
        case legacy
        case extended
    }

    /// Why a scan ended without an error.
    public enum Ending: String, Sendable, Equatable {
        /// The duration passed.
        case timeout
        /// A descriptor in `interrupts` became readable (SIGINT through a `SignalTrap`).
        case interrupted
    }

    /// What a finished scan did.
    public struct Outcome: Sendable, Equatable {
        public var mode: Mode
        public var ending: Ending
        /// Advertising reports handed to the caller.
        public var reports = 0
        /// Event packets that did not parse (counted, skipped).
        public var malformedEvents = 0
        /// Set when scanning could not be turned off at the end; the reports are still good.
        public var stopError: HCIScannerError?
    }

    private let transport: any HCIScannerTransport
    public let settings: HCIScannerSettings
    private let clock: @Sendable () -> Double
    /// The mode scanning was enabled in; nil while it is off.
    public private(set) var activeMode: Mode?
    /// Event packets that did not parse since the scanner was made.
    public private(set) var malformedEvents = 0

    /// A scanner over `transport`, which it closes in `close()`. `clock` gives seconds (default:
    /// the host's monotonic clock).
    public init(transport: any HCIScannerTransport, settings: HCIScannerSettings = HCIScannerSettings(),
                clock: @escaping @Sendable () -> Double = { HostClock.now().monotonic }) {
        self.transport = transport
        self.settings = settings
        self.clock = clock
    }

    /// A scanner on `adapter` (`hci0`), or on the fake controller of `GLUTEBRIDGE_HCI_SOCKET`.
    public static func open(adapter: String = "hci0", settings: HCIScannerSettings = HCIScannerSettings(),
                            environment: [String: String]? = nil) throws(HCIScannerError) -> HCIScanner {
        HCIScanner(transport: try HCIScannerOpener.open(adapter: adapter, environment: environment), settings: settings)
    }

    /// Scans for `duration` seconds (nil: until interrupted), calling `onReport` with each report
    /// and the clock's time of its arrival, then turns scanning off and closes the transport.
    /// A failure after scanning was enabled still turns it off before the error is thrown.
    public func scan(duration: Double?, interrupts: [Int32] = [],
                     onReport: (LEAdvertisingReport, Double) -> Void) throws(HCIScannerError) -> Outcome {
        defer { close() }
        let malformedBefore = malformedEvents
        let mode = try start()
        var outcome = Outcome(mode: mode, ending: .timeout)
        do {
            outcome.ending = try receiveReports(duration: duration, interrupts: interrupts) { report, time in
                outcome.reports += 1
                onReport(report, time)
            }
        } catch {
            try? stop()
            throw error
        }
        do { try stop() } catch { outcome.stopError = error }
        outcome.malformedEvents = malformedEvents - malformedBefore
        return outcome
    }

    /// Turns scanning on and says in which mode. Any scan already running on the controller is
    /// turned off first, so that the parameters can be set.
    @discardableResult
    public func start() throws(HCIScannerError) -> Mode {
        let scan = settings.scan
        // Its status does not matter: some controllers refuse to disable a scan that is not running.
        _ = try execute(.leSetScanEnable(false, filterDuplicates: false))
        let parameters = try execute(.leSetScanParameters(scan))
        if parameters.asksForExtendedCommands {
            _ = try execute(.leSetExtendedScanEnable(false, filterDuplicates: false))
            try require(.leSetExtendedScanParameters(scan))
            try require(.leSetExtendedScanEnable(true, filterDuplicates: scan.filterDuplicates))
            activeMode = .extended
        } else {
            guard parameters.isSuccess else { throw .commandFailed(command: .leSetScanParameters, status: parameters) }
            try require(.leSetScanEnable(true, filterDuplicates: scan.filterDuplicates))
            activeMode = .legacy
        }
        return activeMode!
    }

    /// Turns scanning off with the command set it was enabled with; does nothing when it is off.
    public func stop() throws(HCIScannerError) {
        guard let mode = activeMode else { return }
        activeMode = nil
        switch mode {
        case .legacy: try require(.leSetScanEnable(false, filterDuplicates: false))
        case .extended: try require(.leSetExtendedScanEnable(false, filterDuplicates: false))
        }
    }

    /// Reads events until `duration` passes or an interrupt, handing over advertising reports.
    public func receiveReports(duration: Double?, interrupts: [Int32],
                               onReport: (LEAdvertisingReport, Double) -> Void) throws(HCIScannerError) -> Ending {
        let deadline = duration.map { clock() + $0 }
        while true {
            var left: Double? = nil
            if let deadline {
                left = deadline - clock()
                if left! <= 0 { return .timeout }
            }
            switch try transport.receive(timeout: left, interrupts: interrupts) {
            case .timedOut: return .timeout
            case .interrupted: return .interrupted
            case .packet(let bytes):
                guard let event = HCIEvent(packet: bytes[...]) else {
                    malformedEvents += 1
                    continue
                }
                let time = clock()
                for report in event.advertisingReports { onReport(report, time) }
            }
        }
    }

    /// Closes the transport. Call `stop()` first; `scan` does both.
    public func close() { transport.close() }

    /// Sends `command` and throws unless the controller reports success.
    private func require(_ command: HCICommand) throws(HCIScannerError) {
        let status = try execute(command)
        guard status.isSuccess else { throw .commandFailed(command: command.opcode, status: status) }
    }

    /// Sends `command` and returns the status of its Command Complete, or of a Command Status
    /// that refused it. Other events meanwhile (advertising reports of a scan being stopped, other
    /// programs' commands) are passed over.
    private func execute(_ command: HCICommand) throws(HCIScannerError) -> HCIStatus {
        try transport.send(command.packet)
        let deadline = clock() + settings.commandTimeout
        while true {
            let left = deadline - clock()
            if left <= 0 { throw .controllerTimeout(command: command.opcode, seconds: settings.commandTimeout) }
            guard case .packet(let bytes) = try transport.receive(timeout: left, interrupts: []) else { continue }
            guard let event = HCIEvent(packet: bytes[...]) else {
                malformedEvents += 1
                continue
            }
            switch event {
            case .commandComplete(let complete) where complete.opcode == command.opcode:
                return complete.status ?? .unspecifiedError
            case .commandStatus(let status) where status.opcode == command.opcode && !status.status.isSuccess:
                return status.status
            default:
                continue
            }
        }
    }
}
