/* GluteBridge native protocol 1.0: the numbers of firmware-protocol.md, for device firmware.
 * Section references are to that page. Portable C99; no allocation, no stdio. */
#ifndef GB_PROTOCOL_H
#define GB_PROTOCOL_H

#include <stdint.h>

/* Section 2: major 1, minor 0. */
#define GB_VERSION 0x10u

/* Section 1: sizes. GB_MAX_PAYLOAD may be lowered at build time (-DGB_MAX_PAYLOAD=80) to save RAM
 * on a small device that never sends long frames; it can never exceed the protocol's 236. */
#define GB_HEADER_SIZE 8u
#define GB_CRC_SIZE 2u
#define GB_PROTOCOL_MAX_PAYLOAD 236u
#ifndef GB_MAX_PAYLOAD
#define GB_MAX_PAYLOAD GB_PROTOCOL_MAX_PAYLOAD
#endif
#if GB_MAX_PAYLOAD > GB_PROTOCOL_MAX_PAYLOAD || GB_MAX_PAYLOAD < 32
#error "GB_MAX_PAYLOAD must be between 32 and 236"
#endif
#define GB_MAX_FRAME (GB_HEADER_SIZE + GB_MAX_PAYLOAD + GB_CRC_SIZE)
/* The longest frame any sender may put on the wire, COBS included: 247 bytes. */
#define GB_PROTOCOL_MAX_ENCODED_FRAME 247u

/* Section 3: message types. */
enum {
    GB_TYPE_DEVICE_INFO = 0x01,
    GB_TYPE_IMU_BATCH = 0x10,
    GB_TYPE_QUATERNION_BATCH = 0x11,
    GB_TYPE_PRESSURE_BATCH = 0x12,
    GB_TYPE_STATUS = 0x20,
    GB_TYPE_MARKER = 0x21,
    GB_TYPE_ERROR = 0x22,
    GB_TYPE_PING = 0x40,
    GB_TYPE_GET_INFO = 0x41,
    GB_TYPE_START_STREAMING = 0x42,
    GB_TYPE_STOP_STREAMING = 0x43,
    GB_TYPE_SET_RATE = 0x44,
    GB_TYPE_TARE = 0x45,
    GB_TYPE_ACK = 0x60,
    GB_TYPE_NAK = 0x61
};

/* 3.1: sensors bits. */
enum {
    GB_SENSOR_ACCEL = 1u << 0,
    GB_SENSOR_GYRO = 1u << 1,
    GB_SENSOR_MAG = 1u << 2,
    GB_SENSOR_QUATERNION = 1u << 3,
    GB_SENSOR_PRESSURE = 1u << 4
};
#define GB_MAX_CELLS 32u
#define GB_MAX_INFO_TEXT 32u

/* 3.2: IMU sample layout. */
#define GB_IMU_BATCH_HEADER 8u
enum { GB_IMU_WITH_MAG = 1u << 0, GB_IMU_WITH_QUATERNION = 1u << 1 };

/* 3.3 */
#define GB_PRESSURE_BATCH_HEADER 4u

/* 3.4: status flags. */
enum {
    GB_STATUS_CHARGING = 1u << 0,
    GB_STATUS_STREAMING = 1u << 1,
    GB_STATUS_GYRO_OVER_RANGE = 1u << 2,
    GB_STATUS_ACCEL_OVER_RANGE = 1u << 3,
    GB_STATUS_LOW_BATTERY = 1u << 4,
    GB_STATUS_CALIBRATING = 1u << 5
};
#define GB_BATTERY_UNKNOWN 255u

/* 3.5 */
enum { GB_PRESS_SHORT = 1, GB_PRESS_LONG = 2 };

/* 3.6 */
#define GB_MAX_ERROR_TEXT 64u

/* Nak reasons (section 3, type 0x61). */
enum {
    GB_NAK_UNKNOWN_COMMAND = 1,
    GB_NAK_BAD_ARGUMENT = 2,
    GB_NAK_BUSY = 3,
    GB_NAK_UNSUPPORTED = 4
};

/* Results of the library's functions. */
enum {
    GB_OK = 0,
    GB_ERROR_FULL = -1,     /* the frame has no room for this: nothing was added */
    GB_ERROR_ARGUMENT = -2, /* a value the protocol does not allow */
    GB_ERROR_STATE = -3     /* no frame begun, or a call for another kind of frame */
};

#endif
