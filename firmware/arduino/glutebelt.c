/* GluteBelt: firmware for an ATmega328P board (Arduino Uno or Nano, 16 MHz) with an MPU-6050
 * breakout, speaking the GluteBridge native protocol over the board's USB serial at 115200 baud.
 *
 * Every 10 ms (Timer1) it reads the sensor, batches 5 samples per IMU frame (20 frames a second),
 * sends a status once a second, and device info at start and whenever asked. Samples are timed
 * by the tick that read them; a tick the loop could not serve (the queue to the UART was full)
 * is a dropped sample: the batch ends early, so that the samples of every batch stay evenly
 * spaced, and an error frame (code 2) says how many were lost in the past second.
 * Host commands (ping, get info, start, stop, set rate, tare) are answered with an ack or a nak.
 *
 * Wiring: MPU-6050 VCC to 5V (the common GY-521 breakout has its own regulator), GND to GND,
 * SDA to A4, SCL to A5, AD0 open or to GND (address 0x68). Wear it at the belt with the
 * breakout's X axis pointing forward and Z up (mount 1 2 3), or say so with --mount. */
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>

#include "glutebridge.h"
#include "mpu6050.h"
#include "twi.h"
#include "uart.h"

#define TICK_US 10000u
#define BATCH_SAMPLES 5u
#define TICKS_PER_STATUS 100u

#ifndef GLUTEBELT_SERIAL
#define GLUTEBELT_SERIAL "GB-328P-0001"
#endif

/* Error codes this firmware sends in error frames (section 3.6). */
enum { ERROR_SENSOR = 1, ERROR_DROPPED_SAMPLES = 2, ERROR_RECEIVE_OVERRUN = 3 };

static volatile uint32_t ticks;

ISR(TIMER1_COMPA_vect)
{
    ticks++;
}

static void timer_init(void)
{
    /* CTC on OCR1A, clock / 64: 250 kHz, so 2500 counts are 10 ms. */
    TCCR1A = 0;
    TCCR1B = _BV(WGM12) | _BV(CS11) | _BV(CS10);
    OCR1A = 2499;
    TIMSK1 = _BV(OCIE1A);
}

static uint32_t ticks_now(void)
{
    uint32_t t;
    cli();
    t = ticks;
    sei();
    return t;
}

/* Sleeps until the tick count moves past `seen`, and returns it. */
static uint32_t wait_tick(uint32_t seen)
{
    for (;;) {
        cli();
        if (ticks != seen) {
            uint32_t t = ticks;
            sei();
            return t;
        }
        sleep_enable();
        sei();
        sleep_cpu();
        sleep_disable();
    }
}

static gb_writer writer;
static gb_reader reader;
static uint8_t streaming = 1;
static uint8_t sensor_ok;
static uint16_t status_flags_seen;
static uint16_t dropped_this_second;
static uint32_t dropped_total;
static uint16_t overruns_reported;

static uint32_t micros_of(uint32_t tick)
{
    return tick * TICK_US; /* wraps at 2^32 us like the protocol's clock (section 2) */
}

static void send_info(uint32_t tick)
{
    gb_device_info info;
    info.firmware_major = 1;
    info.firmware_minor = 0;
    info.firmware_patch = 0;
    info.sensors = GB_SENSOR_ACCEL | GB_SENSOR_GYRO;
    info.accel_range_g = MPU6050_ACCEL_RANGE_G;
    info.gyro_range_dps = MPU6050_GYRO_RANGE_DPS;
    info.mag_range_ut = 0;
    info.imu_rate_hz = MPU6050_RATE_HZ;
    info.pressure_rate_hz = 0;
    info.mount[0] = 1;
    info.mount[1] = 2;
    info.mount[2] = 3;
    info.cell_count = 0;
    info.cells = 0;
    info.serial = GLUTEBELT_SERIAL;
    info.name = "GluteBelt Uno";
    gb_send_device_info(&writer, micros_of(tick), &info);
}

/* Appends the decimal digits of `value` at `out`; returns the end. */
static char *put_decimal(char *out, uint32_t value)
{
    char digits[10];
    uint8_t n = 0;
    do {
        digits[n++] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0);
    while (n > 0) {
        *out++ = digits[--n];
    }
    return out;
}

static char *put_text(char *out, const char *text)
{
    while (*text) {
        *out++ = *text++;
    }
    return out;
}

static void start_sensor(uint32_t tick)
{
    uint8_t who = 0;
    uint8_t status = mpu6050_init(&who);
    char text[48];
    char *end;
    sensor_ok = status == 0;
    if (sensor_ok) {
        return;
    }
    end = put_text(text, status == 0xEEu ? "no MPU-6050 at 0x68: WHO_AM_I " : "MPU-6050 not answering: TWI status ");
    end = put_decimal(end, status == 0xEEu ? who : status);
    *end = '\0';
    gb_send_error(&writer, micros_of(tick), ERROR_SENSOR, text);
}

