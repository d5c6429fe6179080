/* The cross-language test's device: encodes a seeded random sequence of every message type with
 * the C library into a byte stream, and writes beside it what `glutebridge decode` must print
 * for that stream, line for line, summary included. The expected lines are built from the values
 * given to the encoder, with the number formatting firmware-protocol.md's vectors use (fixed
 * decimals, half away from zero, computed in double as the host does), so any disagreement in
 * layout, scaling, time, sequence, text or framing shows up as a differing line.
 * Usage: random_stream SEED FRAMES STREAM.bin EXPECTED.jsonl */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glutebridge.h"

/* splitmix64: small, seedable, the same on every platform. */
static uint64_t rng_state;

static uint64_t next_random(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [low, high]. */
static long pick(long low, long high)
{
    return low + (long)(next_random() % (uint64_t)(high - low + 1));
}

static FILE *stream_file;
static FILE *expect_file;

static void write_stream(void *context, const uint8_t *bytes, size_t length)
{
    (void)context;
    fwrite(bytes, 1, length, stream_file);
}

/* TextFormatting.fixed of the host: |v| * 10^d rounded half away from zero, then digits. */
static void put_fixed(double value, int decimals)
{
    double scale = 1.0;
    double scaled;
    unsigned long long units, divisor, whole;
    int i;
    for (i = 0; i < decimals; i++) {
        scale *= 10;
    }
    scaled = round(fabs(value) * scale);
    units = (unsigned long long)scaled;
    divisor = (unsigned long long)scale;
    whole = units / divisor;
    fprintf(expect_file, "%s%llu", (value < 0 && units != 0) ? "-" : "", whole);
    if (decimals > 0) {
        fprintf(expect_file, ".%0*llu", decimals, units % divisor);
    }
}

/* A JSON string as the host escapes device text (TextFormatting.jsonString). */
static void put_json_text(const uint8_t *text, size_t length)
{
    size_t i = 0;
    fputc('"', expect_file);
    while (i < length) {
        uint32_t scalar;
        size_t width;
        uint8_t b = text[i];
        if (b < 0x80) { scalar = b; width = 1; }
        else if (b < 0xE0) { scalar = ((uint32_t)(b & 0x1F) << 6) | (text[i + 1] & 0x3Fu); width = 2; }
        else if (b < 0xF0) { scalar = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3Fu); width = 3; }
        else { scalar = ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(text[i + 1] & 0x3F) << 12) | ((uint32_t)(text[i + 2] & 0x3F) << 6) | (text[i + 3] & 0x3Fu); width = 4; }
        if (scalar == '"') fputs("\\\"", expect_file);
        else if (scalar == '\\') fputs("\\\\", expect_file);
        else if (scalar == '\n') fputs("\\n", expect_file);
        else if (scalar == '\r') fputs("\\r", expect_file);
        else if (scalar == '\t') fputs("\\t", expect_file);
        else if (scalar < 0x20 || scalar == 0x7F || (scalar >= 0x80 && scalar <= 0x9F)) fprintf(expect_file, "\\u%04x", (unsigned)scalar);
        else fwrite(text + i, 1, width, expect_file);
        i += width;
    }
    fputc('"', expect_file);
}

/* A random UTF-8 text of up to `max_chars` characters, NUL-terminated: ASCII controls and
 * printables, C1 control U+0085 (escaped by the host), and 2-, 3- and 4-byte characters. */
