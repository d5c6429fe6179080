import GluteCore
import GluteLog
import GluteWire

/// Turns a `LiveViewState` into the lines of one frame. Pure: the same state and size give the
/// same text, so the view is tested without a terminal.
///
/// Layout, top to bottom: a header (source, link, clock), the dashboard (posture, sitting bout
/// against the limit, last break, tilt gauge, obliquity, squeezes and reps, a status message),
/// the newest events, and a footer (sample rates, link quality, quiet hours, speed). When the
/// terminal is short, rules go first, then the least useful dashboard rows; events take whatever
/// height is left. Every line is cut to `width` visible columns.
///
/// A session's sink thread drives it like this:
/// ```swift
/// guard let screen = TerminalScreen(fd: 1) else { /* not a tty or TERM=dumb: print events */ }
/// screen.enter(); defer { screen.leave() }          // SignalTrap installed before this
/// var state = LiveViewState(source: ..., snapshot: engine.snapshot, tiltLimit: ..., ...)
/// // on each event:     state.record(timedEvent)
/// // a few times a second: state.snapshot = snapshot; state.statistics = stats; state.wallNow = now
/// let (width, height) = screen.size
/// screen.draw(LiveViewRenderer.render(state, width: width, height: height,
///                                     color: screen.capabilities.color, unicode: screen.capabilities.unicode))
/// ```
public enum LiveViewRenderer {
    /// Lines of at most `width` visible columns (escape codes not counted), at most `height` of
    /// them; ANSI SGR colour only when `color`; box-drawing and block characters only when
    /// `unicode` (else ASCII). Designed for 80x24 and up, legible down to 40x12.
    public static func render(_ state: LiveViewState, width: Int, height: Int, color: Bool,
                              unicode: Bool = true) -> [String] {
        let glyphs = unicode ? Glyphs.unicode : Glyphs.ascii
        let width = max(width, 1)
        return styledLines(state, width: width, height: height, glyphs: glyphs)
            .map { $0.rendered(width: width, color: color, ellipsis: glyphs.ellipsis) }
    }

    /// The frame before it is cut and coloured; internal so tests can inspect tones.
    package static func styledLines(_ state: LiveViewState, width: Int, height: Int, glyphs: Glyphs) -> [StyledLine] {
        guard height > 0 else { return [] }
        let layout = Layout(width: width, glyphs: glyphs)
        var top: [Row] = [
            Row(layout.header(state), priority: 100),
            Row(layout.rule(), priority: 10),
            Row(layout.posture(state), priority: 96),
            Row(layout.sitting(state), priority: 90),
            Row(layout.breaks(state), priority: 50),
            Row(layout.tilt(state), priority: 94),
            Row(layout.obliquity(state), priority: 60),
            Row(layout.activity(state), priority: 70),
        ]
        if let status = layout.status(state) { top.append(Row(status, priority: 88)) }
        var bottom: [Row] = [Row(layout.rule(), priority: 5), Row(layout.footer(state), priority: 80)]

        // Drop the least useful rows until the fixed part fits; ties go to the lower row.
        while top.count + bottom.count > height {
            let all = top.enumerated().map { (0, $0.offset, $0.element.priority) }
                + bottom.enumerated().map { (1, $0.offset, $0.element.priority) }
            guard let victim = all.min(by: { $0.2 < $1.2 || ($0.2 == $1.2 && ($0.0, $0.1) > ($1.0, $1.1)) }) else { break }
            if victim.0 == 0 { top.remove(at: victim.1) } else { bottom.remove(at: victim.1) }
        }

        var lines = top.map(\.line)
        let room = height - top.count - bottom.count
        if room >= 2 {
            lines.append(layout.rule(title: "Recent events"))
            let shown = layout.events(state, count: room - 1)
            lines += shown.isEmpty ? [StyledLine([Span(" No events yet.", .dim)])] : shown
        } else if room == 1 {
            lines += layout.events(state, count: 1)
        }
        // Keep the footer on the bottom row, so that it does not wander as events arrive.
        let padding = height - lines.count - bottom.count
        if padding > 0 && bottom.contains(where: { $0.priority == 80 }) {
            lines += Array(repeating: StyledLine(), count: padding)
        }
        lines += bottom.map(\.line)
        return Array(lines.prefix(height))
    }

