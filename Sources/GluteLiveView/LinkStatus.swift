/// The state of the link to the sensor, as the live view's header shows it.
public enum LinkStatus: Sendable, Equatable {
    /// Opening the source or waiting for the first bytes.
    case connecting
    /// Bytes are flowing from `device` (a tty path, a BLE address, `sim`, a file name).
    case connected(device: String)
    /// The link was lost for `reason`; the session may be reconnecting (see `LiveViewState.message`).
    case disconnected(reason: String)
    /// The stream is over for good (end of a replayed file, a fatal error): what is shown is final.
    case ended(reason: String)

    /// Whether the numbers on screen are current; otherwise they are the last known values.
    public var isLive: Bool {
        if case .connected = self { return true }
        return false
    }

    /// Whether the stream is over for good.
    public var isFinal: Bool {
        if case .ended = self { return true }
        return false
    }
}