static void send_status(uint32_t tick, int16_t temperature_raw)
{
    uint16_t flags = status_flags_seen | (streaming ? GB_STATUS_STREAMING : 0u);
    /* No battery gauge on a USB-powered Uno: percent unknown, 0 mV. */
    gb_send_status(&writer, micros_of(tick), GB_BATTERY_UNKNOWN, 0, flags,
                   sensor_ok ? mpu6050_centi_celsius(temperature_raw) : 0);
    status_flags_seen = 0;
    if (dropped_this_second > 0) {
        char text[48];
        char *end = put_text(text, "samples dropped: ");
        end = put_decimal(end, dropped_this_second);
        end = put_text(end, " in the past second, ");
        end = put_decimal(end, dropped_total);
        end = put_text(end, " since start");
        *end = '\0';
        gb_send_error(&writer, micros_of(tick), ERROR_DROPPED_SAMPLES, text);
        dropped_this_second = 0;
    }
    if (uart_rx_overruns() != overruns_reported) {
        char text[48];
        char *end = put_text(text, "receive queue full: lost ");
        uint16_t now = uart_rx_overruns();
        end = put_decimal(end, (uint16_t)(now - overruns_reported));
        end = put_text(end, " bytes from the host");
        *end = '\0';
        gb_send_error(&writer, micros_of(tick), ERROR_RECEIVE_OVERRUN, text);
        overruns_reported = now;
    }
}

static void answer(const gb_frame_in *frame, uint32_t tick)
{
    gb_command command;
    int result = gb_command_from_frame(frame, &command);
    uint32_t t = micros_of(tick);
    if (result == GB_ERROR_STATE) {
        return; /* another major version: skipped without an answer */
    }
    if (result != GB_OK) {
        gb_send_nak(&writer, t, frame->type, frame->sequence, (uint8_t)result);
        return;
    }
    switch (command.type) {
    case GB_TYPE_GET_INFO:
        send_info(tick);
        break;
    case GB_TYPE_START_STREAMING:
        if (!streaming) {
            send_info(tick);
        }
        streaming = 1;
        break;
    case GB_TYPE_STOP_STREAMING:
        streaming = 0;
        break;
    case GB_TYPE_SET_RATE:
        /* The IMU runs at 100 Hz only; there is no cushion. 0 means unchanged. */
        if ((command.imu_rate_hz != 0 && command.imu_rate_hz != MPU6050_RATE_HZ) || command.pressure_rate_hz != 0) {
            gb_send_nak(&writer, t, command.type, command.sequence, GB_NAK_UNSUPPORTED);
            return;
        }
        break;
    case GB_TYPE_TARE:
        gb_send_nak(&writer, t, command.type, command.sequence, GB_NAK_UNSUPPORTED);
        return;
    default:
        break; /* ping */
    }
    gb_send_ack(&writer, t, command.type, command.sequence);
}

/* Reads what the host sent since the last tick. The writer holds one frame at a time, so a
 * command that arrives mid-batch sends the batch early (batches may be shorter than 5). */
static void serve_commands(uint32_t tick)
{
    int byte;
    gb_frame_in frame;
    while ((byte = uart_read()) >= 0) {
        if (gb_reader_feed(&reader, (uint8_t)byte, &frame)) {
            if (gb_batch_count(&writer) > 0) {
                gb_end(&writer);
            }
            answer(&frame, tick);
        }
    }
}

static uint8_t over_range(const int16_t v[3])
{
    uint8_t i;
    for (i = 0; i < 3; i++) {
        if (v[i] == 32767 || v[i] == -32768) {
            return 1;
        }
    }
    return 0;
}

int main(void)
{
    uint32_t served, last_status;
    int16_t temperature_raw = 0;
    uart_init();
    twi_init();
    timer_init();
    set_sleep_mode(SLEEP_MODE_IDLE);
    sei();
    gb_writer_init(&writer, uart_write, 0);
    gb_reader_init(&reader);

    served = ticks_now();
    last_status = served;
    send_info(served);
    start_sensor(served);

    for (;;) {
        mpu6050_sample sample;
        uint32_t tick = wait_tick(served);
        uint32_t missed = tick - served - 1u;
        served = tick;
        serve_commands(tick);
        if (missed > 0 && streaming && sensor_ok) {
            dropped_this_second += (uint16_t)(missed > 1000u ? 1000u : missed);
            dropped_total += missed;
            if (gb_batch_count(&writer) > 0) {
                gb_end(&writer); /* the next sample is not one interval after the last */
            }
        }
        if (tick - last_status >= TICKS_PER_STATUS && gb_batch_count(&writer) == 0) {
            last_status = tick;
            if (!sensor_ok) {
                start_sensor(tick); /* try again once a second: a loose wire may be fixed */
            }
            send_status(tick, temperature_raw);
        }
        if (!streaming || !sensor_ok) {
            continue;
        }
        if (mpu6050_read(&sample) != 0) {
            if (gb_batch_count(&writer) > 0) {
                gb_end(&writer);
            }
            sensor_ok = 0;
            continue;
        }
        temperature_raw = sample.temperature_raw;
        if (over_range(sample.accel)) status_flags_seen |= GB_STATUS_ACCEL_OVER_RANGE;
        if (over_range(sample.gyro)) status_flags_seen |= GB_STATUS_GYRO_OVER_RANGE;
        if (gb_batch_count(&writer) == 0) {
            gb_imu_begin(&writer, micros_of(tick), TICK_US, MPU6050_ACCEL_RANGE_G, MPU6050_GYRO_RANGE_DPS, 0);
        }
        gb_imu_add(&writer, sample.accel, sample.gyro, 0, 0);
        if (gb_batch_count(&writer) >= BATCH_SAMPLES) {
            gb_end(&writer);
        }
    }
}
