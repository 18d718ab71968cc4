#ifndef LADDER_BUILD_H
#define LADDER_BUILD_H

/// The commit this binary was built from ("abc1234"), or "" for a plain `swift build`. The definition
/// here is weak: `make dist` links one more object file (made by `.ci/dist`) whose strong definition
/// returns the commit, so stamping a release relinks the binary and recompiles nothing.
const char *ladder_build_commit(void);

#endif
