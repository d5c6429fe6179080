/* USART0 of the ATmega328P (pins D0 RX, D1 TX; the USB-serial chip of an Uno or Nano) at 115200
 * baud, 8N1, both directions interrupt-driven through small ring buffers, so the main loop never
 * waits on a byte unless the transmit queue is full. */
#ifndef GLUTEBELT_UART_H
#define GLUTEBELT_UART_H

#include <stddef.h>
#include <stdint.h>

void uart_init(void);

/* Queues bytes for sending; sleeps while the queue is full. Fits gb_write_fn. */
void uart_write(void *context, const uint8_t *bytes, size_t length);

/* The next received byte, or -1 when none is waiting. */
int uart_read(void);

/* Received bytes lost because the receive queue was full. */
uint16_t uart_rx_overruns(void);

#endif
