/// What a piece of the live view means; the renderer maps it to a colour only when asked to.
///
/// Few tones on purpose: a view that stays open all day should be mostly quiet text, with colour
/// reserved for what needs attention.
package enum Tone: Sendable, Equatable {
    case normal
    /// Labels, units, separators: present but receding.
    case dim
    /// The values a glance looks for.
    case strong
    /// On track: short sitting bouts, squeezes, reps, a live link.
    case good
    /// Approaching a limit, or waiting for something (calibration, a connection).
    case caution
    /// Past a limit, or a lost link.
    case alert
    /// The one highlight for "act now" (tilted past the limit, sat past the limit): reverse video
    /// so it reads even without colour perception.
    case highlight

    /// The SGR parameters for this tone (nil: default rendition).
    package var sgr: String? {
        switch self {
        case .normal: return nil
        case .dim: return "2"
        case .strong: return "1"
        case .good: return "32"
        case .caution: return "33"
        case .alert: return "1;31"
        case .highlight: return "1;97;41"
        }
    }
}

/// A run of text in one tone. `text` must already be safe for a terminal (no control characters).
package struct Span: Sendable, Equatable {
    package var text: String
    package var tone: Tone

    package init(_ text: String, _ tone: Tone = .normal) {
        self.text = text
        self.tone = tone
    }

    package var columns: Int { DisplayWidth.columns(text) }
}

/// One line of the view as spans, measured in visible columns before any escape code is added.
package struct StyledLine: Sendable, Equatable {
    package var spans: [Span]

    package init(_ spans: [Span] = []) {
        self.spans = spans
    }

    package var columns: Int { spans.reduce(0) { $0 + $1.columns } }
    package var plainText: String { spans.map(\.text).joined() }

    package mutating func append(_ text: String, _ tone: Tone = .normal) {
        spans.append(Span(text, tone))
    }

    package mutating func append(_ line: StyledLine) {
        spans += line.spans
    }

    /// `left`, then `right` flush with column `width`. When both do not fit, `right` wins and
    /// `left` is cut (with an ellipsis), because right-hand parts hold the short status values.
    package static func justified(_ left: StyledLine, _ right: StyledLine, width: Int, ellipsis: String) -> StyledLine {
        let rightColumns = right.columns
        if rightColumns + 1 > width { return left }
        let room = width - rightColumns - 1
        var line = left.columns > room ? left.truncated(to: room, ellipsis: ellipsis) : left
        line.append(String(repeating: " ", count: width - rightColumns - line.columns))
        line.append(right)
        return line
    }

    /// The line cut to at most `width` columns, ending in `ellipsis` when something was cut.
    package func truncated(to width: Int, ellipsis: String) -> StyledLine {
        guard columns > width else { return self }
        let ellipsisColumns = DisplayWidth.columns(ellipsis)
        let budget = max(0, width - ellipsisColumns)
        var out = StyledLine()
        var used = 0
        var lastTone = Tone.normal
        for span in spans {
            let (piece, pieceColumns) = DisplayWidth.prefix(span.text, fitting: budget - used)
            if !piece.isEmpty { out.append(piece, span.tone) }
            used += pieceColumns
            lastTone = span.tone
            if piece.count < span.text.count { break }
        }
        if width >= ellipsisColumns { out.append(ellipsis, lastTone == .highlight ? .highlight : .dim) }
        return out
    }

    /// The text for the terminal: cut to `width` columns, with SGR codes around toned spans when
    /// `color` is true (and none at all otherwise).
    package func rendered(width: Int, color: Bool, ellipsis: String) -> String {
        let fitted = truncated(to: width, ellipsis: ellipsis)
        guard color else { return fitted.plainText }
        var out = ""
        for span in fitted.spans where !span.text.isEmpty {
            if let sgr = span.tone.sgr {
                out += "\u{1B}[" + sgr + "m" + span.text + "\u{1B}[0m"
            } else {
                out += span.text
            }
        }
        return out
    }
}
