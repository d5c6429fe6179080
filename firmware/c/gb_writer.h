/* Frames from the device to the host (sections 1-2): a writer builds one frame at a time in a
 * fixed buffer, then gb_end() appends the CRC and writes it COBS-encoded between two 0x00
 * delimiters through the caller's write function. No allocation; RAM is the gb_writer itself
 * (GB_MAX_FRAME + 10 bytes). */
#ifndef GB_WRITER_H
#define GB_WRITER_H

#include <stddef.h>
#include <stdint.h>

#include "gb_cobs.h"
#include "gb_protocol.h"

typedef struct gb_writer {
    gb_write_fn write;
    void *context;
    /* Sequence number of the next frame (section 2): +1 per frame sent, wraps. */
    uint16_t sequence;
    /* Bytes of frame[] in use; 0 when no frame is begun. */
    uint16_t length;
    /* Size of one sample while an IMU or pressure batch is being filled, else 0. */
    uint8_t sample_size;
    /* Set when a put did not fit: gb_end() then refuses the frame. */
    uint8_t overflow;
    /* The version byte of the frames this writer sends; GB_VERSION unless a test says otherwise. */
    uint8_t version;
    uint8_t frame[GB_MAX_FRAME];
} gb_writer;

void gb_writer_init(gb_writer *writer, gb_write_fn write, void *context);

/* Starts a frame of `type` stamped `time_us` (device microseconds, wrapping). A frame begun and
 * not ended is dropped by the next gb_begin. */
void gb_begin(gb_writer *writer, uint8_t type, uint32_t time_us);

/* Payload fields, little-endian (section 2). A field that does not fit sets the overflow mark. */
void gb_put_u8(gb_writer *writer, uint8_t value);
void gb_put_i8(gb_writer *writer, int8_t value);
void gb_put_u16(gb_writer *writer, uint16_t value);
void gb_put_i16(gb_writer *writer, int16_t value);
void gb_put_u32(gb_writer *writer, uint32_t value);
void gb_put_bytes(gb_writer *writer, const uint8_t *bytes, size_t length);
/* A u8 length and that many bytes of UTF-8 `text` (length bytes, NULs allowed), cut to at most
 * `max_bytes` without splitting a character. */
void gb_put_text(gb_writer *writer, const char *text, size_t length, uint8_t max_bytes);

/* Payload bytes so far. */
uint16_t gb_payload_length(const gb_writer *writer);

/* Appends the CRC (big-endian) and writes the frame: 0x00, COBS(frame), 0x00. GB_ERROR_FULL when
 * something did not fit (nothing is written and the sequence number is not used), GB_ERROR_STATE
 * when no frame was begun. */
int gb_end(gb_writer *writer);

#endif
