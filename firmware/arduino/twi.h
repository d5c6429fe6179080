/* The ATmega328P's TWI (I2C) as bus master at 400 kHz: pins A4 SDA, A5 SCL. Every wait is
 * bounded, so a missing or stuck sensor gives an error instead of a hung board. */
#ifndef GLUTEBELT_TWI_H
#define GLUTEBELT_TWI_H

#include <stdint.h>

void twi_init(void);

/* 0 on success, else the TWI status code that ended the transfer (0xFF: timeout). */
uint8_t twi_write_register(uint8_t address, uint8_t reg, uint8_t value);
uint8_t twi_read_registers(uint8_t address, uint8_t reg, uint8_t *out, uint8_t count);

#endif
