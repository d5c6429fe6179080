#include "mpu6050_part.h"

#include <math.h>
#include <string.h>

#include "avr_twi.h"
#include "motion.h"

#define ADDRESS 0x68u
#define REG_GYRO_CONFIG 0x1Bu
#define REG_ACCEL_CONFIG 0x1Cu
#define REG_ACCEL_XOUT_H 0x3Bu
#define REG_PWR_MGMT_1 0x6Bu
#define REG_WHO_AM_I 0x75u

/* The ATmega328P's TWI registers in data space. */
#define TWSR_ADDRESS 0xB9u
#define TWCR_ADDRESS 0xBCu
#define TWINT_BIT 0x80u
#define TW_MT_SLA_ACK 0x18u
#define TW_MT_DATA_ACK 0x28u

/* simavr 1.6 (Debian's) departs from the datasheet in two ways that a correct firmware trips on;
 * the part puts the bus right, so the firmware is written to the datasheet alone:
 *  - TWINT stays set after the firmware writes 1 to clear it, so the firmware would read the
 *    previous status before the transfer is done: cleared here whenever the master acts;
 *  - an acknowledged SLA+W is reported as 0x28 (data) instead of 0x18: corrected here. */
static void twi_clear_twint(avr_t *avr)
{
    avr->data[TWCR_ADDRESS] &= (uint8_t)~TWINT_BIT;
}

static int16_t saturate(double counts)
{
    double r = floor(counts + 0.5);
    if (r > 32767) return 32767;
    if (r < -32768) return -32768;
    return (int16_t)r;
}

static void put_be16(uint8_t *at, int16_t value)
{
    at[0] = (uint8_t)((uint16_t)value >> 8);
    at[1] = (uint8_t)((uint16_t)value & 0xFFu);
}

/* Fills the data registers from the motion script at the current simulated time, scaled by the
 * ranges the firmware configured, as the chip would (a sleeping chip keeps its old values). */
static void latch_sample(mpu6050_part *p)
{
    motion_reading m;
    double seconds = (double)p->avr->cycle / (double)p->avr->frequency;
    double accel_lsb = 16384.0 / (double)(1u << ((p->registers[REG_ACCEL_CONFIG] >> 3) & 3u));
    double gyro_lsb = 131.0 / (double)(1u << ((p->registers[REG_GYRO_CONFIG] >> 3) & 3u));
    uint8_t *d = p->registers + REG_ACCEL_XOUT_H;
    int i;
    if (p->registers[REG_PWR_MGMT_1] & 0x40u) {
        return;
    }
    motion_at(seconds, &m);
    for (i = 0; i < 3; i++) {
        put_be16(d + 2 * i, saturate(m.accel_g[i] * accel_lsb));
        put_be16(d + 8 + 2 * i, saturate(m.gyro_dps[i] * gyro_lsb));
    }
    /* 30 deg C: raw = (30 - 36.53) * 340. */
    put_be16(d + 6, saturate((30.0 - 36.53) * 340.0));
    if (fabs(m.tilt_deg) > fabs(p->max_tilt_deg)) {
        p->max_tilt_deg = m.tilt_deg;
    }
    p->reads++;
}

static void answer(mpu6050_part *p, uint8_t message, uint8_t address, uint8_t data)
{
    avr_raise_irq(p->twi_input, avr_twi_irq_msg(message, address, data));
}

/* Everything the master does on the bus arrives here; simavr expects an acknowledgement or the
 * data byte to be raised back before this returns. */
static void on_twi(struct avr_irq_t *irq, uint32_t value, void *param)
{
    mpu6050_part *p = (mpu6050_part *)param;
    avr_twi_msg_irq_t v;
    (void)irq;
    v.u.v = value;
    p->address_write = 0;
    if (v.u.twi.msg & (TWI_COND_START | TWI_COND_WRITE | TWI_COND_READ)) {
        twi_clear_twint(p->avr);
    }
    if (v.u.twi.msg & TWI_COND_STOP) {
        p->selected = 0;
    }
    if (v.u.twi.msg & TWI_COND_START) {
        p->selected = (v.u.twi.addr >> 1) == ADDRESS;
        if (!p->selected) {
            return; /* not us: no acknowledgement, the master sees a NACK */
        }
        if (v.u.twi.addr & 1u) {
            if (p->pointer == REG_ACCEL_XOUT_H) {
                latch_sample(p);
            }
        } else {
            p->expect_pointer = 1;
            p->address_write = 1;
        }
        answer(p, TWI_COND_ACK, v.u.twi.addr, 1);
        return;
    }
    if (!p->selected) {
        return;
    }
    if (v.u.twi.msg & TWI_COND_WRITE) {
        if (p->expect_pointer) {
            p->pointer = v.u.twi.data & 0x7Fu;
            p->expect_pointer = 0;
        } else {
            if (p->pointer != REG_WHO_AM_I) {
                p->registers[p->pointer] = v.u.twi.data;
            }
            p->pointer = (uint8_t)((p->pointer + 1u) & 0x7Fu);
        }
        answer(p, TWI_COND_ACK, v.u.twi.addr, 1);
    } else if (v.u.twi.msg & TWI_COND_READ) {
        uint8_t data = p->registers[p->pointer];
        p->pointer = (uint8_t)((p->pointer + 1u) & 0x7Fu);
        answer(p, TWI_COND_READ, v.u.twi.addr, data);
    }
}

static void on_twi_status(struct avr_irq_t *irq, uint32_t value, void *param)
{
    mpu6050_part *p = (mpu6050_part *)param;
    (void)irq;
    if (value == TW_MT_DATA_ACK && p->address_write) {
        p->avr->data[TWSR_ADDRESS] = (uint8_t)((p->avr->data[TWSR_ADDRESS] & 0x07u) | TW_MT_SLA_ACK);
    }
}

void mpu6050_part_attach(mpu6050_part *part, avr_t *avr)
{
    memset(part, 0, sizeof *part);
    part->avr = avr;
    part->registers[REG_WHO_AM_I] = 0x68u;
    part->registers[REG_PWR_MGMT_1] = 0x40u; /* asleep after power-on, as the real chip */
    part->twi_input = avr_io_getirq(avr, AVR_IOCTL_TWI_GETIRQ(0), TWI_IRQ_INPUT);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_TWI_GETIRQ(0), TWI_IRQ_OUTPUT), on_twi, part);
    avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_TWI_GETIRQ(0), TWI_IRQ_STATUS), on_twi_status, part);
}
