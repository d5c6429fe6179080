import Foundation
import GluteWire

/// `calibrate`'s prompts: each step once (with the previous one's "done"), and the progress of
/// the step under way.
public final class CalibrationPrompts: GuidedPrompter {
    private let observer: CalibrationObserver
    private var prompted: Set<CalibrationStep> = []

    public init(observer: CalibrationObserver) { self.observer = observer }

    public func duePrompts() -> [String] {
        var lines: [String] = []
        for s in CalibrationStep.allCases where s.rawValue <= observer.step.rawValue && !prompted.contains(s) {
            if s.rawValue > 1 { lines.append("step \(s.rawValue - 1) done") }
            lines.append("Step \(s.rawValue) of 2: \(s.prompt)")
            prompted.insert(s)
        }
        return lines
    }

    public func statusLine() -> String? {
        guard case .running(let progress) = observer.state else { return nil }
        return CalibrationPrompts.progressLine(progress, settings: observer.settingsForDisplay)
    }

    public func closingLines() -> [String] {
        if case .finished = observer.state { return ["step 2 done"] }
        return []
    }

    static func progressLine(_ p: CalibrationProgress, settings: CalibrationProcedureSettings) -> String {
        let left = "(gives up in \(Int(saturating: p.remaining, rounding: .up)) s)"
        func bar(_ fraction: Double) -> String {
            let filled = min(max(Int(saturating: fraction * 20), 0), 20)
            return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled) + "]"
        }
        switch p.step {
        case .standStill:
            guard p.quiet else { return "  waiting for you to be still... \(left)" }
            return "  still \(bar(p.fraction)) \(format(p.fraction * settings.stillDuration)) of \(format(settings.stillDuration)) s"
        case .tipForward:
            let angle = format(p.angleFromNeutral ?? 0)
            if p.fraction > 0 {
                return "  holding \(angle) deg \(bar(p.fraction)) \(format(p.fraction * settings.holdDuration)) of \(format(settings.holdDuration)) s"
            }
            return "  tipped \(angle) deg (need \(format(settings.minimumTip)), then hold still) \(left)"
        }
    }

    private static func format(_ v: Double) -> String { String(format: "%.1f", v) }
}
