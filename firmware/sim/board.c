/* A simulated GluteBelt: the firmware's ELF on simavr's ATmega328P at 16 MHz, a simulated
 * MPU-6050 on its TWI (mpu6050_part.c) following the motion script (motion.c), and its UART
 * bridged to a pseudo terminal that `glutebridge monitor` opens like a USB serial port.
 *
 * Usage: board FIRMWARE.elf [--capture FILE] [--send-at SECONDS HEX]...
 * Prints a line "pty: /dev/pts/N", waits (up to 60 s) until a reader opens that
 * terminal, then runs the script's simulated seconds as fast as the reader keeps up (the pty's
 * buffer throttles it), and ends with a summary line. The CPU's sleep is skipped rather than
 * waited for in real time, so a minute of the script takes a few seconds.
 * --capture writes every byte the board sent to FILE, for `glutebridge decode`; --send-at types
 * the hex bytes into the board's UART at that simulated time, as a host sending commands would. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "avr_uart.h"
#include "sim_avr.h"
#include "sim_elf.h"

#include "motion.h"
#include "mpu6050_part.h"

#define F_CPU 16000000u

static int master = -1;
static FILE *capture;
static uint8_t out_buffer[4096];
static size_t out_length;
static unsigned long uart_bytes;

/* Bytes on their way to the board's UART: from the terminal, or scheduled with --send-at. */
static uint8_t in_queue[1024];
static size_t in_head, in_tail;

static void queue_input(const uint8_t *bytes, size_t length)
{
    size_t i;
    for (i = 0; i < length && in_tail < sizeof in_queue; i++) {
        in_queue[in_tail++] = bytes[i];
    }
}

typedef struct scheduled_send {
    avr_cycle_count_t at;
    uint8_t bytes[128];
    size_t length;
    int done;
} scheduled_send;

static scheduled_send sends[8];
static int send_count;

static int parse_send(const char *seconds, const char *hex)
{
    scheduled_send *s;
    if (send_count == 8) return 0;
    s = &sends[send_count];
    s->at = (avr_cycle_count_t)(atof(seconds) * 16000000.0);
    while (*hex) {
        unsigned value;
        int used;
        if (*hex == ' ') { hex++; continue; }
        if (sscanf(hex, "%2x%n", &value, &used) != 1 || used != 2 || s->length == sizeof s->bytes) return 0;
        s->bytes[s->length++] = (uint8_t)value;
        hex += 2;
    }
    send_count++;
    return 1;
}

