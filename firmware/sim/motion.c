#include "motion.h"

#include <math.h>
#include <stddef.h>

/* One phase moves tilt and pelvis height from the previous phase's end values to its own along a
 * minimum-jerk ramp of `ramp` seconds, then holds them until `end`. The shapes follow the
 * project's virtual sensor (Sources/GluteSim): sitting down is a 0.8 s forward lean while the
 * knees bend, then a 1.4 s lowering onto the seat into a posterior tilt of about 28 degrees. */
typedef struct phase {
    double end;
    double ramp;
    double tilt_deg;
    double height_m;
} phase;

static const phase script[] = {
    {15.0, 0.0, 0.0, 0.0},     /* stand still: the host calibrates on this quiet upright stretch */
    {27.0, 2.0, 15.0, 0.0},    /* tilt forward 15 deg (ramp 2 s), hold: anterior tilt for 10 s */
    {35.0, 2.0, 0.0, 0.0},     /* back to upright, stand */
    {35.8, 0.8, 20.0, -0.06},  /* sit down: lean */
    {37.2, 1.4, -28.0, -0.45}, /* sit down: lower onto the seat */
    {75.0, 0.0, -28.0, -0.45}  /* sit */
};
#define PHASES (sizeof script / sizeof script[0])

static const double gravity = 9.80665;
static const double pi = 3.14159265358979323846;

double motion_duration(void)
{
    return script[PHASES - 1].end;
}

const char *motion_description(void)
{
    return "stand 15 s, tilt forward 15 deg for 10 s (2 s ramps), stand 6 s, sit down at 35 s, sit until 75 s";
}

/* A deterministic sensor noise, +-amplitude, so that the host's quiet detection sees a real
 * signal and no two runs differ. */
static double noise(unsigned long *state, double amplitude)
{
    *state = *state * 6364136223846793005ul + 1442695040888963407ul;
    return amplitude * (((double)((*state >> 33) & 0xFFFF) / 32767.5) - 1.0);
}

void motion_at(double t, motion_reading *out)
{
    size_t i = 0;
    double start = 0, from_tilt = 0, from_height = 0;
    double tilt, tilt_rate = 0, height_accel = 0, s, span, theta;
    unsigned long seed = (unsigned long)(t * 1000.0) + 17ul;
    while (i + 1 < PHASES && t >= script[i].end) {
        from_tilt = script[i].tilt_deg;
        from_height = script[i].height_m;
        start = script[i].end;
        i++;
    }
    tilt = script[i].tilt_deg;
    span = script[i].ramp;
    if (span > 0 && t - start < span) {
        double dt = script[i].tilt_deg - from_tilt, dh = script[i].height_m - from_height;
        s = (t - start) / span;
        /* Minimum jerk: x = 10s^3 - 15s^4 + 6s^5, its first and second derivatives in time. */
        tilt = from_tilt + dt * (10 * s * s * s - 15 * s * s * s * s + 6 * s * s * s * s * s);
        tilt_rate = dt * (30 * s * s - 60 * s * s * s + 30 * s * s * s * s) / span;
        height_accel = dh * (60 * s - 180 * s * s + 120 * s * s * s) / (span * span);
    }
    theta = tilt * pi / 180;
    /* Tilting forward about the body's left axis: gravity's reaction leans toward -x. */
    out->accel_g[0] = -sin(theta) * (1 + height_accel / gravity) + noise(&seed, 0.003);
    out->accel_g[1] = noise(&seed, 0.003);
    out->accel_g[2] = cos(theta) * (1 + height_accel / gravity) + noise(&seed, 0.003);
    out->gyro_dps[0] = noise(&seed, 0.15);
    out->gyro_dps[1] = tilt_rate + noise(&seed, 0.15);
    out->gyro_dps[2] = noise(&seed, 0.15);
    out->tilt_deg = tilt;
}
