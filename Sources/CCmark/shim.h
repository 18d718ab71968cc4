// A module map cannot name <cmark.h> from the system include path directly, so it points here.
#include <cmark.h>
