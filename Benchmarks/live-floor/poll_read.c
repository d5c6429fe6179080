/* The floor under `glutebridge monitor`'s CPU share on a pty (scripts/bench-live.sh): a process
 * that does only what the monitor's steady loop does with the kernel, a poll and a read per
 * wake-up, and nothing with the bytes. Whatever it costs is the price of being woken, not of
 * decoding or detection.
 *
 *   poll_read DEVICE      (exits 0 on SIGINT or SIGTERM, 1 on an error, 0 at end of input)
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static void leave(int signal_number) {
    (void)signal_number;
    _exit(0);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s DEVICE\n", argv[0]);
        return 2;
    }
    signal(SIGINT, leave);
    signal(SIGTERM, leave);
    int fd = open(argv[1], O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        fprintf(stderr, "poll_read: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    struct termios raw;
    if (tcgetattr(fd, &raw) == 0) {
        cfmakeraw(&raw);
        tcsetattr(fd, TCSANOW, &raw);
    }
    static unsigned char buffer[65536];
    for (;;) {
        struct pollfd wanted = { .fd = fd, .events = POLLIN };
        if (poll(&wanted, 1, 1000) < 0 && errno != EINTR) return 1;
        ssize_t got = read(fd, buffer, sizeof buffer);
        if (got == 0 || (got < 0 && errno == EIO)) return 0;  /* the writer went away */
        if (got < 0 && errno != EAGAIN && errno != EINTR) return 1;
    }
}
