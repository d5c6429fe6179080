/// The standard GATT attribute types and services this project uses (Bluetooth Assigned Numbers).
public enum GATTAssignedNumbers {
    public static let primaryService = BluetoothUUID(0x2800)
    public static let secondaryService = BluetoothUUID(0x2801)
    public static let include = BluetoothUUID(0x2802)
    public static let characteristic = BluetoothUUID(0x2803)
    /// Client Characteristic Configuration: bit 0 notifications, bit 1 indications.
    public static let clientCharacteristicConfiguration = BluetoothUUID(0x2902)

    public static let batteryService = BluetoothUUID(0x180F)
    /// uint8, percent.
    public static let batteryLevel = BluetoothUUID(0x2A19)

    public static let deviceInformationService = BluetoothUUID(0x180A)
    public static let manufacturerName = BluetoothUUID(0x2A29)
    public static let modelNumber = BluetoothUUID(0x2A24)
    public static let serialNumber = BluetoothUUID(0x2A25)
    public static let firmwareRevision = BluetoothUUID(0x2A26)
}
