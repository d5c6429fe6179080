#include "gb_messages.h"

/* strlen without <string.h>, which a bare-metal build may not want to pull in. */
static size_t gb_text_length(const char *text)
{
    size_t n = 0;
    if (text == NULL) {
        return 0;
    }
    while (text[n] != '\0') {
        n++;
    }
    return n;
}

static int gb_mount_ok(int8_t axis)
{
    return (axis >= 1 && axis <= 3) || (axis >= -3 && axis <= -1);
}

int gb_send_device_info(gb_writer *writer, uint32_t time_us, const gb_device_info *info)
{
    uint8_t i;
    if (info->cell_count > GB_MAX_CELLS || (info->cell_count > 0 && info->cells == NULL)
        || !gb_mount_ok(info->mount[0]) || !gb_mount_ok(info->mount[1]) || !gb_mount_ok(info->mount[2])) {
        return GB_ERROR_ARGUMENT;
    }
    gb_begin(writer, GB_TYPE_DEVICE_INFO, time_us);
    gb_put_u8(writer, info->firmware_major);
    gb_put_u8(writer, info->firmware_minor);
    gb_put_u16(writer, info->firmware_patch);
    gb_put_u8(writer, info->sensors);
    gb_put_u8(writer, info->accel_range_g);
    gb_put_u16(writer, info->gyro_range_dps);
    gb_put_u16(writer, info->mag_range_ut);
    gb_put_u16(writer, info->imu_rate_hz);
    gb_put_u16(writer, info->pressure_rate_hz);
    gb_put_i8(writer, info->mount[0]);
    gb_put_i8(writer, info->mount[1]);
    gb_put_i8(writer, info->mount[2]);
    gb_put_u8(writer, info->cell_count);
    for (i = 0; i < info->cell_count; i++) {
        gb_put_i16(writer, info->cells[i].x_mm);
        gb_put_i16(writer, info->cells[i].y_mm);
    }
    gb_put_text(writer, info->serial, gb_text_length(info->serial), GB_MAX_INFO_TEXT);
    gb_put_text(writer, info->name, gb_text_length(info->name), GB_MAX_INFO_TEXT);
    return gb_end(writer);
}

int gb_send_status(gb_writer *writer, uint32_t time_us, uint8_t battery_percent, uint16_t battery_mv,
                   uint16_t flags, int16_t temperature_centi_c)
{
    if (battery_percent > 100 && battery_percent != GB_BATTERY_UNKNOWN) {
        return GB_ERROR_ARGUMENT;
    }
    gb_begin(writer, GB_TYPE_STATUS, time_us);
    gb_put_u8(writer, battery_percent);
    gb_put_u16(writer, battery_mv);
    gb_put_u16(writer, flags);
    gb_put_i16(writer, temperature_centi_c);
    return gb_end(writer);
}

int gb_send_marker(gb_writer *writer, uint32_t time_us, uint8_t button, uint8_t press)
{
    if (press != GB_PRESS_SHORT && press != GB_PRESS_LONG) {
        return GB_ERROR_ARGUMENT;
    }
    gb_begin(writer, GB_TYPE_MARKER, time_us);
    gb_put_u8(writer, button);
    gb_put_u8(writer, press);
    return gb_end(writer);
}

int gb_send_error(gb_writer *writer, uint32_t time_us, uint8_t code, const char *text)
{
    gb_begin(writer, GB_TYPE_ERROR, time_us);
    gb_put_u8(writer, code);
    gb_put_text(writer, text, gb_text_length(text), GB_MAX_ERROR_TEXT);
    return gb_end(writer);
}

int gb_send_ack(gb_writer *writer, uint32_t time_us, uint8_t command, uint16_t command_sequence)
{
    gb_begin(writer, GB_TYPE_ACK, time_us);
    gb_put_u8(writer, command);
    gb_put_u16(writer, command_sequence);
    return gb_end(writer);
}

int gb_send_nak(gb_writer *writer, uint32_t time_us, uint8_t command, uint16_t command_sequence, uint8_t reason)
{
    gb_begin(writer, GB_TYPE_NAK, time_us);
    gb_put_u8(writer, command);
    gb_put_u16(writer, command_sequence);
    gb_put_u8(writer, reason);
    return gb_end(writer);
}

static uint8_t gb_imu_sample_size(uint8_t layout)
{
    return (uint8_t)(12u + ((layout & GB_IMU_WITH_MAG) ? 6u : 0u) + ((layout & GB_IMU_WITH_QUATERNION) ? 8u : 0u));
}

uint8_t gb_imu_capacity(uint8_t layout)
{
    return (uint8_t)((GB_MAX_PAYLOAD - GB_IMU_BATCH_HEADER) / gb_imu_sample_size(layout));
}

