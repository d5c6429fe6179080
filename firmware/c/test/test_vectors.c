/* The test vectors of firmware-protocol.md section 6, checked against this C library:
 *  - every vector a device or host can send is produced by the C encoder, byte for byte;
 *  - every vector goes through the C reader, which must find the frames, commands and faults the
 *    vector describes.
 * The vectors are read from the page itself, so the page, the Swift decoder and this library
 * cannot drift apart. Usage: test_vectors firmware-protocol.md */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glutebridge.h"

#define MAX_BYTES 1024

typedef struct {
    char name[64];
    uint8_t bytes[MAX_BYTES];
    size_t length;
} vector;

typedef struct {
    uint8_t bytes[MAX_BYTES];
    size_t length;
} sink;

static void sink_write(void *context, const uint8_t *bytes, size_t length)
{
    sink *s = (sink *)context;
    if (s->length + length <= MAX_BYTES) {
        memcpy(s->bytes + s->length, bytes, length);
    }
    s->length += length;
}

static int failures = 0;

static void fail(const char *name, const char *what)
{
    printf("FAIL %s: %s\n", name, what);
    failures++;
}

static void check(int ok, const char *name, const char *what)
{
    if (!ok) {
        fail(name, what);
    }
}

/* A writer at a given sequence number, writing into `out`. */
static void writer_at(gb_writer *w, sink *out, uint16_t sequence)
{
    out->length = 0;
    gb_writer_init(w, sink_write, out);
    w->sequence = sequence;
}

