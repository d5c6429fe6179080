#include "mpu6050.h"

#include "twi.h"

/* Register map (MPU-6000/6050 register map, revision 4.2). */
#define REG_SMPLRT_DIV 0x19u
#define REG_CONFIG 0x1Au
#define REG_GYRO_CONFIG 0x1Bu
#define REG_ACCEL_CONFIG 0x1Cu
#define REG_ACCEL_XOUT_H 0x3Bu
#define REG_PWR_MGMT_1 0x6Bu
#define REG_WHO_AM_I 0x75u

uint8_t mpu6050_init(uint8_t *who_am_i)
{
    uint8_t status;
    *who_am_i = 0;
    if ((status = twi_read_registers(MPU6050_ADDRESS, REG_WHO_AM_I, who_am_i, 1)) != 0) return status;
    if (*who_am_i != 0x68u) return 0xEEu;
    /* Out of sleep, clocked from the X gyro's PLL (steadier than the internal oscillator). */
    if ((status = twi_write_register(MPU6050_ADDRESS, REG_PWR_MGMT_1, 0x01u)) != 0) return status;
    /* Low-pass 44 Hz (DLPF_CFG 3), which also sets the internal rate to 1 kHz ... */
    if ((status = twi_write_register(MPU6050_ADDRESS, REG_CONFIG, 0x03u)) != 0) return status;
    /* ... divided by 1 + 9: 100 Hz. */
    if ((status = twi_write_register(MPU6050_ADDRESS, REG_SMPLRT_DIV, 9u)) != 0) return status;
    /* FS_SEL 1: +-500 deg/s; AFS_SEL 1: +-4 g. Posture moves are slow; these keep resolution. */
    if ((status = twi_write_register(MPU6050_ADDRESS, REG_GYRO_CONFIG, 0x08u)) != 0) return status;
    return twi_write_register(MPU6050_ADDRESS, REG_ACCEL_CONFIG, 0x08u);
}

uint8_t mpu6050_read(mpu6050_sample *sample)
{
    uint8_t raw[14];
    uint8_t i;
    uint8_t status = twi_read_registers(MPU6050_ADDRESS, REG_ACCEL_XOUT_H, raw, sizeof raw);
    if (status != 0) return status;
    /* Big-endian pairs: accel x y z, temperature, gyro x y z. */
    for (i = 0; i < 3; i++) {
        sample->accel[i] = (int16_t)(((uint16_t)raw[2 * i] << 8) | raw[2 * i + 1]);
        sample->gyro[i] = (int16_t)(((uint16_t)raw[8 + 2 * i] << 8) | raw[9 + 2 * i]);
    }
    sample->temperature_raw = (int16_t)(((uint16_t)raw[6] << 8) | raw[7]);
    return 0;
}

int16_t mpu6050_centi_celsius(int16_t raw)
{
    /* raw / 340 + 36.53 deg C, in hundredths: raw * 100 / 340 + 3653, rounded by halves. */
    int32_t scaled = (int32_t)raw * 10;
    return (int16_t)((scaled >= 0 ? scaled + 17 : scaled - 17) / 34 + 3653);
}
