/// The characters the live view draws with: box-drawing and block elements on a UTF-8 terminal,
/// plain ASCII elsewhere (a Linux console without a Unicode font, `TERM=dumb` logs, `LANG=C`).
package struct Glyphs: Sendable, Equatable {
    package var rule: String
    package var degree: String
    package var ellipsis: String
    package var middleDot: String
    package var barFull: String
    /// Partial cells, an eighth to seven eighths full; empty in ASCII (whole cells only).
    package var barEighths: [String]
    package var barEmpty: String
    package var gaugeTrack: String
    package var gaugeFill: String
    package var gaugeZero: String
    package var gaugeLimit: String
    package var gaugeNeedle: String
    package var linkUp: String
    package var linkWaiting: String
    package var linkDown: String
    package var linkEnded: String
    package var times: String
    package var warning: String

    package static let unicode = Glyphs(
        rule: "─", degree: "°", ellipsis: "…", middleDot: "·",
        barFull: "█", barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], barEmpty: "░",
        gaugeTrack: "─", gaugeFill: "━", gaugeZero: "┼", gaugeLimit: "┃", gaugeNeedle: "●",
        linkUp: "●", linkWaiting: "◌", linkDown: "✕", linkEnded: "■", times: "×", warning: "▲")

    package static let ascii = Glyphs(
        rule: "-", degree: " deg", ellipsis: "~", middleDot: "|",
        barFull: "#", barEighths: [], barEmpty: ".",
        gaugeTrack: "-", gaugeFill: "=", gaugeZero: "+", gaugeLimit: "|", gaugeNeedle: "o",
        linkUp: "*", linkWaiting: "o", linkDown: "x", linkEnded: "#", times: "x", warning: "!")
}
