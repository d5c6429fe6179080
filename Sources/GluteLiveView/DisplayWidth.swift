/// How many terminal columns text occupies, for fitting lines to the terminal's width.
///
/// A small stand-in for `wcwidth(3)` that does not depend on the process locale: combining marks
/// and format characters take no column, East Asian wide and emoji-presentation characters take
/// two, everything else one. Grapheme clusters are measured as the sum of their scalars, which can
/// only overestimate, so a line measured here never overflows.
package enum DisplayWidth {
    package static func columns(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    package static func columns(_ character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + columns($1) }
    }

    package static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns($1) }
    }

    /// The longest prefix of `text` that fits in `limit` columns, and its width.
    package static func prefix(_ text: String, fitting limit: Int) -> (text: String, columns: Int) {
        var out = ""
        var used = 0
        for character in text {
            let w = columns(character)
            if used + w > limit { break }
            out.append(character)
            used += w
        }
        return (out, used)
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
