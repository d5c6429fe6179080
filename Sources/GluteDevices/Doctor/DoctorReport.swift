/// The doctor's checks as text for a person or as one JSON object for a script.
public enum DoctorReport {
    /// Aligned lines: status, name, detail, and under a line that needs it, `fix: ...` in the
    /// detail column. `colour` wraps the status in ANSI colours (for a terminal only).
    public static func lines(_ checks: [DoctorCheck], colour: Bool) -> [String] {
        let statusWidth = DoctorStatus.allCases.map(\.rawValue.count).max()! + 2
        let nameWidth = (checks.map(\.name.count).max() ?? 0) + 2
        var out: [String] = []
        for check in checks {
            let status = padded(check.status.rawValue, statusWidth)
            let painted = colour ? paint(status, check.status) : status
            out.append(painted + padded(check.name, nameWidth) + check.detail)
            if let fix = check.fix {
                out.append(String(repeating: " ", count: statusWidth + nameWidth) + "fix: " + fix)
            }
        }
        out.append(summary(checks))
        return out
    }

    /// `1 FAIL, 3 WARN, 4 OK` style tally; statuses that did not occur are left out.
    public static func summary(_ checks: [DoctorCheck]) -> String {
        let counts = DoctorStatus.allCases.reversed().compactMap { status -> String? in
            let n = checks.filter { $0.status == status }.count
            return n == 0 ? nil : "\(n) \(status.rawValue)"
        }
        return "doctor: " + counts.joined(separator: ", ")
    }

    /// `{"ok":BOOL,"checks":[{"name":...,"status":...,"detail":...,"fix":...},...]}`; ok is false
    /// when any check failed.
    public static func json(_ checks: [DoctorCheck]) -> String {
        "{\"ok\":\(!Doctor.failed(checks)),\"checks\":[" + checks.map(\.json).joined(separator: ",") + "]}"
    }

    package static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }

    /// Colours the status word and keeps the padding outside the escape, so columns stay aligned.
    package static func paint(_ padded: String, _ status: DoctorStatus) -> String {
        let code: String
        switch status {
        case .ok: code = "32"
        case .info: code = "36"
        case .warn: code = "33"
        case .fail: code = "1;31"
        }
        let word = status.rawValue
        return "\u{1B}[\(code)m\(word)\u{1B}[0m" + padded.dropFirst(word.count)
    }
}
