/* The GluteBridge native protocol for device firmware: include this one header.
 * See firmware-protocol.md, section "Writing firmware". */
#ifndef GLUTEBRIDGE_H
#define GLUTEBRIDGE_H

#include "gb_protocol.h"
#include "gb_crc16.h"
#include "gb_cobs.h"
#include "gb_writer.h"
#include "gb_messages.h"
#include "gb_reader.h"

#endif
