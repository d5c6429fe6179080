#include "uart.h"

#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>

/* Powers of two, so that the indices wrap with a mask. 128 bytes hold a 5-sample IMU frame (80
 * bytes on the wire) with room to spare. The main loop reads received bytes once per 10 ms tick,
 * when up to 115 bytes can arrive; host commands are 13 to 17 bytes and a host waits for each
 * answer, so 64 bytes take a burst of four commands. Overruns are counted and reported. */
#define TX_SIZE 128u
#define RX_SIZE 64u

static uint8_t tx_buffer[TX_SIZE];
static volatile uint8_t tx_head, tx_tail;
static uint8_t rx_buffer[RX_SIZE];
static volatile uint8_t rx_head, rx_tail;
static volatile uint16_t rx_overruns;

void uart_init(void)
{
    /* 16 MHz, double speed: UBRR 16 gives 117647 baud, 2.1 % fast, the setting every Arduino
     * core uses for 115200 (without U2X the error would be 3.5 %). */
    UCSR0A = _BV(U2X0);
    UBRR0H = 0;
    UBRR0L = 16;
    UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);
    UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
}

void uart_write(void *context, const uint8_t *bytes, size_t length)
{
    size_t i;
    (void)context;
    for (i = 0; i < length; i++) {
        uint8_t next = (uint8_t)((tx_head + 1u) & (TX_SIZE - 1u));
        /* Wait for room: the data-register-empty interrupt frees it and wakes us. Interrupts are
         * off while checking, and sleep_cpu() runs right after sei(), so no wake-up is lost. */
        for (;;) {
            cli();
            if (next != tx_tail) {
                break;
            }
            sleep_enable();
            sei();
            sleep_cpu();
            sleep_disable();
        }
        tx_buffer[tx_head] = bytes[i];
        tx_head = next;
        UCSR0B |= _BV(UDRIE0);
        sei();
    }
}

ISR(USART_UDRE_vect)
{
    if (tx_head == tx_tail) {
        UCSR0B &= (uint8_t)~_BV(UDRIE0);
        return;
    }
    UDR0 = tx_buffer[tx_tail];
    tx_tail = (uint8_t)((tx_tail + 1u) & (TX_SIZE - 1u));
}

ISR(USART_RX_vect)
{
    uint8_t byte = UDR0;
    uint8_t next = (uint8_t)((rx_head + 1u) & (RX_SIZE - 1u));
    if (next == rx_tail) {
        rx_overruns++;
        return;
    }
    rx_buffer[rx_head] = byte;
    rx_head = next;
}

int uart_read(void)
{
    uint8_t byte;
    if (rx_head == rx_tail) {
        return -1;
    }
    byte = rx_buffer[rx_tail];
    rx_tail = (uint8_t)((rx_tail + 1u) & (RX_SIZE - 1u));
    return byte;
}

uint16_t uart_rx_overruns(void)
{
    uint16_t n;
    cli();
    n = rx_overruns;
    sei();
    return n;
}