    private struct Row {
        var line: StyledLine
        var priority: Int
        init(_ line: StyledLine, priority: Int) {
            self.line = line
            self.priority = priority
        }
    }
}

/// The rows of the view at one width.
private struct Layout {
    package let width: Int
    package let glyphs: Glyphs
    /// Label column: one space of margin, the label, padding up to the values.
    package let labelColumns = 12
    package var narrow: Bool { width < 60 }

    package func label(_ text: String) -> StyledLine {
        let padded = " " + text + String(repeating: " ", count: max(1, labelColumns - 1 - text.count))
        return StyledLine([Span(padded, .dim)])
    }

    package func rule(title: String? = nil) -> StyledLine {
        guard let title else { return StyledLine([Span(String(repeating: glyphs.rule, count: width), .dim)]) }
        let head = glyphs.rule + " " + title + " "
        let rest = max(0, width - DisplayWidth.columns(head))
        return StyledLine([Span(head + String(repeating: glyphs.rule, count: rest), .dim)])
    }

    // MARK: header and footer

    package func header(_ state: LiveViewState) -> StyledLine {
        // On a narrow terminal the source is what identifies the window; the name goes first.
        var left = narrow ? StyledLine([Span(" ")]) : StyledLine([Span(" GluteBridge", .strong), Span(" " + glyphs.middleDot + " ", .dim)])
        left.append(TerminalText.escaped(state.source))
        var right = link(state.link, source: state.source)
        right.append("  " + ClockText.time(state.wallNow, utcOffset: state.utcOffset, seconds: !narrow) + " ", .dim)
        return StyledLine.justified(left, right, width: width, ellipsis: glyphs.ellipsis)
    }

    package func link(_ status: LinkStatus, source: String) -> StyledLine {
        switch status {
        case .connecting:
            return StyledLine([Span(glyphs.linkWaiting + " connecting" + glyphs.ellipsis, .caution)])
        case .connected(let device):
            // The device only when it says more than the source does, and there is room for it;
            // a long name must not push the clock off either way.
            guard device != source, !narrow else { return StyledLine([Span(glyphs.linkUp + " connected", .good)]) }
            // "ble:ADDR (witmotion, battery 87 %)" under a "ble:ADDR" title: only the news.
            var detail = Substring(device)
            if detail.hasPrefix(source + " (") && detail.hasSuffix(")") {
                detail = detail.dropFirst(source.count + 2).dropLast()
            }
            let name = TerminalText.escaped(String(detail))
            let cap = max(8, width / 3)
            let shown = DisplayWidth.columns(name) > cap
                ? DisplayWidth.prefix(name, fitting: cap - DisplayWidth.columns(glyphs.ellipsis)).text + glyphs.ellipsis : name
            return StyledLine([Span(glyphs.linkUp + " ", .good), Span(shown)])
        case .disconnected:
            return StyledLine([Span(glyphs.linkDown + " link lost", .alert)])
        case .ended:
            return StyledLine([Span(glyphs.linkEnded + " ended", .dim)])
        }
    }

    package func footer(_ state: LiveViewState) -> StyledLine {
        let snapshot = state.snapshot
        let dot = " " + glyphs.middleDot + " "
        var left = StyledLine([Span(" ")])
        var rates: [String] = []
        if let rate = snapshot.imuRate { rates.append("IMU " + NumberText.fixed(rate, decimals: 0) + " Hz") }
        if let rate = snapshot.pressureRate { rates.append("cushion " + NumberText.fixed(rate, decimals: 0) + " Hz") }
        left.append(rates.isEmpty ? "no samples yet" : rates.joined(separator: dot), .dim)
        let stats = state.statistics
        let bad = stats.checksumErrors + stats.malformed + stats.oversized
        let expected = stats.frames + stats.lostFrames + bad
        if expected > 0 {
            let quality = Double(stats.frames) / Double(expected)
            left.append(dot, .dim)
            left.append("link ", .dim)
            left.append(NumberText.fixed(quality * 100, decimals: 1) + "%",
                        quality >= 0.99 ? .good : quality >= 0.95 ? .caution : .alert)
            if stats.lostFrames > 0 { left.append(dot + "lost \(stats.lostFrames)", .dim) }
            if bad > 0 { left.append(dot + "bad \(bad)", .dim) }
        }
        var right = StyledLine()
        if state.alertsMuted { right.append(narrow ? "muted" : "alerts muted", .caution) }
        if let speed = state.speed, speed.isFinite, abs(speed - 1) > 1e-9 {
            if !right.spans.isEmpty { right.append("  ") }
            let decimals = speed == speed.rounded() ? 0 : 1
            right.append(glyphs.times + NumberText.fixed(speed, decimals: decimals) + " speed", .strong)
        }
        if !right.spans.isEmpty { right.append(" ") }
        return StyledLine.justified(left, right, width: width, ellipsis: glyphs.ellipsis)
    }

