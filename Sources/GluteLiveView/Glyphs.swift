/// The characters the live view draws with: box-drawing and block elements on a UTF-8 terminal,
/// plain ASCII elsewhere (a Linux console without a Unicode font, `TERM=dumb` logs, `LANG=C`).
struct Glyphs: Sendable, Equatable {
    var rule: String
    var degree: String
    var ellipsis: String
    var middleDot: String
    var barFull: String
    /// Partial cells, an eighth to seven eighths full; empty in ASCII (whole cells only).
    var barEighths: [String]
    var barEmpty: String
    var gaugeTrack: String
    var gaugeFill: String
    var gaugeZero: String
    var gaugeLimit: String
    var gaugeNeedle: String
    var linkUp: String
    var linkWaiting: String
    var linkDown: String
    var linkEnded: String
    var times: String
    var warning: String

    static let unicode = Glyphs(
        rule: "─", degree: "°", ellipsis: "…", middleDot: "·",
        barFull: "█", barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], barEmpty: "░",
        gaugeTrack: "─", gaugeFill: "━", gaugeZero: "┼", gaugeLimit: "┃", gaugeNeedle: "●",
        linkUp: "●", linkWaiting: "◌", linkDown: "✕", linkEnded: "■", times: "×", warning: "▲")

    static let ascii = Glyphs(
        rule: "-", degree: " deg", ellipsis: "~", middleDot: "|",
        barFull: "#", barEighths: [], barEmpty: ".",
        gaugeTrack: "-", gaugeFill: "=", gaugeZero: "+", gaugeLimit: "|", gaugeNeedle: "o",
        linkUp: "*", linkWaiting: "o", linkDown: "x", linkEnded: "#", times: "x", warning: "!")
}