static void fail(const char *what)
{
    fprintf(stderr, "board: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* Writes all of the pending UART output to the terminal, waiting (bounded) for the reader. */
static void flush_output(void)
{
    size_t done = 0;
    while (done < out_length) {
        ssize_t n = write(master, out_buffer + done, out_length - done);
        if (n > 0) {
            done += (size_t)n;
        } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            struct pollfd pfd = {master, POLLOUT, 0};
            if (poll(&pfd, 1, 20000) == 0) {
                fprintf(stderr, "board: the reader took nothing for 20 s; giving up\n");
                exit(1);
            }
            if (pfd.revents & POLLHUP) {
                fprintf(stderr, "board: the reader closed the terminal\n");
                exit(1);
            }
        } else {
            fail("write to the pty");
        }
    }
    out_length = 0;
}

static void on_uart_byte(struct avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    (void)param;
    if (capture) {
        fputc((int)(value & 0xFFu), capture);
    }
    out_buffer[out_length++] = (uint8_t)value;
    uart_bytes++;
    if (out_length == sizeof out_buffer) {
        flush_output();
    }
}

static void no_sleep(avr_t *avr, avr_cycle_count_t how_long)
{
    /* simavr would usleep() to keep the simulated CPU in real time; we want it fast. */
    (void)avr;
    (void)how_long;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Until a reader opens the slave side, the master polls as hung up. */
static void wait_for_reader(void)
{
    double deadline = now_seconds() + 60;
    for (;;) {
        struct pollfd pfd = {master, POLLIN, 0};
        poll(&pfd, 1, 0);
        if (!(pfd.revents & POLLHUP)) {
            return;
        }
        if (now_seconds() > deadline) {
            fprintf(stderr, "board: nobody opened the terminal within 60 s\n");
            exit(1);
        }
        usleep(10000);
    }
}

int main(int argc, char **argv)
{
    elf_firmware_t firmware;
    avr_t *avr;
    mpu6050_part sensor;
    struct termios raw;
    int slave, i;
    const char *elf = NULL;
    uint32_t flags = 0;
    avr_irq_t *uart_in;
    avr_cycle_count_t end, next_poll = 0, next_in = 0;
    unsigned long in_bytes = 0;
    double started;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--capture") == 0 && i + 1 < argc) {
            capture = fopen(argv[++i], "wb");
            if (!capture) fail(argv[i]);
        } else if (strcmp(argv[i], "--send-at") == 0 && i + 2 < argc) {
            if (!parse_send(argv[i + 1], argv[i + 2])) {
                fprintf(stderr, "board: --send-at %s '%s': give seconds and hex bytes (at most 8 sends of 128 bytes)\n", argv[i + 1], argv[i + 2]);
                return 2;
            }
            i += 2;
        } else if (argv[i][0] != '-' && !elf) {
            elf = argv[i];
        } else {
            fprintf(stderr, "usage: board FIRMWARE.elf [--capture FILE] [--send-at SECONDS HEX]...\n");
            return 2;
        }
    }
    if (!elf) {
        fprintf(stderr, "usage: board FIRMWARE.elf [--capture FILE] [--send-at SECONDS HEX]...\n");
        return 2;
    }

    memset(&firmware, 0, sizeof firmware);
    if (elf_read_firmware(elf, &firmware) != 0) {
        fprintf(stderr, "board: cannot read %s\n", elf);
        return 1;
    }
    strcpy(firmware.mmcu, "atmega328p");
    firmware.frequency = F_CPU;
    avr = avr_make_mcu_by_name(firmware.mmcu);
    if (!avr) {
        fprintf(stderr, "board: simavr has no atmega328p\n");
        return 1;
    }
    avr_init(avr);
    avr_load_firmware(avr, &firmware);
    avr->sleep = no_sleep;
    avr->log = LOG_ERROR;

    /* The UART's bytes go to the terminal, not to simavr's console log. */
    avr_ioctl(avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
    flags &= ~(uint32_t)(AVR_UART_FLAG_STDIO | AVR_UART_FLAG_POLL_SLEEP);
    avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT), on_uart_byte, NULL);
    uart_in = avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT);
    mpu6050_part_attach(&sensor, avr);

    /* Raw from the start: a terminal in cooked mode would turn 0x0D into 0x0A and echo bytes
     * back before the reader sets its own mode. */
    {
        char name[128];
        if (openpty(&master, &slave, name, NULL, NULL) != 0) fail("openpty");
        /* The speed stays the terminal's own: the reader sets the one it wants. */
        if (tcgetattr(slave, &raw) != 0) fail("tcgetattr");
        cfmakeraw(&raw);
        if (tcsetattr(slave, TCSANOW, &raw) != 0) fail("tcsetattr");
        printf("pty: %s\n", name);
        fflush(stdout);
    }
    close(slave);
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    wait_for_reader();

    started = now_seconds();
    end = (avr_cycle_count_t)(motion_duration() * F_CPU);
    while (avr->cycle < end) {
        int state = avr_run(avr);
        if (state == cpu_Done || state == cpu_Crashed) {
            fprintf(stderr, "board: the simulated CPU stopped (state %d) at %.3f s\n", state, (double)avr->cycle / F_CPU);
            return 1;
        }
        if (avr->cycle >= next_poll) {
            /* Every simulated millisecond: hand output to the reader, take its commands. */
            next_poll = avr->cycle + F_CPU / 1000;
            if (out_length > 0) flush_output();
            if (in_head == in_tail) {
                uint8_t chunk[64];
                ssize_t n = read(master, chunk, sizeof chunk);
                in_head = in_tail = 0;
                if (n > 0) queue_input(chunk, (size_t)n);
            }
            for (i = 0; i < send_count; i++) {
                if (!sends[i].done && avr->cycle >= sends[i].at) {
                    queue_input(sends[i].bytes, sends[i].length);
                    sends[i].done = 1;
                }
            }
        }
        if (in_head < in_tail && avr->cycle >= next_in) {
            /* One byte per 10 bit times at 115200 baud, as a real line would deliver them. */
            avr_raise_irq(uart_in, in_queue[in_head++]);
            in_bytes++;
            next_in = avr->cycle + F_CPU / 11520;
        }
    }
    flush_output();
    if (capture) fclose(capture);
    fprintf(stderr, "board: %.1f simulated s in %.1f s; %lu sensor reads, largest scripted tilt %.1f deg; %lu UART bytes out, %lu in\n",
            (double)avr->cycle / F_CPU, now_seconds() - started, sensor.reads, sensor.max_tilt_deg, uart_bytes, in_bytes);
    fprintf(stderr, "board: motion: %s\n", motion_description());
    /* Give the reader a moment to take the last bytes before the terminal hangs up. */
    sleep(1);
    close(master);
    return 0;
}
