/* CRC-16/CCITT-FALSE (section 1): polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR. */
#ifndef GB_CRC16_H
#define GB_CRC16_H

#include <stddef.h>
#include <stdint.h>

#define GB_CRC16_INIT 0xFFFFu

/* Adds one byte. Bitwise, without a table: 512 bytes of table would be a quarter of an
 * ATmega328P's RAM (or flash read through pgm_read), and 20 frames a second need no speed. */
uint16_t gb_crc16_update(uint16_t crc, uint8_t byte);

uint16_t gb_crc16(const uint8_t *data, size_t length);

#endif
