// gl_util.h — small GL helpers: compile programs from embedded shader bodies (the
// "#version 300 es" line is prepended here, once).
#pragma once
#include <GLES3/gl3.h>

#include <cstddef>
#include <string>
#include <vector>

namespace techmap::gl {

struct ProgramSource { const char* vertex; const char* fragment; };

// Programs being compiled and linked: names exist at once, their status is read later.
struct PendingPrograms {
    std::vector<GLuint> shaders, programs;
    bool pending() const { return !shaders.empty(); }
};
// Queues the compile and link of `count` programs (out.programs[i] for sources[i]), reading no status.
void start_programs(const ProgramSource* sources, size_t count, PendingPrograms& out);
// Waits for them: true when all linked; else false, every program deleted and 0, and `log`
// holds the first compiler's or linker's message.
bool finish_programs(PendingPrograms& p, std::string& log);

}  // namespace techmap::gl
