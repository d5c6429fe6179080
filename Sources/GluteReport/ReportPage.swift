/// What the day and week pages share: the document head and the base style, so both reports look
/// like one tool's pages. Inline CSS only: the pages load nothing from the network.
enum ReportPage {
    /// Everything up to and including the page's `<h1>`; `style` adds page-specific CSS rules.
    static func head(title: String, heading: String, style: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        body { font-family: sans-serif; margin: 24px; color: #222; background: #fff; }
        h1 { font-size: 1.5em; margin: 0 0 4px 0; }
        table.totals { border-collapse: collapse; }
        table.totals td.value { font-weight: bold; text-align: right; }
        .legend span { display: inline-block; margin-right: 16px; font-size: 0.9em; }
        .swatch { display: inline-block; width: 14px; height: 14px; vertical-align: middle; margin-right: 4px; }
        svg { max-width: 100%; height: auto; }
        \(style)
        </style>
        </head>
        <body>
        <h1>\(heading)</h1>

        """
    }
}