uint8_t gb_pressure_capacity(uint8_t cells)
{
    if (cells == 0) {
        return 0;
    }
    return (uint8_t)((GB_MAX_PAYLOAD - GB_PRESSURE_BATCH_HEADER) / (2u * cells));
}

int gb_imu_begin(gb_writer *writer, uint32_t time_us, uint16_t interval_us, uint8_t accel_range_g,
                 uint16_t gyro_range_dps, uint8_t layout)
{
    if (accel_range_g == 0 || gyro_range_dps == 0
        || (layout & ~(uint8_t)(GB_IMU_WITH_MAG | GB_IMU_WITH_QUATERNION)) != 0) {
        return GB_ERROR_ARGUMENT;
    }
    gb_begin(writer, (layout & GB_IMU_WITH_QUATERNION) ? GB_TYPE_QUATERNION_BATCH : GB_TYPE_IMU_BATCH, time_us);
    gb_put_u8(writer, 0); /* count, raised by each gb_imu_add */
    gb_put_u8(writer, (layout & GB_IMU_WITH_MAG) ? 1u : 0u);
    gb_put_u16(writer, interval_us);
    gb_put_u8(writer, accel_range_g);
    gb_put_u8(writer, 0);
    gb_put_u16(writer, gyro_range_dps);
    writer->sample_size = gb_imu_sample_size(layout);
    return GB_OK;
}

static int gb_batch_room(gb_writer *writer)
{
    if (writer->length == 0 || writer->sample_size == 0) {
        return GB_ERROR_STATE;
    }
    if (writer->sample_size > GB_HEADER_SIZE + GB_MAX_PAYLOAD - writer->length || writer->frame[GB_HEADER_SIZE] == 255u) {
        return GB_ERROR_FULL;
    }
    return GB_OK;
}

int gb_imu_add(gb_writer *writer, const int16_t accel[3], const int16_t gyro[3], const int16_t mag[3],
               const int16_t quaternion[4])
{
    uint8_t type, with_mag, i;
    int room = gb_batch_room(writer);
    if (room != GB_OK) {
        return room;
    }
    type = writer->frame[1];
    with_mag = writer->frame[GB_HEADER_SIZE + 1] & 1u;
    if (type != GB_TYPE_IMU_BATCH && type != GB_TYPE_QUATERNION_BATCH) {
        return GB_ERROR_STATE;
    }
    if ((with_mag && mag == NULL) || (type == GB_TYPE_QUATERNION_BATCH && quaternion == NULL)) {
        return GB_ERROR_ARGUMENT;
    }
    for (i = 0; i < 3; i++) {
        gb_put_i16(writer, accel[i]);
    }
    for (i = 0; i < 3; i++) {
        gb_put_i16(writer, gyro[i]);
    }
    if (with_mag) {
        for (i = 0; i < 3; i++) {
            gb_put_i16(writer, mag[i]);
        }
    }
    if (type == GB_TYPE_QUATERNION_BATCH) {
        for (i = 0; i < 4; i++) {
            gb_put_i16(writer, quaternion[i]);
        }
    }
    writer->frame[GB_HEADER_SIZE]++;
    return GB_OK;
}

int gb_pressure_begin(gb_writer *writer, uint32_t time_us, uint16_t interval_us, uint8_t cells)
{
    if (cells == 0 || gb_pressure_capacity(cells) == 0) {
        return GB_ERROR_ARGUMENT;
    }
    gb_begin(writer, GB_TYPE_PRESSURE_BATCH, time_us);
    gb_put_u8(writer, 0); /* count, raised by each gb_pressure_add */
    gb_put_u8(writer, cells);
    gb_put_u16(writer, interval_us);
    writer->sample_size = (uint8_t)(2u * cells);
    return GB_OK;
}

int gb_pressure_add(gb_writer *writer, const uint16_t *loads)
{
    uint8_t cells = (uint8_t)(writer->sample_size / 2u);
    uint8_t i;
    int room = gb_batch_room(writer);
    if (room != GB_OK) {
        return room;
    }
    if (writer->frame[1] != GB_TYPE_PRESSURE_BATCH) {
        return GB_ERROR_STATE;
    }
    for (i = 0; i < cells; i++) {
        gb_put_u16(writer, loads[i]);
    }
    writer->frame[GB_HEADER_SIZE]++;
    return GB_OK;
}

uint8_t gb_batch_count(const gb_writer *writer)
{
    return (writer->length > GB_HEADER_SIZE && writer->sample_size != 0) ? writer->frame[GB_HEADER_SIZE] : 0u;
}
