import Testing
@testable import GluteWire

@Suite struct CSVColumnsTests {
    @Test func designHeaderMapsEveryColumn() throws {
        let columns = try CSVColumns(header: "time_ms,acc_x_mps2,acc_y_mps2,acc_z_mps2,gyro_x_rads,gyro_y_rads,gyro_z_rads,mag_x_ut,mag_y_ut,mag_z_ut,quat_w,quat_x,quat_y,quat_z")
        #expect(columns.fieldCount == 14)
        #expect(columns.timeField == 0)
        #expect(columns.timeUnit == .milliseconds)
        #expect(columns.columns[1] == .accel(.x, .metresPerSecondSquared))
        #expect(columns.columns[6] == .gyro(.z, .radiansPerSecond))
        #expect(columns.hasAccelerometer && columns.hasGyroscope && columns.hasMagnetometer && columns.hasQuaternion)
        #expect(columns.pressureCellCount == 0)
    }

    @Test func fusionHeaderIsRecognised() throws {
        let header = "Time (s),Gyroscope X (deg/s),Gyroscope Y (deg/s),Gyroscope Z (deg/s),Accelerometer X (g),Accelerometer Y (g),Accelerometer Z (g),Magnetometer X (uT),Magnetometer Y (uT),Magnetometer Z (uT)"
        let columns = try CSVColumns(header: header)
        #expect(columns.columns == [.time(.seconds), .gyro(.x, .degreesPerSecond), .gyro(.y, .degreesPerSecond),
                                    .gyro(.z, .degreesPerSecond), .accel(.x, .g), .accel(.y, .g), .accel(.z, .g),
                                    .mag(.x), .mag(.y), .mag(.z)])
    }

    @Test func mobgapHeaderIgnoresUnknownColumns() throws {
        let header = "sample,unix_time_s,acc_x_g,acc_y_g,acc_z_g,gyr_x_dps,gyr_y_dps,gyr_z_dps,mag_x_undocumented_unit,mag_y_undocumented_unit,mag_z_undocumented_unit,bar_hpa"
        let columns = try CSVColumns(header: header)
        #expect(columns.columns[0] == .ignored)
        #expect(columns.timeUnit == .seconds && columns.timeField == 1)
        #expect(columns.hasGyroscope)
        #expect(!columns.hasMagnetometer)
        #expect(columns.columns[11] == .ignored)
    }

    @Test func quotedAndSpacedHeaderFields() throws {
        let columns = try CSVColumns(header: "\"time_s\", \"acc_x_g\" ,ACC_Y_G,acc_z_g\r")
        #expect(columns.columns == [.time(.seconds), .accel(.x, .g), .accel(.y, .g), .accel(.z, .g)])
        #expect(!columns.hasGyroscope)
    }

    @Test func columnListSkipsAndRejectsUnknownNames() throws {
        let columns = try CSVColumns(list: "time_us,_,acc_x_mps2,skip,acc_y_mps2,acc_z_mps2")
        #expect(columns.columns == [.time(.microseconds), .ignored, .accel(.x, .metresPerSecondSquared), .ignored,
                                    .accel(.y, .metresPerSecondSquared), .accel(.z, .metresPerSecondSquared)])
        #expect(throws: CSVError.unknownColumn("acc_x")) { try CSVColumns(list: "time_s,acc_x,acc_y_g,acc_z_g") }
        #expect(throws: CSVError.emptyColumnList) { try CSVColumns(list: "") }
    }

    @Test func pressureColumnsMustBeNumberedWithoutGaps() throws {
        let columns = try CSVColumns(list: "time_s,pressure_0,pressure_1_pa,pressure_2")
        #expect(columns.pressureCellCount == 3)
        #expect(!columns.hasAccelerometer)
        #expect(throws: CSVError.missingPressureCell(1)) { try CSVColumns(list: "pressure_0,pressure_2") }
    }

    @Test func incompleteOrClashingColumnsAreErrorsThatNameTheColumn() {
        #expect(throws: CSVError.incompleteVector(present: "acc_x_g", missing: "acc_z")) {
            try CSVColumns(header: "time_s,acc_x_g,acc_y_g")
        }
        #expect(throws: CSVError.duplicateColumn("acc_x_mps2")) {
            try CSVColumns(header: "acc_x_g,acc_y_g,acc_z_g,acc_x_mps2")
        }
        #expect(throws: CSVError.multipleTimeColumns("time_s", "time_ms")) {
            try CSVColumns(header: "time_s,time_ms,acc_x_g,acc_y_g,acc_z_g")
        }
        #expect(throws: CSVError.missingAccelerometer(present: "gyro_x_dps")) {
            try CSVColumns(header: "gyro_x_dps,gyro_y_dps,gyro_z_dps")
        }
        #expect(throws: CSVError.noSensorColumns) { try CSVColumns(header: "foo,bar") }
        do {
            _ = try CSVColumns(list: "time_s,acc_q_g")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("'acc_q_g'"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func canonicalNamesReadBack() {
        let all: [CSVColumn] = [.time(.seconds), .time(.milliseconds), .time(.microseconds), .accel(.y, .metresPerSecondSquared),
                                .gyro(.z, .radiansPerSecond), .mag(.x), .quaternion(.w), .pressure(cell: 12)]
        for column in all {
            #expect(CSVColumn(name: column.canonicalName) == column, "\(column.canonicalName)")
        }
    }
}
