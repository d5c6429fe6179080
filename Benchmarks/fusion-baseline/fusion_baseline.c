/*
 * The yardstick of issue 13: what x-io Fusion's C AHRS alone costs per sample on this machine,
 * doing what its advanced C example does per gyroscope sample (identity calibration models,
 * gyroscope bias, sample period, 6-axis update, Euler angles and earth acceleration read back),
 * with the printing left out. Built by scripts/bench-fusion.sh against a Fusion checkout the user
 * gives (FUSION_DIR); nothing of Fusion is in this repository.
 *
 *   fusion_baseline SAMPLES.csv [RUNS]
 *
 * SAMPLES.csv is `glutebridge export CAPTURE --csv` of an IMU-only capture (time_s, acc_*_g,
 * gyro_*_dps, ...). All samples are loaded first; each run updates a fresh filter over all of
 * them. Prints the median, min and max ns per sample over RUNS runs (default 7), and a checksum
 * of the outputs so that the compiler cannot drop the work.
 */
#define _POSIX_C_SOURCE 200809L
#include "Fusion.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    float acc[3];
    float gyro[3];
} Sample;

static int compare_doubles(const void *a, const void *b) {
    const double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double seconds_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double) now.tv_sec + (double) now.tv_nsec * 1e-9;
}

static Sample *load(const char *path, size_t *count) {
    FILE *file = fopen(path, "r");
    if (file == NULL) {
        fprintf(stderr, "fusion_baseline: cannot open %s\n", path);
        return NULL;
    }
    char line[512];
    size_t capacity = 1 << 16, used = 0;
    Sample *samples = malloc(capacity * sizeof *samples);
    if (samples == NULL || fgets(line, sizeof line, file) == NULL || strncmp(line, "time_s,acc_x_g", 14) != 0) {
        fprintf(stderr, "fusion_baseline: %s is not an IMU CSV of glutebridge export --csv\n", path);
        fclose(file);
        free(samples);
        return NULL;
    }
    while (fgets(line, sizeof line, file) != NULL) {
        double t, v[6];
        if (sscanf(line, "%lf,%lf,%lf,%lf,%lf,%lf,%lf", &t, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) != 7) continue;
        if (used == capacity) {
            capacity *= 2;
            Sample *grown = realloc(samples, capacity * sizeof *samples);
            if (grown == NULL) break;
            samples = grown;
        }
        for (int i = 0; i < 3; i++) {
            samples[used].acc[i] = (float) v[i];
            samples[used].gyro[i] = (float) v[3 + i];
        }
        used++;
    }
    fclose(file);
    *count = used;
    return samples;
}

/* One run over every sample; returns a checksum of what an application would read. */
static double run(const Sample *samples, size_t count, float sample_rate) {
    const FusionMatrix identity = {.array = {1.0f, 0.0f, 0.0f, 0.0f, 1.0f, 0.0f, 0.0f, 0.0f, 1.0f}};
    const FusionVector ones = {.array = {1.0f, 1.0f, 1.0f}};
    const FusionVector zeros = {.array = {0.0f, 0.0f, 0.0f}};
    FusionAhrs ahrs;
    FusionAhrsInitialise(&ahrs);
    const FusionAhrsSettings settings = {
        .sampleRate = sample_rate,
        .convention = FusionConventionNwu,
        .gain = 0.5f,
        .gyroscopeRange = 2000.0f,
        .accelerationRejection = 10.0f,
        .magneticRejection = 10.0f,
        .rejectionTimeout = 5.0f,
    };
    FusionAhrsSetSettings(&ahrs, &settings);
    FusionBias bias;
    FusionBiasInitialise(&bias);
    FusionBiasSettings bias_settings = fusionBiasDefaultSettings;
    bias_settings.sampleRate = sample_rate;
    FusionBiasSetSettings(&bias, &bias_settings);

    double checksum = 0;
    for (size_t i = 0; i < count; i++) {
        FusionVector gyro = {.axis = {samples[i].gyro[0], samples[i].gyro[1], samples[i].gyro[2]}};
        FusionVector acc = {.axis = {samples[i].acc[0], samples[i].acc[1], samples[i].acc[2]}};
        gyro = FusionModelInertial(gyro, identity, ones, zeros);
        acc = FusionModelInertial(acc, identity, ones, zeros);
        gyro = FusionBiasUpdate(&bias, gyro);
        FusionAhrsSetSamplePeriod(&ahrs, 1.0f / sample_rate);
        FusionAhrsUpdateNoMagnetometer(&ahrs, gyro, acc);
        const FusionEuler euler = FusionQuaternionToEuler(FusionAhrsGetQuaternion(&ahrs));
        const FusionVector earth = FusionAhrsGetEarthAcceleration(&ahrs);
        checksum += euler.angle.roll + euler.angle.pitch + earth.axis.z;
    }
    return checksum;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: fusion_baseline SAMPLES.csv [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? atoi(argv[2]) : 7;
    if (runs < 1 || runs > 1000) {
        fprintf(stderr, "fusion_baseline: RUNS must be 1 to 1000\n");
        return 2;
    }
    size_t count = 0;
    Sample *samples = load(argv[1], &count);
    if (samples == NULL) return 1;
    if (count == 0) {
        fprintf(stderr, "fusion_baseline: no samples in %s\n", argv[1]);
        return 1;
    }
    double *per_sample = malloc((size_t) runs * sizeof *per_sample);
    double checksum = run(samples, count, 100.0f); /* untimed warm-up */
    for (int r = 0; r < runs; r++) {
        const double start = seconds_now();
        checksum += run(samples, count, 100.0f);
        per_sample[r] = (seconds_now() - start) * 1e9 / (double) count;
    }
    qsort(per_sample, (size_t) runs, sizeof *per_sample, compare_doubles);
    printf("Fusion C AHRS (6-axis, bias, Euler + earth acceleration per sample; gcc -O2), %zu samples: "
           "median %.1f ns/sample (min %.1f, max %.1f, %d runs; checksum %.3g)\n",
           count, per_sample[runs / 2], per_sample[0], per_sample[runs - 1], runs, checksum);
    free(per_sample);
    free(samples);
    return 0;
}
