/* The edges the vectors do not reach: the writer's limits, and the reader on hostile input
 * (oversized blocks, broken COBS, short frames, long payloads, a stream joined mid-frame).
 * With a stream file (random_stream's output) it also reads that whole stream back.
 * Usage: test_edges [STREAM.bin FRAMES] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glutebridge.h"

typedef struct {
    uint8_t bytes[4096];
    size_t length;
} sink;

static void sink_write(void *context, const uint8_t *bytes, size_t length)
{
    sink *s = (sink *)context;
    if (s->length + length <= sizeof s->bytes) {
        memcpy(s->bytes + s->length, bytes, length);
    }
    s->length += length;
}

static int failures;

#define CHECK(condition, what) \
    do { if (!(condition)) { printf("FAIL %s (line %d)\n", what, __LINE__); failures++; } } while (0)

/* Feeds bytes to a reader; returns the number of frames found, the last in *last. */
static int feed(gb_reader *r, const uint8_t *bytes, size_t length, gb_frame_in *last)
{
    int frames = 0;
    size_t i;
    for (i = 0; i < length; i++) {
        gb_frame_in f;
        if (gb_reader_feed(r, bytes[i], &f)) {
            frames++;
            if (last) *last = f;
        }
    }
    return frames;
}

static void writer_limits(void)
{
    static const int16_t three[3] = {1, 2, 3}, four[4] = {1, 2, 3, 4};
    static const uint8_t big[GB_MAX_PAYLOAD + 1] = {0};
    static const uint8_t layouts[4] = {0, GB_IMU_WITH_MAG, GB_IMU_WITH_QUATERNION, GB_IMU_WITH_MAG | GB_IMU_WITH_QUATERNION};
    static const uint8_t capacity[4] = {19, 12, 11, 8};
    gb_writer w;
    sink out;
    int i, n;
    out.length = 0;
    gb_writer_init(&w, sink_write, &out);

    /* A payload of 236 bytes is the largest; 237 is refused whole and costs no sequence number. */
    gb_begin(&w, 0x7E, 0);
    gb_put_bytes(&w, big, GB_MAX_PAYLOAD);
    CHECK(gb_end(&w) == GB_OK && w.sequence == 1, "a 236-byte payload is sent");
    CHECK(out.length == 2 + GB_PROTOCOL_MAX_ENCODED_FRAME, "the longest frame is 247 bytes on the wire, plus delimiters");
    out.length = 0;
    gb_begin(&w, 0x7E, 0);
    gb_put_bytes(&w, big, GB_MAX_PAYLOAD + 1);
    CHECK(gb_end(&w) == GB_ERROR_FULL && out.length == 0 && w.sequence == 1, "a 237-byte payload is refused");
    CHECK(gb_end(&w) == GB_ERROR_STATE, "gb_end without a frame");

    /* Batch capacities of section 3.2, and no empty batch. */
    for (i = 0; i < 4; i++) {
        CHECK(gb_imu_capacity(layouts[i]) == capacity[i], "IMU capacity");
        gb_imu_begin(&w, 0, 10000, 4, 500, layouts[i]);
        for (n = 0; gb_imu_add(&w, three, three, three, four) == GB_OK; n++) {
        }
        CHECK(n == capacity[i], "a batch takes exactly its capacity");
        CHECK(gb_end(&w) == GB_OK, "a full batch is sent");
    }
    gb_imu_begin(&w, 0, 10000, 4, 500, 0);
    CHECK(gb_end(&w) == GB_ERROR_STATE, "an empty batch is refused");
    CHECK(gb_imu_begin(&w, 0, 10000, 0, 500, 0) == GB_ERROR_ARGUMENT, "accelerometer range 0 is refused");
    gb_imu_begin(&w, 0, 10000, 4, 500, GB_IMU_WITH_MAG);
    CHECK(gb_imu_add(&w, three, three, NULL, NULL) == GB_ERROR_ARGUMENT, "a magnetometer layout needs mag values");
    CHECK(gb_pressure_capacity(4) == 29 && gb_pressure_capacity(116) == 1 && gb_pressure_capacity(117) == 0, "pressure capacity");
    CHECK(gb_pressure_begin(&w, 0, 50000, 117) == GB_ERROR_ARGUMENT, "a sample wider than a frame is refused");
    CHECK(gb_send_marker(&w, 0, 0, 3) == GB_ERROR_ARGUMENT, "press kind 3 is refused");
    CHECK(gb_send_status(&w, 0, 101, 0, 0, 0) == GB_ERROR_ARGUMENT, "battery 101 % is refused");

    /* Texts are cut to whole characters: 31 ASCII bytes then a 2-byte character leave 31. */
    out.length = 0;
    gb_send_error(&w, 0, 1, "0123456789012345678901234567890123456789012345678901234567890123\xC3\xA9");
    {
        gb_reader r;
        gb_frame_in f;
        gb_reader_init(&r);
        CHECK(feed(&r, out.bytes, out.length, &f) == 1 && f.payload_length == 2 + 64, "error text cut to 64 bytes");
    }
    out.length = 0;
    gb_send_error(&w, 0, 1, "012345678901234567890123456789012345678901234567890123456789012\xC3\xA9");
    {
        gb_reader r;
        gb_frame_in f;
        gb_reader_init(&r);
        CHECK(feed(&r, out.bytes, out.length, &f) == 1 && f.payload_length == 2 + 63, "a character is never split");
    }
}

