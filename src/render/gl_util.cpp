#include "render/gl_util.h"

#include <vector>

namespace techmap::gl {
namespace {
constexpr const char* kVersion = "#version 300 es\n";

GLuint start_compile(GLenum type, const char* body) {
    GLuint s = glCreateShader(type);
    const char* parts[2] = {kVersion, body};
    glShaderSource(s, 2, parts, nullptr);
    glCompileShader(s);
    return s;
}

// The compiler's message for a shader that failed, or "" (asked only after a link failed).
std::string compile_log(GLuint s, const char* what) {
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (ok) return "";
    GLint n = 0;
    glGetShaderiv(s, GL_INFO_LOG_LENGTH, &n);
    std::vector<char> buf(size_t(n > 0 ? n : 1));
    glGetShaderInfoLog(s, n, nullptr, buf.data());
    return std::string(what) + buf.data();
}
}  // namespace

void start_programs(const ProgramSource* sources, size_t count, PendingPrograms& out) {
    // every compile and link is queued before any status is read: each status query waits for
    // the GPU process (with a software renderer, tens of ms each), so one wait covers them all,
    // and the CPU can do other work (reading the data) while they compile
    out.shaders.assign(2 * count, 0);
    out.programs.assign(count, 0);
    for (size_t i = 0; i < count; ++i) {
        out.shaders[2 * i] = start_compile(GL_VERTEX_SHADER, sources[i].vertex);
        out.shaders[2 * i + 1] = start_compile(GL_FRAGMENT_SHADER, sources[i].fragment);
        out.programs[i] = glCreateProgram();
        glAttachShader(out.programs[i], out.shaders[2 * i]);
        glAttachShader(out.programs[i], out.shaders[2 * i + 1]);
        glLinkProgram(out.programs[i]);
    }
}

bool finish_programs(PendingPrograms& p, std::string& log) {
    bool ok = true;
    for (size_t i = 0; i < p.programs.size() && ok; ++i) {
        GLint linked = 0;
        glGetProgramiv(p.programs[i], GL_LINK_STATUS, &linked);
        if (linked) continue;
        ok = false;
        log = compile_log(p.shaders[2 * i], "vertex shader: ");
        if (log.empty()) log = compile_log(p.shaders[2 * i + 1], "fragment shader: ");
        if (log.empty()) {
            char buf[1024] = {0};
            glGetProgramInfoLog(p.programs[i], sizeof buf, nullptr, buf);
            log = std::string("link: ") + buf;
        }
    }
    for (GLuint s : p.shaders) glDeleteShader(s);  // the programs keep what they need
    p.shaders.clear();
    if (!ok)
        for (GLuint& prog : p.programs) { glDeleteProgram(prog); prog = 0; }
    return ok;
}

}  // namespace techmap::gl
