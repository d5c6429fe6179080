import GluteDevices

/// The device id used in topics when `--device-id` is not given: the sensor's own identity where
/// it has one, so that two sensors on one host do not share topics and a sensor keeps its id when
/// it moves to another host; the host name otherwise. Pure: the caller looks the serial number up.
public enum MQTTDeviceID {
    /// - `ble:ADDR`: `ble-` and the address's hex digits (`ble-c0ffee000001`);
    /// - a serial port with a USB serial number: `usb-` and that number, sanitized;
    /// - otherwise (no serial number, the simulator, a file): the host name, sanitized.
    public static func defaultID(source: SourceSpec?, usbSerialNumber: String?, hostName: String) -> String {
        switch source {
        case .ble(let ble)?:
            let hex = ble.address.lowercased().filter { $0 != ":" }
            return MQTTTopics.sanitizedID("ble-" + hex)
        case .serial?:
            if let serial = usbSerialNumber, !serial.isEmpty { return String(MQTTTopics.sanitizedID("usb-" + serial).prefix(64)) }
            return MQTTTopics.sanitizedID(hostName)
        default:
            return MQTTTopics.sanitizedID(hostName)
        }
    }
}
