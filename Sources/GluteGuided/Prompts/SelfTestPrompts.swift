import Foundation
import GluteWire

/// `check`'s prompts: each step once, when its prompt time comes, and the countdown with the
/// current reading.
public final class SelfTestPrompts: GuidedPrompter {
    private let observer: SelfTestObserver
    private var prompted: Set<SelfTestStep> = []

    public init(observer: SelfTestObserver) { self.observer = observer }

    public func duePrompts() -> [String] {
        let run = observer.run
        let steps = SelfTestStep.allCases
        var lines: [String] = []
        for (i, step) in steps.enumerated() where run.elapsed >= run.settings.window(of: step).prompt && !prompted.contains(step) {
            if run.imuSamples + run.pressureSamples == 0 { break }
            let w = run.settings.window(of: step)
            let timing = step == .beltLine
                ? "measured for \(n(w.end - w.start)) s from now"
                : "get ready \(n(w.start - w.prompt)) s, then hold \(n(w.end - w.start)) s"
            lines.append("Step \(i + 1) of \(steps.count): \(step.prompt) (\(timing))")
            prompted.insert(step)
        }
        return lines
    }

    public func statusLine() -> String? {
        let run = observer.run
        guard run.imuSamples + run.pressureSamples > 0, let step = run.step else { return nil }
        let w = run.settings.window(of: step)
        let left = n(max(0, w.end - run.elapsed).rounded(.up))
        let phase = run.elapsed < w.start ? "get ready \(n((w.start - run.elapsed).rounded(.up))) s"
            : run.elapsed >= w.end ? "release: done"
            : step == .beltLine ? "stand \(left) s" : "hold \(left) s"
        var reading = ""
        if let tilt = run.tilt, let obliquity = run.obliquity {
            reading = String(format: "   tilt %+.1f deg, obliquity %+.1f deg", tilt, obliquity)
        } else if !run.calibrated {
            reading = "   finding your neutral: keep still"
        }
        return "  \(phase)\(reading)"
    }

    private func n(_ x: Double) -> String {
        let tenths = (x * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(saturating: tenths / 10)) : String(format: "%.1f", tenths / 10)
    }
}
