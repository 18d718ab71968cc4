// libxml2's HTML parser, for raw HTML tables in imported pages (found through pkg-config: Debian's libxml2-dev).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its encoding header would then pull the system's ICU headers
// into the module, where they clash with the copy Foundation ships. Ladder never touches the ICU
// members of an encoding handler (the only declarations this changes), so the ICU headers are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
