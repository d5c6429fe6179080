/* Test driver for the udev hotplug monitor (compiled by Tests/CLITests/DevicesCLITests.swift).
 *
 * umockdev-run cannot emit uevents: only a process that owns a UMockdevTestbed can, and it must
 * itself run under the preload (umockdev-wrapper), because the testbed resolves the device
 * through libudev. So this program loads FIXTURE into a testbed, starts COMMAND inside it,
 * waits for COMMAND's first stdout line (its "listening" line), sends "add" then "remove" for
 * SYSPATH, relays everything COMMAND prints and exits with its status.
 *
 * usage: umockdev-wrapper uevent-driver FIXTURE SYSPATH COMMAND [ARGS...]
 */
#include <umockdev.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: uevent-driver FIXTURE SYSPATH COMMAND [ARGS...]\n");
        return 2;
    }
    UMockdevTestbed *testbed = umockdev_testbed_new();
    GError *error = NULL;
    if (!umockdev_testbed_add_from_file(testbed, argv[1], &error)) {
        fprintf(stderr, "uevent-driver: %s\n", error->message);
        return 2;
    }
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) { perror("pipe"); return 2; }
    pid_t child = fork();
    if (child == 0) {
        dup2(pipe_fds[1], 1);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        execvp(argv[3], argv + 3);
        perror("execvp");
        _exit(127);
    }
    close(pipe_fds[1]);
    FILE *output = fdopen(pipe_fds[0], "r");
    char line[8192];
    int ready = fgets(line, sizeof line, output) != NULL;
    if (ready) {
        fputs(line, stdout);
        fflush(stdout);
        umockdev_testbed_uevent(testbed, argv[2], "add");
        umockdev_testbed_uevent(testbed, argv[2], "remove");
    }
    while (fgets(line, sizeof line, output) != NULL) fputs(line, stdout);
    int status = 0;
    waitpid(child, &status, 0);
    g_object_unref(testbed);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
