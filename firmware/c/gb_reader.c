#include "gb_reader.h"

#include "gb_crc16.h"

enum {
    GB_READER_UNSYNCED = 0, /* no delimiter seen yet: bytes are the tail of an earlier frame */
    GB_READER_IDLE,         /* after a delimiter, before a block's first byte */
    GB_READER_BLOCK,        /* inside a block */
    GB_READER_SKIPPING      /* an oversized block: wait for the next delimiter */
};

void gb_reader_init(gb_reader *reader)
{
    reader->frames = 0;
    reader->crc_errors = 0;
    reader->malformed = 0;
    reader->oversized = 0;
    reader->resyncs = 0;
    reader->state = GB_READER_UNSYNCED;
    reader->block_bytes = 0;
}

static void gb_reader_start_block(gb_reader *reader)
{
    reader->crc = GB_CRC16_INIT;
    reader->decoded = 0;
    reader->block_bytes = 0;
    reader->left = 0;
    reader->code = 0;
}

/* One byte of the decoded frame. */
static void gb_reader_take(gb_reader *reader, uint8_t byte)
{
    uint16_t at = reader->decoded;
    gb_frame_in *f = &reader->frame;
    reader->crc = gb_crc16_update(reader->crc, byte);
    switch (at) {
    case 0: f->version = byte; break;
    case 1: f->type = byte; break;
    case 2: f->sequence = byte; break;
    case 3: f->sequence = (uint16_t)(f->sequence | ((uint16_t)byte << 8)); break;
    case 4: f->time_us = byte; break;
    case 5: f->time_us |= (uint32_t)byte << 8; break;
    case 6: f->time_us |= (uint32_t)byte << 16; break;
    case 7: f->time_us |= (uint32_t)byte << 24; break;
    default:
        if (at - GB_HEADER_SIZE < GB_READER_PAYLOAD) {
            f->payload[at - GB_HEADER_SIZE] = byte;
        }
        break;
    }
    reader->decoded++;
}

/* A delimiter ends the block: returns 1 for a valid frame. */
static int gb_reader_end_block(gb_reader *reader, gb_frame_in *out)
{
    uint8_t i;
    if (reader->left != 0) {
        reader->malformed++; /* the last group promised bytes that never came */
        return 0;
    }
    /* The CRC bytes were fed to the CRC too: a frame that is intact leaves 0 (section 1). */
    if (reader->decoded < GB_HEADER_SIZE + GB_CRC_SIZE) {
        reader->malformed++;
        return 0;
    }
    if (reader->crc != 0) {
        reader->crc_errors++;
        return 0;
    }
    reader->frames++;
    *out = reader->frame;
    out->payload_length = (uint16_t)(reader->decoded - GB_HEADER_SIZE - GB_CRC_SIZE);
    /* The CRC's own bytes may have landed in payload[]: clear them so nothing reads past the payload. */
    for (i = 0; i < GB_READER_PAYLOAD; i++) {
        if (i >= out->payload_length) {
            out->payload[i] = 0;
        }
    }
    return 1;
}

int gb_reader_feed(gb_reader *reader, uint8_t byte, gb_frame_in *frame)
{
    int done = 0;
    if (byte == 0) {
        switch (reader->state) {
        case GB_READER_UNSYNCED:
            if (reader->block_bytes > 0) {
                reader->resyncs++; /* the tail of a frame sent before we listened */
            }
            break;
        case GB_READER_BLOCK:
            done = gb_reader_end_block(reader, frame);
            break;
        case GB_READER_SKIPPING:
            reader->resyncs++;
            break;
        default:
            break; /* an empty block: two delimiters in a row */
        }
        reader->state = GB_READER_IDLE;
        reader->block_bytes = 0;
        return done;
    }

    if (reader->block_bytes < 0xFFFFu) {
        reader->block_bytes++;
    }
    switch (reader->state) {
    case GB_READER_UNSYNCED:
    case GB_READER_SKIPPING:
        return 0;
    case GB_READER_IDLE:
        gb_reader_start_block(reader);
        reader->block_bytes = 1;
        reader->state = GB_READER_BLOCK;
        break;
    default:
        break;
    }
    if (reader->block_bytes > GB_PROTOCOL_MAX_ENCODED_FRAME) {
        /* No frame is this long: stop decoding and skip to the next delimiter. */
        reader->oversized++;
        reader->state = GB_READER_SKIPPING;
        return 0;
    }
    if (reader->left == 0) {
        /* A code byte. The zero the previous group implies (if it was not a full one) goes in
         * now that we know it was not the last group. */
        if (reader->block_bytes > 1 && reader->code != 0xFFu) {
            gb_reader_take(reader, 0);
        }
        reader->code = byte;
        reader->left = (uint8_t)(byte - 1u);
    } else {
        gb_reader_take(reader, byte);
        reader->left--;
    }
    return 0;
}

int gb_command_from_frame(const gb_frame_in *frame, gb_command *command)
{
    if ((frame->version >> 4) != (GB_VERSION >> 4)) {
        return GB_ERROR_STATE;
    }
    command->type = frame->type;
    command->sequence = frame->sequence;
    command->imu_rate_hz = 0;
    command->pressure_rate_hz = 0;
    switch (frame->type) {
    case GB_TYPE_PING:
    case GB_TYPE_GET_INFO:
    case GB_TYPE_START_STREAMING:
    case GB_TYPE_STOP_STREAMING:
    case GB_TYPE_TARE:
        return GB_OK;
    case GB_TYPE_SET_RATE:
        if (frame->payload_length < 4) {
            return GB_NAK_BAD_ARGUMENT;
        }
        command->imu_rate_hz = (uint16_t)(frame->payload[0] | ((uint16_t)frame->payload[1] << 8));
        command->pressure_rate_hz = (uint16_t)(frame->payload[2] | ((uint16_t)frame->payload[3] << 8));
        return GB_OK;
    default:
        return GB_NAK_UNKNOWN_COMMAND;
    }
}
