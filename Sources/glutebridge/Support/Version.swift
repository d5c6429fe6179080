enum GlutebridgeVersion {
    static let string = "0.1.0"
    static var tool: String { "glutebridge \(string)" }
}
