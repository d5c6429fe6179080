/* A simulated InvenSense MPU-6050 for simavr: answers at I2C address 0x68 on the ATmega's TWI
 * with the registers the firmware uses (WHO_AM_I, power, rate, ranges, the 14 data registers),
 * its readings taken from the motion script at the simulated time of each read. */
#ifndef GLUTEBELT_SIM_MPU6050_PART_H
#define GLUTEBELT_SIM_MPU6050_PART_H

#include <stdint.h>

#include "sim_avr.h"

typedef struct mpu6050_part {
    avr_t *avr;
    avr_irq_t *twi_input;  /* our answers to the TWI */
    uint8_t registers[128];
    uint8_t pointer;       /* register address of the next read or write */
    uint8_t selected;      /* addressed since the last start */
    uint8_t expect_pointer;/* the next written byte is a register address */
    uint8_t address_write; /* the master's last action was SLA+W */
    unsigned long reads;   /* data bursts served (reads that start at ACCEL_XOUT_H) */
    double max_tilt_deg;   /* largest scripted tilt the sensor has reported */
} mpu6050_part;

void mpu6050_part_attach(mpu6050_part *part, avr_t *avr);

#endif
