#include "gb_writer.h"

#include "gb_crc16.h"

void gb_writer_init(gb_writer *writer, gb_write_fn write, void *context)
{
    writer->write = write;
    writer->context = context;
    writer->sequence = 0;
    writer->length = 0;
    writer->sample_size = 0;
    writer->overflow = 0;
    writer->version = GB_VERSION;
}

void gb_begin(gb_writer *writer, uint8_t type, uint32_t time_us)
{
    uint8_t *h = writer->frame;
    h[0] = writer->version;
    h[1] = type;
    h[2] = (uint8_t)(writer->sequence & 0xFFu);
    h[3] = (uint8_t)(writer->sequence >> 8);
    h[4] = (uint8_t)(time_us & 0xFFu);
    h[5] = (uint8_t)((time_us >> 8) & 0xFFu);
    h[6] = (uint8_t)((time_us >> 16) & 0xFFu);
    h[7] = (uint8_t)((time_us >> 24) & 0xFFu);
    writer->length = GB_HEADER_SIZE;
    writer->sample_size = 0;
    writer->overflow = 0;
}

/* Room for `count` more payload bytes; marks the overflow when there is none. */
static int gb_room(gb_writer *writer, size_t count)
{
    if (writer->length == 0 || writer->overflow) {
        writer->overflow = 1;
        return 0;
    }
    if (count > (size_t)(GB_HEADER_SIZE + GB_MAX_PAYLOAD - writer->length)) {
        writer->overflow = 1;
        return 0;
    }
    return 1;
}

void gb_put_u8(gb_writer *writer, uint8_t value)
{
    if (gb_room(writer, 1)) {
        writer->frame[writer->length++] = value;
    }
}

void gb_put_i8(gb_writer *writer, int8_t value)
{
    gb_put_u8(writer, (uint8_t)value);
}

void gb_put_u16(gb_writer *writer, uint16_t value)
{
    if (gb_room(writer, 2)) {
        writer->frame[writer->length++] = (uint8_t)(value & 0xFFu);
        writer->frame[writer->length++] = (uint8_t)(value >> 8);
    }
}

void gb_put_i16(gb_writer *writer, int16_t value)
{
    gb_put_u16(writer, (uint16_t)value);
}

void gb_put_u32(gb_writer *writer, uint32_t value)
{
    gb_put_u16(writer, (uint16_t)(value & 0xFFFFu));
    gb_put_u16(writer, (uint16_t)(value >> 16));
}

void gb_put_bytes(gb_writer *writer, const uint8_t *bytes, size_t length)
{
    size_t i;
    if (gb_room(writer, length)) {
        for (i = 0; i < length; i++) {
            writer->frame[writer->length++] = bytes[i];
        }
    }
}

void gb_put_text(gb_writer *writer, const char *text, size_t length, uint8_t max_bytes)
{
    const uint8_t *bytes = (const uint8_t *)text;
    size_t cut = length;
    if (cut > max_bytes) {
        cut = max_bytes;
        /* Back off to the start of the character that would be split: its continuation bytes
         * are 10xxxxxx. */
        while (cut > 0 && (bytes[cut] & 0xC0u) == 0x80u) {
            cut--;
        }
    }
    if (gb_room(writer, 1 + cut)) {
        gb_put_u8(writer, (uint8_t)cut);
        gb_put_bytes(writer, bytes, cut);
    }
}

uint16_t gb_payload_length(const gb_writer *writer)
{
    return writer->length >= GB_HEADER_SIZE ? (uint16_t)(writer->length - GB_HEADER_SIZE) : 0u;
}

int gb_end(gb_writer *writer)
{
    static const uint8_t delimiter = 0;
    uint16_t crc;
    if (writer->length == 0) {
        return GB_ERROR_STATE;
    }
    if (writer->overflow) {
        writer->length = 0;
        return GB_ERROR_FULL;
    }
    if (writer->sample_size != 0 && writer->frame[GB_HEADER_SIZE] == 0) {
        /* A batch of no samples is malformed (sections 3.2, 3.3): never send one. */
        writer->length = 0;
        return GB_ERROR_STATE;
    }
    crc = gb_crc16(writer->frame, writer->length);
    writer->frame[writer->length++] = (uint8_t)(crc >> 8);
    writer->frame[writer->length++] = (uint8_t)(crc & 0xFFu);
    writer->write(writer->context, &delimiter, 1);
    gb_cobs_write(writer->frame, writer->length, writer->write, writer->context);
    writer->write(writer->context, &delimiter, 1);
    writer->sequence++;
    writer->length = 0;
    writer->sample_size = 0;
    return GB_OK;
}