    // MARK: dashboard

    package func posture(_ state: LiveViewState) -> StyledLine {
        let snapshot = state.snapshot
        var line = label("Posture")
        guard let posture = snapshot.posture else {
            if snapshot.imuRate == nil && snapshot.pressureRate == nil {
                line.append("waiting for data" + glyphs.ellipsis, .dim)
            } else if snapshot.imuRate != nil && !snapshot.calibrated {
                line.append(narrow ? "calibrating: stand still" + glyphs.ellipsis
                                   : "calibrating: stand still, upright" + glyphs.ellipsis, .caution)
            } else {
                line.append("working it out" + glyphs.ellipsis, .dim)
            }
            return line
        }
        line.append(posture.rawValue.uppercased(), .strong)
        line.append((narrow ? " " : " for ") + ClockText.duration(snapshot.time - snapshot.postureSince))
        if !state.link.isLive { line.append(" (last known)", .dim) }
        // A finished stream shows its last values, but nothing to act on.
        guard snapshot.tilted, !state.link.isFinal else { return line }
        var badge = StyledLine()
        let since = narrow ? "" : state.tiltSince.map { " " + ClockText.duration(state.wallNow - $0) } ?? ""
        badge.append(" " + (narrow ? "TILTED" : "TILTED FORWARD") + since + " ", .highlight)
        badge.append(" ")
        if line.columns + 1 + badge.columns <= width {
            return StyledLine.justified(line, badge, width: width, ellipsis: glyphs.ellipsis)
        }
        return line
    }

    package func sitting(_ state: LiveViewState) -> StyledLine {
        let snapshot = state.snapshot
        var line = label("Sitting")
        let bout = snapshot.sittingBout
        let limit = state.sitLimit > 0 ? state.sitLimit : 1800
        // Reserve room for the longest suffix so the bar keeps its length as the numbers grow.
        let suffixColumns = narrow ? 14 : 24
        let barColumns = min(max(width - labelColumns - suffixColumns - 1, 6), 40)
        guard snapshot.posture != nil, bout > 0 else {
            line.append(Gauges.bar(fraction: 0, columns: barColumns, tone: .good, glyphs: glyphs))
            line.append("  " + (snapshot.posture == nil ? "-" : "not sitting"), .dim)
            return line
        }
        let fraction = bout / limit
        let tone: Tone = fraction >= 1 ? .alert : fraction >= 0.75 ? .caution : .good
        line.append(Gauges.bar(fraction: fraction, columns: barColumns, tone: tone, glyphs: glyphs))
        line.append("  ")
        line.append(ClockText.duration(bout), fraction >= 1 ? .alert : .strong)
        line.append(" / " + ClockText.limit(limit), .dim)
        if fraction >= 1, !state.link.isFinal {
            line.append(" ")
            line.append(narrow ? " UP " : " STAND UP ", .highlight)
        } else if let posture = snapshot.posture, posture.isUpright, !narrow {
            line.append("  up " + ClockText.duration(snapshot.time - snapshot.postureSince), .good)
        }
        return line
    }

