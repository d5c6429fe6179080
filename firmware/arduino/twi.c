#include "twi.h"

#include <avr/io.h>

/* TWSR status codes (ATmega328P datasheet, tables 21-3 and 21-4). */
#define TW_START 0x08u
#define TW_REP_START 0x10u
#define TW_MT_SLA_ACK 0x18u
#define TW_MT_DATA_ACK 0x28u
#define TW_MR_SLA_ACK 0x40u
#define TW_MR_DATA_ACK 0x50u
#define TW_MR_DATA_NACK 0x58u
#define TW_TIMEOUT 0xFFu

void twi_init(void)
{
    /* SCL = F_CPU / (16 + 2 * TWBR * prescaler) = 16 MHz / 40 = 400 kHz. The MPU-6050 breakout
     * boards carry their own pull-ups, so the internal ones stay off. */
    TWSR = 0;
    TWBR = 12;
    TWCR = _BV(TWEN);
}

/* Starts the action in `control` and waits for it; returns the status. */
static uint8_t twi_step(uint8_t control)
{
    uint16_t spins = 0;
    TWCR = (uint8_t)(control | _BV(TWINT) | _BV(TWEN));
    while (!(TWCR & _BV(TWINT))) {
        if (++spins == 0) {
            return TW_TIMEOUT; /* 65536 polls: some 20 ms at 16 MHz, ~1000 byte times */
        }
    }
    return (uint8_t)(TWSR & 0xF8u);
}

static void twi_stop(void)
{
    TWCR = _BV(TWINT) | _BV(TWEN) | _BV(TWSTO);
}

/* Sends the address byte for writing; 0 when the device acknowledged it. */
static uint8_t twi_address_write(uint8_t address)
{
    uint8_t status;
    TWDR = (uint8_t)(address << 1);
    status = twi_step(0);
    return status == TW_MT_SLA_ACK ? 0u : status;
}

uint8_t twi_write_register(uint8_t address, uint8_t reg, uint8_t value)
{
    uint8_t status = twi_step(_BV(TWSTA));
    if (status != TW_START) goto fail;
    if ((status = twi_address_write(address)) != 0) goto fail;
    TWDR = reg;
    if ((status = twi_step(0)) != TW_MT_DATA_ACK) goto fail;
    TWDR = value;
    if ((status = twi_step(0)) != TW_MT_DATA_ACK) goto fail;
    twi_stop();
    return 0;
fail:
    twi_stop();
    return status;
}

uint8_t twi_read_registers(uint8_t address, uint8_t reg, uint8_t *out, uint8_t count)
{
    uint8_t i;
    uint8_t status = twi_step(_BV(TWSTA));
    if (status != TW_START) goto fail;
    if ((status = twi_address_write(address)) != 0) goto fail;
    TWDR = reg;
    if ((status = twi_step(0)) != TW_MT_DATA_ACK) goto fail;
    /* Repeated start, then read: the MPU-6050 streams registers from `reg` on. */
    if ((status = twi_step(_BV(TWSTA))) != TW_REP_START) goto fail;
    TWDR = (uint8_t)((address << 1) | 1u);
    if ((status = twi_step(0)) != TW_MR_SLA_ACK) goto fail;
    for (i = 0; i < count; i++) {
        uint8_t last = (uint8_t)(i + 1u == count);
        /* Acknowledge every byte but the last, which tells the sensor to stop sending. */
        status = twi_step(last ? 0 : _BV(TWEA));
        if (status != (last ? TW_MR_DATA_NACK : TW_MR_DATA_ACK)) goto fail;
        out[i] = TWDR;
    }
    twi_stop();
    return 0;
fail:
    twi_stop();
    return status;
}
