/* InvenSense MPU-6050 on I2C (address 0x68, AD0 low): 100 Hz, +-4 g, +-500 deg/s. */
#ifndef GLUTEBELT_MPU6050_H
#define GLUTEBELT_MPU6050_H

#include <stdint.h>

#define MPU6050_ADDRESS 0x68u
#define MPU6050_ACCEL_RANGE_G 4u
#define MPU6050_GYRO_RANGE_DPS 500u
#define MPU6050_RATE_HZ 100u

typedef struct mpu6050_sample {
    int16_t accel[3]; /* counts of +-4 g */
    int16_t gyro[3];  /* counts of +-500 deg/s */
    int16_t temperature_raw;
} mpu6050_sample;

/* Wakes and configures the sensor. 0 on success, else a TWI status, or 0xEE when the chip
 * answering at 0x68 is no MPU-6050 (its WHO_AM_I is not 0x68); *who_am_i says what it was. */
uint8_t mpu6050_init(uint8_t *who_am_i);

/* Reads the latest accelerometer, temperature and gyroscope registers in one burst. */
uint8_t mpu6050_read(mpu6050_sample *sample);

/* Die temperature in 0.01 deg C (datasheet: raw / 340 + 36.53). */
int16_t mpu6050_centi_celsius(int16_t raw);

#endif