/* Produces the vector `name` with the encoder; 0 when the encoder cannot make it. */
static int encode_vector(const char *name, sink *out)
{
    gb_writer w;
    if (strcmp(name, "ping") == 0 || strcmp(name, "get-info") == 0) {
        /* Host commands: a device library has no reason to send them, but the frame writer
         * makes any frame, which is how the vectors of the other direction are checked. */
        int ping = name[0] == 'p';
        writer_at(&w, out, ping ? 0 : 1);
        gb_begin(&w, ping ? GB_TYPE_PING : GB_TYPE_GET_INFO, 0);
        return gb_end(&w) == GB_OK;
    }
    if (strcmp(name, "set-rate") == 0) {
        writer_at(&w, out, 2);
        gb_begin(&w, GB_TYPE_SET_RATE, 0);
        gb_put_u16(&w, 100);
        gb_put_u16(&w, 20);
        return gb_end(&w) == GB_OK;
    }
    if (strcmp(name, "device-info") == 0) {
        static const gb_cell cells[4] = {{60, 80}, {60, -80}, {-60, 80}, {-60, -80}};
        gb_device_info info;
        info.firmware_major = 1;
        info.firmware_minor = 2;
        info.firmware_patch = 3;
        info.sensors = GB_SENSOR_ACCEL | GB_SENSOR_GYRO | GB_SENSOR_PRESSURE;
        info.accel_range_g = 8;
        info.gyro_range_dps = 2000;
        info.mag_range_ut = 0;
        info.imu_rate_hz = 100;
        info.pressure_rate_hz = 20;
        info.mount[0] = 1;
        info.mount[1] = 2;
        info.mount[2] = 3;
        info.cell_count = 4;
        info.cells = cells;
        info.serial = "GB-001";
        info.name = "GluteBelt1";
        writer_at(&w, out, 0);
        return gb_send_device_info(&w, 1000, &info) == GB_OK;
    }
    if (strcmp(name, "imu-batch") == 0) {
        static const int16_t acc[3][3] = {{0, 0, 4096}, {-410, 12, 4075}, {-820, -5, 4014}};
        static const int16_t gyro[3][3] = {{0, 0, 0}, {16, -33, 1}, {-16, 2, 0}};
        int i;
        writer_at(&w, out, 7);
        if (gb_imu_begin(&w, 2500000u, 10000, 8, 2000, 0) != GB_OK) {
            return 0;
        }
        for (i = 0; i < 3; i++) {
            if (gb_imu_add(&w, acc[i], gyro[i], NULL, NULL) != GB_OK) {
                return 0;
            }
        }
        return gb_end(&w) == GB_OK;
    }
    if (strcmp(name, "imu-batch-mag") == 0) {
        static const int16_t acc[3] = {2048, -2048, 0}, gyro[3] = {100, -100, 0}, mag[3] = {200, -150, -400};
        writer_at(&w, out, 8);
        return gb_imu_begin(&w, 2550000u, 10000, 16, 500, GB_IMU_WITH_MAG) == GB_OK
            && gb_imu_add(&w, acc, gyro, mag, NULL) == GB_OK && gb_end(&w) == GB_OK;
    }
    if (strcmp(name, "quaternion-batch") == 0) {
        static const int16_t acc[3] = {0, 0, 8192}, gyro[3] = {0, 0, 0};
        static const int16_t q0[4] = {16384, 0, 0, 0}, q1[4] = {11585, 0, 11585, 0};
        writer_at(&w, out, 9);
        return gb_imu_begin(&w, 3000000u, 20000, 4, 250, GB_IMU_WITH_QUATERNION) == GB_OK
            && gb_imu_add(&w, acc, gyro, NULL, q0) == GB_OK && gb_imu_add(&w, acc, gyro, NULL, q1) == GB_OK
            && gb_end(&w) == GB_OK;
    }
    if (strcmp(name, "pressure-batch") == 0) {
        static const uint16_t empty[4] = {0, 0, 0, 0}, seated[4] = {5200, 4800, 2100, 1900};
        writer_at(&w, out, 10);
        return gb_pressure_begin(&w, 4000000u, 50000, 4) == GB_OK && gb_pressure_add(&w, empty) == GB_OK
            && gb_pressure_add(&w, seated) == GB_OK && gb_end(&w) == GB_OK;
    }
    if (strcmp(name, "status") == 0) {
        writer_at(&w, out, 11);
        return gb_send_status(&w, 5000000u, 87, 3950, GB_STATUS_STREAMING, 3125) == GB_OK;
    }
    if (strcmp(name, "marker") == 0) {
        writer_at(&w, out, 12);
        return gb_send_marker(&w, 5100000u, 0, GB_PRESS_LONG) == GB_OK;
    }
    if (strcmp(name, "error") == 0) {
        writer_at(&w, out, 13);
        return gb_send_error(&w, 5200000u, 3, "gyro fault") == GB_OK;
    }
    if (strcmp(name, "ack") == 0) {
        writer_at(&w, out, 14);
        return gb_send_ack(&w, 5300000u, GB_TYPE_SET_RATE, 2) == GB_OK;
    }
    if (strcmp(name, "nak") == 0) {
        writer_at(&w, out, 15);
        return gb_send_nak(&w, 5400000u, GB_TYPE_TARE, 3, GB_NAK_BUSY) == GB_OK;
    }
    if (strcmp(name, "unknown-type") == 0) {
        static const uint8_t payload[3] = {1, 2, 3};
        writer_at(&w, out, 16);
        gb_begin(&w, 0x7E, 5500000u);
        gb_put_bytes(&w, payload, 3);
        return gb_end(&w) == GB_OK;
    }
    if (strcmp(name, "sequence-gap") == 0) {
        writer_at(&w, out, 20);
        if (gb_send_marker(&w, 6000000u, 0, GB_PRESS_SHORT) != GB_OK) {
            return 0;
        }
        w.sequence = 23; /* frames 21 and 22 were lost */
        return gb_send_marker(&w, 6300000u, 0, GB_PRESS_SHORT) == GB_OK;
    }
    if (strcmp(name, "resync") == 0) {
        static const uint8_t tail[3] = {0x13, 0x37, 0x42};
        writer_at(&w, out, 0);
        sink_write(out, tail, 3);
        return gb_send_marker(&w, 0, 2, GB_PRESS_SHORT) == GB_OK;
    }
    if (strcmp(name, "clock-wrap") == 0) {
        writer_at(&w, out, 30);
        return gb_send_marker(&w, 0xFFFFFF00u, 0, GB_PRESS_SHORT) == GB_OK
            && gb_send_marker(&w, 0x10u, 0, GB_PRESS_SHORT) == GB_OK;
    }
    if (strcmp(name, "version-2") == 0) {
        writer_at(&w, out, 0);
        w.version = 0x20;
        return gb_send_marker(&w, 0, 0, GB_PRESS_SHORT) == GB_OK;
    }
    return 0;
}

