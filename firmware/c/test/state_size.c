/* Not a program: the build compiles this for each target and prints the symbols' sizes, which
 * are the RAM a device spends on the library's state (one writer, one reader). */
#include "glutebridge.h"

gb_writer gb_state_writer;
gb_reader gb_state_reader;
