// gl_util.h — small GL helpers: compile programs from embedded shader bodies (the
// "#version 300 es" line is prepended here, once).
#pragma once
#include <GLES3/gl3.h>

#include <cstddef>
#include <string>

namespace techmap::gl {

struct ProgramSource { const char* vertex; const char* fragment; };

// Compiles and links `count` programs into `programs`, all queued before any status is read.
// On failure: false, every program 0, and `log` holds the first compiler's or linker's message.
bool make_programs(const ProgramSource* sources, size_t count, GLuint* programs, std::string& log);

}  // namespace techmap::gl
