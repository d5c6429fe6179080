import GluteWire

/// How one doctor check came out. Only `fail` makes `glutebridge doctor` exit non-zero: it marks
/// something that stops a sensor from working; `warn` marks something that may.
public enum DoctorStatus: String, Sendable, CaseIterable {
    case ok = "OK"
    case info = "INFO"
    case warn = "WARN"
    case fail = "FAIL"
}

/// One line of the doctor's report: what was checked, what was found, and what to do about it.
public struct DoctorCheck: Sendable, Equatable {
    /// Short stable name, such as `kernel-bluetooth`; scripts match on it in `--json`.
    public var name: String
    public var status: DoctorStatus
    /// What was found, in one sentence.
    public var detail: String
    /// The command or step that fixes it; nil when there is nothing to do.
    public var fix: String?

    public init(name: String, status: DoctorStatus, detail: String, fix: String? = nil) {
        self.name = name
        self.status = status
        self.detail = detail
        self.fix = fix
    }

    /// `{"name":...,"status":...,"detail":...,"fix":...}`, fix `null` when there is none.
    public var json: String {
        "{\"name\":\(TextFormatting.jsonString(name)),\"status\":\(TextFormatting.jsonString(status.rawValue)),"
            + "\"detail\":\(TextFormatting.jsonString(detail)),\"fix\":\(fix.map(TextFormatting.jsonString) ?? "null")}"
    }
}
