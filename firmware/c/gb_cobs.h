/* Consistent Overhead Byte Stuffing (section 1): removes every 0x00 from a frame so that 0x00
 * only ever delimits frames. */
#ifndef GB_COBS_H
#define GB_COBS_H

#include <stddef.h>
#include <stdint.h>

/* Receives encoded bytes; on a device this is typically the UART's transmit queue. */
typedef void (*gb_write_fn)(void *context, const uint8_t *bytes, size_t length);

/* The most bytes COBS makes of `length` input bytes. */
#define GB_COBS_MAX_ENCODED(length) ((length) + (length) / 254u + 1u)

/* Writes the COBS encoding of `input` (no delimiters) through `write`, one run at a time, so the
 * caller needs no second buffer. Returns the number of bytes written. */
size_t gb_cobs_write(const uint8_t *input, size_t length, gb_write_fn write, void *context);

/* Encodes into `output`, which holds at least GB_COBS_MAX_ENCODED(length) bytes; returns the
 * encoded length. */
size_t gb_cobs_encode(const uint8_t *input, size_t length, uint8_t *output);

#endif