static size_t random_text(char *out, int max_chars)
{
    static const char *wide[] = {"\xC2\x85", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC2\xB0"};
    int chars = (int)pick(0, max_chars), i;
    size_t n = 0;
    for (i = 0; i < chars; i++) {
        if (pick(0, 4) == 0) {
            const char *w = wide[pick(0, 4)];
            size_t k = strlen(w);
            memcpy(out + n, w, k);
            n += k;
        } else {
            out[n++] = (char)pick(1, 0x7F);
        }
    }
    out[n] = '\0';
    return n;
}

/* How many bytes of `text` the protocol keeps: whole characters up to `max_bytes`, as the Swift
 * encoder cuts (written independently of the C library's cut). */
static size_t kept_bytes(const char *text, size_t length, size_t max_bytes)
{
    size_t kept = 0;
    while (kept < length) {
        uint8_t b = (uint8_t)text[kept];
        size_t width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        if (kept + width > max_bytes) break;
        kept += width;
    }
    return kept;
}

static long long micros;     /* device time, unwrapped, as the host will see it */
static long frames_sent, samples, imu_samples, pressure_samples, messages, unknown_types;

static void put_time(long long us)
{
    fputs("\"t\":", expect_file);
    put_fixed((double)us / 1000000, 6);
}

static void fail_send(const char *what, int result)
{
    fprintf(stderr, "random_stream: %s failed (%d)\n", what, result);
    exit(1);
}

static void send_imu(gb_writer *w, uint32_t t)
{
    uint8_t layout = (uint8_t)pick(0, 3);
    uint8_t capacity = gb_imu_capacity(layout);
    uint8_t count = (uint8_t)pick(1, capacity), i, k;
    uint16_t interval = (uint16_t)pick(0, 65535);
    uint8_t accel_range = (uint8_t)pick(1, 255);
    uint16_t gyro_range = (uint16_t)pick(1, 65535);
    double a = (double)accel_range / 32768, g = (double)gyro_range / 32768;
    int r = gb_imu_begin(w, t, interval, accel_range, gyro_range, layout);
    if (r != GB_OK) fail_send("gb_imu_begin", r);
    for (i = 0; i < count; i++) {
        int16_t acc[3], gyro[3], mag[3], quat[4];
        for (k = 0; k < 3; k++) { acc[k] = (int16_t)pick(-32768, 32767); gyro[k] = (int16_t)pick(-32768, 32767); mag[k] = (int16_t)pick(-32768, 32767); }
        for (k = 0; k < 4; k++) quat[k] = (int16_t)pick(-32768, 32767);
        r = gb_imu_add(w, acc, gyro, (layout & GB_IMU_WITH_MAG) ? mag : NULL, (layout & GB_IMU_WITH_QUATERNION) ? quat : NULL);
        if (r != GB_OK) fail_send("gb_imu_add", r);
        fputs("{\"kind\":\"imu\",", expect_file);
        put_time(micros + (long long)i * interval);
        fputs(",\"acc_g\":[", expect_file);
        for (k = 0; k < 3; k++) { if (k) fputc(',', expect_file); put_fixed((double)acc[k] * a, 6); }
        fputs("],\"gyro_dps\":[", expect_file);
        for (k = 0; k < 3; k++) { if (k) fputc(',', expect_file); put_fixed((double)gyro[k] * g, 4); }
        fputc(']', expect_file);
        if (layout & GB_IMU_WITH_MAG) {
            fputs(",\"mag_ut\":[", expect_file);
            for (k = 0; k < 3; k++) { if (k) fputc(',', expect_file); put_fixed((double)mag[k] * 0.1, 1); }
            fputc(']', expect_file);
        }
        if (layout & GB_IMU_WITH_QUATERNION) {
            fputs(",\"quat\":[", expect_file);
            for (k = 0; k < 4; k++) { if (k) fputc(',', expect_file); put_fixed((double)quat[k] * (1.0 / 16384), 5); }
            fputc(']', expect_file);
        }
        fputs("}\n", expect_file);
    }
    if (count == capacity) {
        /* The capacity of section 3.2 (19, 12, 11, 8 samples) is enforced. */
        static const int16_t zero[4] = {0, 0, 0, 0};
        r = gb_imu_add(w, zero, zero, zero, zero);
        if (r != GB_ERROR_FULL) fail_send("a full IMU batch took one more sample", r);
    }
    r = gb_end(w);
    if (r != GB_OK) fail_send("gb_end (imu)", r);
    samples += count;
    imu_samples += count;
}

static void send_pressure(gb_writer *w, uint32_t t)
{
    uint8_t cells = (uint8_t)pick(1, 40);
    uint8_t capacity = gb_pressure_capacity(cells);
    uint8_t count = (uint8_t)pick(1, capacity > 6 ? 6 : capacity), i, k;
    uint16_t interval = (uint16_t)pick(0, 65535);
    int r = gb_pressure_begin(w, t, interval, cells);
    if (r != GB_OK) fail_send("gb_pressure_begin", r);
    for (i = 0; i < count; i++) {
        uint16_t loads[40];
        for (k = 0; k < cells; k++) loads[k] = (uint16_t)pick(0, 65535);
        r = gb_pressure_add(w, loads);
        if (r != GB_OK) fail_send("gb_pressure_add", r);
        fputs("{\"kind\":\"pressure\",", expect_file);
        put_time(micros + (long long)i * interval);
        fputs(",\"cells_pa\":[", expect_file);
        for (k = 0; k < cells; k++) { if (k) fputc(',', expect_file); put_fixed((double)loads[k], 0); }
        fputs("]}\n", expect_file);
    }
    r = gb_end(w);
    if (r != GB_OK) fail_send("gb_end (pressure)", r);
    samples += count;
    pressure_samples += count;
}

static void send_info(gb_writer *w, uint32_t t)
{
    static const char *sensor_names[5] = {"accel", "gyro", "mag", "quaternion", "pressure"};
    gb_cell cells[GB_MAX_CELLS];
    char serial[200], name[200];
    size_t serial_length, name_length;
    gb_device_info info;
    int i, first = 1, r;
    info.firmware_major = (uint8_t)pick(0, 255);
    info.firmware_minor = (uint8_t)pick(0, 255);
    info.firmware_patch = (uint16_t)pick(0, 65535);
    info.sensors = (uint8_t)pick(0, 31);
    info.accel_range_g = (uint8_t)pick(0, 255);
    info.gyro_range_dps = (uint16_t)pick(0, 65535);
    info.mag_range_ut = (uint16_t)pick(0, 65535);
    info.imu_rate_hz = (uint16_t)pick(0, 65535);
    info.pressure_rate_hz = (uint16_t)pick(0, 65535);
    for (i = 0; i < 3; i++) info.mount[i] = (int8_t)(pick(1, 3) * (pick(0, 1) ? 1 : -1));
    info.cell_count = (uint8_t)pick(0, GB_MAX_CELLS);
    for (i = 0; i < info.cell_count; i++) { cells[i].x_mm = (int16_t)pick(-32768, 32767); cells[i].y_mm = (int16_t)pick(-32768, 32767); }
    info.cells = cells;
    serial_length = random_text(serial, 40);
    name_length = random_text(name, 40);
    info.serial = serial;
    info.name = name;
    r = gb_send_device_info(w, t, &info);
    if (r != GB_OK) fail_send("gb_send_device_info", r);
    fputc('{', expect_file);
    put_time(micros);
    fprintf(expect_file, ",\"kind\":\"info\",\"firmware\":\"%u.%u.%u\",\"serial\":", info.firmware_major, info.firmware_minor, info.firmware_patch);
    put_json_text((const uint8_t *)serial, kept_bytes(serial, serial_length, 32));
    fputs(",\"name\":", expect_file);
    put_json_text((const uint8_t *)name, kept_bytes(name, name_length, 32));
    fputs(",\"sensors\":[", expect_file);
    for (i = 0; i < 5; i++) {
        if (info.sensors & (1u << i)) { fprintf(expect_file, "%s\"%s\"", first ? "" : ",", sensor_names[i]); first = 0; }
    }
    fprintf(expect_file, "],\"accel_range_g\":%u,\"gyro_range_dps\":%u,\"mag_range_ut\":%u,\"imu_rate_hz\":%u,\"pressure_rate_hz\":%u,\"mount\":[%d,%d,%d],\"cells_mm\":[",
            info.accel_range_g, info.gyro_range_dps, info.mag_range_ut, info.imu_rate_hz, info.pressure_rate_hz,
            info.mount[0], info.mount[1], info.mount[2]);
    for (i = 0; i < info.cell_count; i++) fprintf(expect_file, "%s[%d,%d]", i ? "," : "", cells[i].x_mm, cells[i].y_mm);
    fputs("]}\n", expect_file);
    messages++;
}

static void send_message(gb_writer *w, uint32_t t, int kind)
{
    int r = GB_OK;
    fputc('{', expect_file);
    put_time(micros);
    switch (kind) {
    case 0: {
        uint8_t pct = pick(0, 3) == 0 ? GB_BATTERY_UNKNOWN : (uint8_t)pick(0, 100);
        uint16_t mv = (uint16_t)pick(0, 65535), flags = (uint16_t)pick(0, 65535);
        int16_t temp = (int16_t)pick(-32768, 32767);
        r = gb_send_status(w, t, pct, mv, flags, temp);
        fputs(",\"kind\":\"status\",\"battery_pct\":", expect_file);
        if (pct == GB_BATTERY_UNKNOWN) fputs("null", expect_file); else fprintf(expect_file, "%u", pct);
        fprintf(expect_file, ",\"battery_mv\":%u,\"flags\":%u,\"temperature_c\":", mv, flags);
        put_fixed((double)temp / 100, 2);
        fputs("}\n", expect_file);
        break;
    }
    case 1: {
        uint8_t button = (uint8_t)pick(0, 255), press = (uint8_t)pick(1, 2);
        r = gb_send_marker(w, t, button, press);
        fprintf(expect_file, ",\"kind\":\"marker\",\"button\":%u,\"press\":\"%s\"}\n", button, press == GB_PRESS_LONG ? "long" : "short");
        break;
    }
    case 2: {
        char text[400];
        size_t length = random_text(text, 80);
        uint8_t code = (uint8_t)pick(0, 255);
        r = gb_send_error(w, t, code, text);
        fprintf(expect_file, ",\"kind\":\"error\",\"code\":%u,\"text\":", code);
        put_json_text((const uint8_t *)text, kept_bytes(text, length, 64));
        fputs("}\n", expect_file);
        break;
    }
    case 3: {
        uint8_t command = (uint8_t)pick(0, 255);
        uint16_t sequence = (uint16_t)pick(0, 65535);
        r = gb_send_ack(w, t, command, sequence);
        fprintf(expect_file, ",\"kind\":\"ack\",\"command\":%u,\"seq\":%u}\n", command, sequence);
        break;
    }
    case 4: {
        uint8_t command = (uint8_t)pick(0, 255), reason = (uint8_t)pick(0, 255);
        uint16_t sequence = (uint16_t)pick(0, 65535);
        r = gb_send_nak(w, t, command, sequence, reason);
        fprintf(expect_file, ",\"kind\":\"nak\",\"command\":%u,\"seq\":%u,\"reason\":%u}\n", command, sequence, reason);
        break;
    }
    default: {
        /* Host commands, made with the frame writer: the host decodes them too (a capture of a
         * link's other direction). */
        static const uint8_t types[6] = {GB_TYPE_PING, GB_TYPE_GET_INFO, GB_TYPE_START_STREAMING, GB_TYPE_STOP_STREAMING, GB_TYPE_SET_RATE, GB_TYPE_TARE};
        static const char *names[6] = {"ping", "get_info", "start", "stop", "set_rate", "tare"};
        int which = (int)pick(0, 5);
        gb_begin(w, types[which], t);
        fprintf(expect_file, ",\"kind\":\"command\",\"command\":\"%s\"", names[which]);
        if (types[which] == GB_TYPE_SET_RATE) {
            uint16_t imu = (uint16_t)pick(0, 65535), pressure = (uint16_t)pick(0, 65535);
            gb_put_u16(w, imu);
            gb_put_u16(w, pressure);
            fprintf(expect_file, ",\"imu_hz\":%u,\"pressure_hz\":%u", imu, pressure);
        }
        fputs("}\n", expect_file);
        r = gb_end(w);
        break;
    }
    }
    if (r != GB_OK) fail_send("a message", r);
    messages++;
}

/* A type no 1.0 receiver knows (a later minor's, or a vendor's 0x80-0xFF): skipped and counted. */
static void send_unknown(gb_writer *w, uint32_t t)
{
    static const uint8_t known[] = {0x01, 0x10, 0x11, 0x12, 0x20, 0x21, 0x22, 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x60, 0x61};
    uint8_t type;
    size_t i;
    int is_known, length = (int)pick(0, 40), k, r;
    do {
        type = (uint8_t)pick(0, 255);
        is_known = 0;
        for (i = 0; i < sizeof known; i++) if (known[i] == type) is_known = 1;
    } while (is_known);
    gb_begin(w, type, t);
    for (k = 0; k < length; k++) gb_put_u8(w, (uint8_t)pick(0, 255));
    r = gb_end(w);
    if (r != GB_OK) fail_send("an unknown type", r);
    fprintf(expect_file, "{\"kind\":\"anomaly\",\"anomaly\":\"unknownType\",\"count\":1,\"detail\":\"type 0x%02X skipped\"}\n", type);
    unknown_types++;
}

int main(int argc, char **argv)
{
    gb_writer writer;
    long frames, i;
    uint32_t raw_time;
    if (argc != 5) {
        fprintf(stderr, "usage: random_stream SEED FRAMES STREAM.bin EXPECTED.jsonl\n");
        return 2;
    }
    rng_state = strtoull(argv[1], NULL, 10);
    frames = strtol(argv[2], NULL, 10);
    stream_file = fopen(argv[3], "wb");
    expect_file = fopen(argv[4], "w");
    if (stream_file == NULL || expect_file == NULL || frames <= 0) {
        fprintf(stderr, "random_stream: cannot open the outputs, or no frames asked for\n");
        return 2;
    }
    gb_writer_init(&writer, write_stream, NULL);
    /* Start near the ends of both counters so that the sequence and the clock wrap. */
    writer.sequence = (uint16_t)pick(60000, 65535);
    raw_time = (uint32_t)pick(4000000000L, 4294967295L);
    micros = raw_time;
    for (i = 0; i < frames; i++) {
        long roll = pick(0, 99);
        if (roll < 40) send_imu(&writer, raw_time);
        else if (roll < 55) send_pressure(&writer, raw_time);
        else if (roll < 60) send_info(&writer, raw_time);
        else if (roll < 98) send_message(&writer, raw_time, (int)((roll - 60) % 6));
        else send_unknown(&writer, raw_time);
        frames_sent++;
        {
            /* Forward by less than half a wrap, as the host's unwrapping assumes (section 2). */
            uint32_t step = (uint32_t)pick(0, 2000000);
            raw_time += step;
            micros += step;
        }
    }
    fprintf(expect_file, "{\"kind\":\"summary\",\"frames\":%ld,\"samples\":%ld,\"messages\":%ld,\"crc_errors\":0,\"malformed\":0,"
            "\"oversized\":0,\"resyncs\":0,\"skipped_bytes\":0,\"gaps\":0,\"lost_frames\":0,\"unknown_types\":%ld,"
            "\"unsupported_versions\":0,\"bad_lines\":0,\"imu_samples\":%ld,\"pressure_samples\":%ld}\n",
            frames_sent, samples, messages, unknown_types, imu_samples, pressure_samples);
    fclose(stream_file);
    fclose(expect_file);
    printf("random_stream: seed %s, %ld frames (%ld IMU and %ld pressure samples, %ld messages, %ld of unknown types)\n",
           argv[1], frames_sent, imu_samples, pressure_samples, messages, unknown_types);
    return 0;
}