static void reader_edges(void)
{
    static const uint8_t ping[] = {0x00, 0x03, 0x10, 0x40, 0x01, 0x01, 0x01, 0x01, 0x01, 0x03, 0xD1, 0x66, 0x00};
    static const uint8_t info[] = {0x00, 0x03, 0x10, 0x01, 0x01, 0x03, 0xE8, 0x03, 0x01, 0x04, 0x01, 0x02, 0x03, 0x05,
        0x13, 0x08, 0xD0, 0x07, 0x01, 0x02, 0x64, 0x02, 0x14, 0x06, 0x01, 0x02, 0x03, 0x04, 0x3C, 0x02, 0x50, 0x02,
        0x3C, 0x06, 0xB0, 0xFF, 0xC4, 0xFF, 0x50, 0x19, 0xC4, 0xFF, 0xB0, 0xFF, 0x06, 0x47, 0x42, 0x2D, 0x30, 0x30,
        0x31, 0x0A, 0x47, 0x6C, 0x75, 0x74, 0x65, 0x42, 0x65, 0x6C, 0x74, 0x31, 0xE7, 0x52, 0x00};
    uint8_t noise[300];
    gb_reader r;
    gb_frame_in f;
    size_t i;

    /* 300 bytes without a delimiter: oversized, skipped to the next 0x00, then in sync again. */
    for (i = 0; i < sizeof noise; i++) noise[i] = (uint8_t)(1 + i % 200);
    gb_reader_init(&r);
    feed(&r, ping, 1, NULL); /* a delimiter first, so the noise is not a partial frame */
    CHECK(feed(&r, noise, sizeof noise, NULL) == 0 && r.oversized == 1, "an oversized block is counted");
    CHECK(feed(&r, ping, sizeof ping, &f) == 1 && f.type == GB_TYPE_PING && r.resyncs == 1, "in sync after an oversized block");

    /* A code byte that promises more than the block holds is malformed; so is a frame too short. */
    {
        static const uint8_t broken[] = {0x00, 0x05, 0x10, 0x40, 0x00};
        static const uint8_t short_frame[] = {0x00, 0x04, 0x10, 0x40, 0x01, 0x00};
        gb_reader_init(&r);
        CHECK(feed(&r, broken, sizeof broken, NULL) == 0 && r.malformed == 1, "broken COBS is malformed");
        CHECK(feed(&r, short_frame, sizeof short_frame, NULL) == 0 && r.malformed == 2, "a 3-byte frame is malformed");
        CHECK(feed(&r, ping, sizeof ping, &f) == 1 && r.frames == 1, "a good frame after broken ones");
    }

    /* A long payload: checked whole, its first bytes kept, its length known. */
    gb_reader_init(&r);
    CHECK(feed(&r, info, sizeof info, &f) == 1 && f.type == GB_TYPE_DEVICE_INFO && f.payload_length == 52
          && f.payload[0] == 1 && f.payload[4] == 0x13 && f.time_us == 1000, "a long payload is read");
    CHECK(gb_command_from_frame(&f, &(gb_command){0, 0, 0, 0}) == GB_NAK_UNKNOWN_COMMAND, "device info is no command");

    /* Every byte of a frame corrupted in turn: never a frame, always counted. */
    for (i = 1; i + 1 < sizeof ping; i++) {
        uint8_t bad[sizeof ping];
        memcpy(bad, ping, sizeof ping);
        bad[i] ^= 0x20;
        gb_reader_init(&r);
        feed(&r, bad, sizeof bad, NULL);
        CHECK(r.frames == 0 && r.crc_errors + r.malformed == 1, "a corrupted byte is caught");
    }

    /* A set rate whose payload is too short gets a nak, bad argument. */
    {
        gb_frame_in g = {0x10, GB_TYPE_SET_RATE, 7, 0, 2, {100, 0}};
        gb_command c;
        CHECK(gb_command_from_frame(&g, &c) == GB_NAK_BAD_ARGUMENT, "set rate without its 4 bytes");
    }
}

/* random_stream's 10,000 frames through the C reader: all of them, intact. */
static void read_stream(const char *path, long expected)
{
    FILE *file = fopen(path, "rb");
    gb_reader r;
    int c;
    long frames = 0;
    if (!file) {
        printf("FAIL cannot open %s\n", path);
        failures++;
        return;
    }
    gb_reader_init(&r);
    while ((c = fgetc(file)) != EOF) {
        gb_frame_in f;
        frames += gb_reader_feed(&r, (uint8_t)c, &f);
    }
    fclose(file);
    printf("edges: the C reader found %ld frames in %s (%u CRC errors, %u malformed, %u oversized, %u resyncs)\n",
           frames, path, r.crc_errors, r.malformed, r.oversized, r.resyncs);
    CHECK(frames == expected && r.crc_errors + r.malformed + r.oversized + r.resyncs == 0, "the random stream reads back whole");
}

int main(int argc, char **argv)
{
    writer_limits();
    reader_edges();
    if (argc == 3) {
        read_stream(argv[1], strtol(argv[2], NULL, 10));
    }
    printf("edges: writer limits and reader edge cases, %d failures\n", failures);
    return failures == 0 ? 0 : 1;
}
