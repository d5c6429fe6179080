#include "gb_cobs.h"

size_t gb_cobs_write(const uint8_t *input, size_t length, gb_write_fn write, void *context)
{
    size_t start = 0;
    size_t written = 0;
    /* Each block is a code byte (1 + the non-zero bytes that follow) and those bytes; a zero in
     * the input ends a block and is implied by it. A block of 254 non-zero bytes (code 0xFF)
     * implies no zero. The last block is always written, even when empty (code 1). */
    for (;;) {
        size_t end = start;
        uint8_t code;
        while (end < length && input[end] != 0 && end - start < 254u) {
            end++;
        }
        code = (uint8_t)(end - start + 1u);
        write(context, &code, 1);
        if (end > start) {
            write(context, input + start, end - start);
        }
        written += 1u + (end - start);
        if (end >= length && code != 0xFFu) {
            break;
        }
        /* Skip the zero the block stands for; a full block stands for none. A full block that
         * ends the input is still followed by an empty one (code 1), as every encoder of this
         * project writes it (the Swift one, tools/make_vectors.py). */
        start = (code == 0xFFu) ? end : end + 1u;
    }
    return written;
}

struct gb_cobs_buffer {
    uint8_t *next;
};

static void gb_cobs_append(void *context, const uint8_t *bytes, size_t length)
{
    struct gb_cobs_buffer *buffer = (struct gb_cobs_buffer *)context;
    size_t i;
    for (i = 0; i < length; i++) {
        *buffer->next++ = bytes[i];
    }
}

size_t gb_cobs_encode(const uint8_t *input, size_t length, uint8_t *output)
{
    struct gb_cobs_buffer buffer;
    buffer.next = output;
    return gb_cobs_write(input, length, gb_cobs_append, &buffer);
}
