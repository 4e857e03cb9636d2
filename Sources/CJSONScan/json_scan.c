/* The scanner is header-only (static inline functions); SwiftPM needs one source file
 * to build the target that shares it between BaselineServer and LoadGenerator. */
#include "json_scan.h"