    package func breaks(_ state: LiveViewState) -> StyledLine {
        var line = label("Last break")
        guard let last = state.lastBreak else {
            line.append("none yet", .dim)
            return line
        }
        let length = ClockText.duration(last.length(at: state.wallNow))
        guard let end = last.end else {
            line.append("on a break now, ", .good)
            line.append(length, .strong)
            return line
        }
        line.append(ClockText.duration(state.wallNow - end), .strong)
        line.append(" ago", .normal)
        line.append(" (" + ClockText.time(last.start, utcOffset: state.utcOffset, seconds: false) + ", " + length + ")", .dim)
        return line
    }

    package func tilt(_ state: LiveViewState) -> StyledLine {
        let snapshot = state.snapshot
        var line = label("Tilt")
        guard let tilt = snapshot.tilt else {
            if snapshot.imuRate == nil && snapshot.pressureRate != nil {
                line.append("no IMU (cushion only)", .dim)
            } else {
                line.append("waiting for neutral" + glyphs.ellipsis, .dim)
            }
            return line
        }
        let over = tilt > state.tiltLimit
        let tone: Tone = snapshot.tilted ? .alert : over ? .caution : .good
        let value = NumberText.degrees(tilt, glyphs: glyphs)
        let valueColumns = 6 + DisplayWidth.columns(glyphs.degree)
        let padded = String(repeating: " ", count: max(0, valueColumns - DisplayWidth.columns(value))) + value
        line.append(padded, snapshot.tilted ? .highlight : over ? .caution : .strong)
        line.append(" ")
        let limitText = (narrow ? "" : "limit ") + NumberText.limitDegrees(state.tiltLimit, glyphs: glyphs)
        let gaugeColumns = min(max(width - line.columns - DisplayWidth.columns(limitText) - 3, 5), 48)
        line.append(Gauges.tilt(tilt, limit: state.tiltLimit, columns: gaugeColumns, tone: tone, glyphs: glyphs))
        line.append(" " + limitText, .dim)
        return line
    }

    package func obliquity(_ state: LiveViewState) -> StyledLine {
        var line = label("Obliquity")
        guard let obliquity = state.snapshot.obliquity else {
            line.append("-", .dim)
            return line
        }
        let beyond = abs(obliquity) > state.dropLimit
        line.append(NumberText.degrees(obliquity, glyphs: glyphs), beyond ? .caution : .strong)
        // Positive obliquity: the left side is lower.
        let side = abs(obliquity) < 1 ? "level" : obliquity > 0 ? "left side low" : "right side low"
        line.append("  " + side, beyond ? .caution : .dim)
        return line
    }

    package func activity(_ state: LiveViewState) -> StyledLine {
        let snapshot = state.snapshot
        var line = label("Squeezes")
        line.append("\(snapshot.squeezeCount)", .strong)
        line.append("     Reps ", .dim)
        line.append("\(snapshot.setReps)", .strong)
        line.append(narrow ? " (" : " this set, ", .dim)
        line.append("\(snapshot.totalReps)", .strong)
        line.append(narrow ? " in all)" : " in all", .dim)
        return line
    }

    /// The session's message, and why the link is down; nil when there is nothing to say.
    package func status(_ state: LiveViewState) -> StyledLine? {
        var line = StyledLine([Span(" ")])
        switch state.link {
        case .disconnected(let reason):
            line.append("Link lost: " + TerminalText.escaped(reason), .alert)
        case .ended(let reason):
            line.append("Stream ended: " + TerminalText.escaped(reason), .dim)
        case .connecting, .connected:
            break
        }
        if let message = state.message, !message.isEmpty {
            if line.spans.count > 1 { line.append(" " + glyphs.middleDot + " ", .dim) }
            line.append(TerminalText.escaped(message), .caution)
        }
        return line.spans.count > 1 ? line : nil
    }

    // MARK: events

    /// The newest `count` events, newest first.
    package func events(_ state: LiveViewState, count: Int) -> [StyledLine] {
        state.recentEvents.suffix(max(0, count)).reversed().map { timed in
            var line = StyledLine([Span(" " + ClockText.time(timed.wall, utcOffset: state.utcOffset) + "  ", .dim)])
            line.append(EventSummary.line(timed.event, glyphs: glyphs))
            return line
        }
    }
}
