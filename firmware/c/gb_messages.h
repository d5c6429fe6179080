/* The device-to-host messages of section 3, each sent as one frame through a gb_writer.
 * Every function returns GB_OK, or a GB_ERROR_* (and then sends nothing). */
#ifndef GB_MESSAGES_H
#define GB_MESSAGES_H

#include <stddef.h>
#include <stdint.h>

#include "gb_writer.h"

/* 3.1: where a pressure cell sits, mm from the seat centre, x forward, y left. */
typedef struct gb_cell {
    int16_t x_mm;
    int16_t y_mm;
} gb_cell;

/* 3.1. Texts are NUL-terminated UTF-8, cut to 32 bytes. */
typedef struct gb_device_info {
    uint8_t firmware_major;
    uint8_t firmware_minor;
    uint16_t firmware_patch;
    uint8_t sensors;        /* GB_SENSOR_* */
    uint8_t accel_range_g;  /* 2, 4, 8, 16 */
    uint16_t gyro_range_dps;
    uint16_t mag_range_ut;  /* 0: none */
    uint16_t imu_rate_hz;
    uint16_t pressure_rate_hz;
    int8_t mount[3];        /* sensor axis pointing body forward, left, up: +-1..3; {1,2,3} default */
    uint8_t cell_count;     /* 0 ... GB_MAX_CELLS */
    const gb_cell *cells;
    const char *serial;
    const char *name;
} gb_device_info;

int gb_send_device_info(gb_writer *writer, uint32_t time_us, const gb_device_info *info);

/* 3.4. battery_percent GB_BATTERY_UNKNOWN when unknown; temperature in 0.01 deg C. */
int gb_send_status(gb_writer *writer, uint32_t time_us, uint8_t battery_percent, uint16_t battery_mv,
                   uint16_t flags, int16_t temperature_centi_c);

/* 3.5. press: GB_PRESS_SHORT or GB_PRESS_LONG. */
int gb_send_marker(gb_writer *writer, uint32_t time_us, uint8_t button, uint8_t press);

/* 3.6. `text` is NUL-terminated UTF-8, cut to 64 bytes. */
int gb_send_error(gb_writer *writer, uint32_t time_us, uint8_t code, const char *text);

/* Answers to host commands (section 3, 0x60 and 0x61): the command's type and the sequence
 * number of the frame that carried it. */
int gb_send_ack(gb_writer *writer, uint32_t time_us, uint8_t command, uint16_t command_sequence);
int gb_send_nak(gb_writer *writer, uint32_t time_us, uint8_t command, uint16_t command_sequence, uint8_t reason);

/* 3.2: an IMU batch filled in place, sample by sample, in the writer's buffer (no second copy):
 *   gb_imu_begin(w, t, 10000, 8, 2000, 0);  ... gb_imu_add(w, acc, gyro, NULL, NULL) ...  gb_end(w);
 * `layout` is a combination of GB_IMU_WITH_MAG and GB_IMU_WITH_QUATERNION (type 0x11). `time_us` is
 * the time of the first sample; the others are `interval_us` apart. Raw values are int16 counts of
 * the full scales given (acceleration raw / 32768 * accel_range_g; magnetometer 0.1 uT per count;
 * quaternion w, x, y, z as raw / 16384). */
int gb_imu_begin(gb_writer *writer, uint32_t time_us, uint16_t interval_us, uint8_t accel_range_g,
                 uint16_t gyro_range_dps, uint8_t layout);
/* GB_ERROR_FULL when the frame holds no more samples (19, 12 with magnetometer, 11 with
 * quaternions, 8 with both); `mag` and `quaternion` may be NULL when the layout has none. */
int gb_imu_add(gb_writer *writer, const int16_t accel[3], const int16_t gyro[3], const int16_t mag[3],
               const int16_t quaternion[4]);

/* 3.3: a pressure batch filled in place; each sample is `cells` loads in pascals. */
int gb_pressure_begin(gb_writer *writer, uint32_t time_us, uint16_t interval_us, uint8_t cells);
int gb_pressure_add(gb_writer *writer, const uint16_t *loads);

/* Samples in the batch being filled. */
uint8_t gb_batch_count(const gb_writer *writer);

/* The most samples of one batch frame. */
uint8_t gb_imu_capacity(uint8_t layout);
uint8_t gb_pressure_capacity(uint8_t cells);

#endif
