// gl_util.h — small GL helpers: compile a program from embedded shader bodies (the
// "#version 300 es" line is prepended here, once), and report GL errors with context.
#pragma once
#include <GLES3/gl3.h>

#include <string>

namespace techmap::gl {

// Returns 0 on failure and fills `log` with the compiler's or linker's message.
GLuint make_program(const char* vert_body, const char* frag_body, std::string& log);

}  // namespace techmap::gl
