/* The scripted wearer of the simulated belt sensor: stands still, tilts the pelvis forward
 * 15 degrees for 10 s, stands again, sits down. Pure function of time. */
#ifndef GLUTEBELT_SIM_MOTION_H
#define GLUTEBELT_SIM_MOTION_H

typedef struct motion_reading {
    double accel_g[3];   /* specific force in the sensor frame (x forward, y left, z up), g */
    double gyro_dps[3];  /* angular rate in the sensor frame, deg/s */
    double tilt_deg;     /* the script's pelvis tilt, forward positive, for the log */
} motion_reading;

/* The script's length in seconds. */
double motion_duration(void);

void motion_at(double seconds, motion_reading *out);

/* A one-line description of the script for the test's log. */
const char *motion_description(void);

#endif
