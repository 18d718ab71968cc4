#include "ladder_build.h"

__attribute__((weak)) const char *ladder_build_commit(void) { return ""; }
