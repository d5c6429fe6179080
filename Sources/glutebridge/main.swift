import ArgumentParser

struct GluteBridge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glutebridge",
        abstract: "Pelvic tilt, sitting and glute squeeze monitor for a belt IMU or seat cushion."
    )
}

GluteBridge.main()
