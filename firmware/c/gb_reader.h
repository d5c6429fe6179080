/* Frames from the host to the device (section 1's receiver rules), read one byte at a time as
 * the UART delivers them. COBS is undone and the CRC computed on the fly, so the reader keeps only
 * the header and the first GB_READER_PAYLOAD bytes of the payload (host commands carry at most 4):
 * about 30 bytes of RAM instead of a 247-byte block. Every frame is still checked whole: the CRC
 * runs over all of it, CRC bytes included, and must end at 0 (section 1's self-check). */
#ifndef GB_READER_H
#define GB_READER_H

#include <stdint.h>

#include "gb_protocol.h"

#ifndef GB_READER_PAYLOAD
#define GB_READER_PAYLOAD 8u
#endif

/* A frame that passed the COBS, length and CRC checks. */
typedef struct gb_frame_in {
    uint8_t version;
    uint8_t type;
    uint16_t sequence;
    uint32_t time_us;
    /* The payload's full length, and its first min(length, GB_READER_PAYLOAD) bytes. */
    uint16_t payload_length;
    uint8_t payload[GB_READER_PAYLOAD];
} gb_frame_in;

typedef struct gb_reader {
    /* Counters of section 1, for a status or a debug line. */
    uint16_t frames;
    uint16_t crc_errors;
    uint16_t malformed;
    uint16_t oversized;
    uint16_t resyncs;
    /* Decoding state. */
    uint16_t crc;
    uint16_t decoded;       /* frame bytes produced so far */
    uint16_t block_bytes;   /* encoded bytes of the current block */
    uint8_t code;           /* code byte of the current COBS group */
    uint8_t left;           /* data bytes left in the current group */
    uint8_t state;
    gb_frame_in frame;
} gb_reader;

void gb_reader_init(gb_reader *reader);

/* Feeds one received byte. Returns 1 when it completed a valid frame, copied to *frame; else 0. */
int gb_reader_feed(gb_reader *reader, uint8_t byte, gb_frame_in *frame);

/* A host command (section 3, 0x40-0x45) made from a frame. */
typedef struct gb_command {
    uint8_t type;           /* GB_TYPE_PING ... GB_TYPE_TARE */
    uint16_t sequence;      /* of the command's frame: goes into the ack or nak */
    uint16_t imu_rate_hz;   /* set rate only; 0 = unchanged */
    uint16_t pressure_rate_hz;
} gb_command;

/* GB_OK with *command filled; else the nak reason to answer with (GB_NAK_UNKNOWN_COMMAND for a
 * type that is no command, GB_NAK_BAD_ARGUMENT for a payload too short); or GB_ERROR_STATE for a
 * frame of another major version, which is skipped without an answer (section 4). */
int gb_command_from_frame(const gb_frame_in *frame, gb_command *command);

#endif
