import GluteWire

/// The two bars of the live view, drawn into a given number of columns.
package enum Gauges {
    /// A progress bar `columns` wide, `fraction` full (clipped to 0...1). With Unicode glyphs a cell
    /// can be an eighth full, so a 30-minute limit on a 40-cell bar moves every 5.6 s.
    package static func bar(fraction: Double, columns: Int, tone: Tone, glyphs: Glyphs) -> StyledLine {
        let cells = max(0, columns)
        let f = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let steps = glyphs.barEighths.isEmpty ? 1 : 8
        let filled = Int(saturating: f * Double(cells * steps), rounding: .down)
        let full = filled / steps
        let partial = filled % steps
        var line = StyledLine()
        line.append(String(repeating: glyphs.barFull, count: full), tone)
        var used = full
        if partial > 0, used < cells {
            line.append(glyphs.barEighths[partial - 1], tone)
            used += 1
        }
        line.append(String(repeating: glyphs.barEmpty, count: cells - used), .dim)
        return line
    }

    /// The tilt gauge's scale: degrees at its left and right ends. Neutral sits at a third, the
    /// limit at two thirds, so both sides of the limit have room and a posterior tilt shows too.
    package static func tiltScale(limit: Double) -> ClosedRange<Double> {
        let l = limit.isFinite ? max(limit, 2) : 10
        return (-l)...(2 * l)
    }

    /// The column (0-based, within the gauge) at which `degrees` falls on a gauge `columns` wide.
    package static func tiltColumn(_ degrees: Double, limit: Double, columns: Int) -> Int {
        let scale = tiltScale(limit: limit)
        guard columns > 1, degrees.isFinite else { return 0 }
        let position = (degrees - scale.lowerBound) / (scale.upperBound - scale.lowerBound)
        let column = Int(saturating: position * Double(columns - 1), rounding: .toNearestOrAwayFromZero)
        return min(max(column, 0), columns - 1)
    }

    /// The tilt gauge: a track with a neutral tick and a limit mark, a needle at `tilt` and a fill
    /// from neutral to the needle, in `tone`.
    package static func tilt(_ tilt: Double, limit: Double, columns: Int, tone: Tone, glyphs: Glyphs) -> StyledLine {
        guard columns > 0 else { return StyledLine() }
        let zero = tiltColumn(0, limit: limit, columns: columns)
        let mark = tiltColumn(limit, limit: limit, columns: columns)
        let needle = tiltColumn(tilt, limit: limit, columns: columns)
        var line = StyledLine()
        for column in 0..<columns {
            let (glyph, cellTone): (String, Tone)
            if column == needle {
                (glyph, cellTone) = (glyphs.gaugeNeedle, tone)
            } else if column == mark {
                (glyph, cellTone) = (glyphs.gaugeLimit, .caution)
            } else if column == zero {
                (glyph, cellTone) = (glyphs.gaugeZero, .dim)
            } else if (zero < column && column < needle) || (needle < column && column < zero) {
                (glyph, cellTone) = (glyphs.gaugeFill, tone)
            } else {
                (glyph, cellTone) = (glyphs.gaugeTrack, .dim)
            }
            // Merge runs of one tone so that a coloured frame carries few escape codes.
            if let last = line.spans.last, last.tone == cellTone {
                line.spans[line.spans.count - 1].text += glyph
            } else {
                line.append(glyph, cellTone)
            }
        }
        return line
    }
}