/* What the reader must make of a vector. */
static void read_vector(const vector *v)
{
    gb_reader r;
    gb_frame_in frames[4];
    int count = 0;
    size_t i;
    gb_command command;
    gb_reader_init(&r);
    for (i = 0; i < v->length; i++) {
        gb_frame_in f;
        if (gb_reader_feed(&r, v->bytes[i], &f) && count < 4) {
            frames[count++] = f;
        }
    }
    if (strcmp(v->name, "corrupt-crc") == 0) {
        check(count == 0 && r.crc_errors == 1, v->name, "reader: expected one CRC error and no frame");
        return;
    }
    check(r.crc_errors == 0 && r.malformed == 0 && r.oversized == 0, v->name, "reader: unexpected error count");
    if (strcmp(v->name, "resync") == 0) {
        check(r.resyncs == 1 && count == 1 && frames[0].type == GB_TYPE_MARKER, v->name,
              "reader: expected one resync, then the marker");
        return;
    }
    check(r.resyncs == 0, v->name, "reader: unexpected resync");
    if (strcmp(v->name, "sequence-gap") == 0 || strcmp(v->name, "clock-wrap") == 0) {
        check(count == 2, v->name, "reader: expected two frames");
        if (count == 2 && v->name[0] == 'c') {
            check(frames[0].time_us == 0xFFFFFF00u && frames[1].time_us == 0x10u, v->name, "reader: wrong times");
        }
        return;
    }
    check(count == 1, v->name, "reader: expected one frame");
    if (count != 1) {
        return;
    }
    if (strcmp(v->name, "ping") == 0) {
        check(gb_command_from_frame(&frames[0], &command) == GB_OK && command.type == GB_TYPE_PING
              && command.sequence == 0, v->name, "reader: not a ping of sequence 0");
    } else if (strcmp(v->name, "get-info") == 0) {
        check(gb_command_from_frame(&frames[0], &command) == GB_OK && command.type == GB_TYPE_GET_INFO
              && command.sequence == 1, v->name, "reader: not a get info of sequence 1");
    } else if (strcmp(v->name, "set-rate") == 0) {
        check(gb_command_from_frame(&frames[0], &command) == GB_OK && command.type == GB_TYPE_SET_RATE
              && command.sequence == 2 && command.imu_rate_hz == 100 && command.pressure_rate_hz == 20,
              v->name, "reader: not set rate 100/20 of sequence 2");
    } else if (strcmp(v->name, "version-2") == 0) {
        check(gb_command_from_frame(&frames[0], &command) == GB_ERROR_STATE, v->name,
              "reader: a 2.0 frame must be skipped");
    } else {
        /* Frames the host sends no device: a device answers them with a nak. */
        check(gb_command_from_frame(&frames[0], &command) == GB_NAK_UNKNOWN_COMMAND, v->name,
              "reader: expected 'unknown command'");
        if (strcmp(v->name, "unknown-type") == 0) {
            check(frames[0].payload_length == 3 && frames[0].payload[0] == 1 && frames[0].payload[2] == 3,
                  v->name, "reader: expected the payload 01 02 03");
        }
    }
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static size_t parse_hex(const char *text, uint8_t *out)
{
    size_t n = 0;
    while (*text) {
        int hi, lo;
        while (*text == ' ') text++;
        if (!*text || *text == '\n') break;
        hi = hex_value(text[0]);
        lo = hex_value(text[1]);
        if (hi < 0 || lo < 0 || n >= MAX_BYTES) {
            fprintf(stderr, "test_vectors: bad hex near '%.8s'\n", text);
            exit(2);
        }
        out[n++] = (uint8_t)(hi * 16 + lo);
        text += 2;
    }
    return n;
}

int main(int argc, char **argv)
{
    static vector vectors[64];
    int count = 0, encoded = 0, in_block = 0, i;
    char line[4096];
    FILE *spec;
    if (argc != 2) {
        fprintf(stderr, "usage: test_vectors firmware-protocol.md\n");
        return 2;
    }
    spec = fopen(argv[1], "r");
    if (spec == NULL) {
        fprintf(stderr, "test_vectors: cannot open %s\n", argv[1]);
        return 2;
    }
    while (fgets(line, sizeof line, spec) != NULL) {
        if (strcmp(line, "```vector\n") == 0 && count < 64) {
            in_block = 1;
            memset(&vectors[count], 0, sizeof vectors[count]);
        } else if (in_block && strcmp(line, "```\n") == 0) {
            in_block = 0;
            count++;
        } else if (in_block && strncmp(line, "name: ", 6) == 0) {
            sscanf(line + 6, "%63s", vectors[count].name);
        } else if (in_block && strncmp(line, "hex: ", 5) == 0) {
            vectors[count].length = parse_hex(line + 5, vectors[count].bytes);
        }
    }
    fclose(spec);
    if (count < 15) {
        printf("FAIL: only %d vectors found in %s\n", count, argv[1]);
        return 1;
    }
    for (i = 0; i < count; i++) {
        sink out;
        const vector *v = &vectors[i];
        if (encode_vector(v->name, &out)) {
            encoded++;
            if (out.length != v->length || memcmp(out.bytes, v->bytes, v->length) != 0) {
                size_t j;
                fail(v->name, "encoder output differs from the spec");
                printf("  spec: ");
                for (j = 0; j < v->length; j++) printf("%02X ", v->bytes[j]);
                printf("\n  ours: ");
                for (j = 0; j < out.length && j < MAX_BYTES; j++) printf("%02X ", out.bytes[j]);
                printf("\n");
            }
        } else if (strcmp(v->name, "corrupt-crc") != 0) {
            fail(v->name, "the encoder cannot produce this vector");
        }
        read_vector(v);
    }
    printf("vectors: %d in the spec, %d produced byte for byte by the C encoder, %d read back by the C reader, %d failures\n",
           count, encoded, count, failures);
    return failures == 0 ? 0 : 1;
}
