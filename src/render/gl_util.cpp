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

bool make_programs(const ProgramSource* sources, size_t count, GLuint* programs, std::string& log) {
    // every compile and link is queued before any status is read: each status query waits for
    // the GPU process (with a software renderer, tens of ms each), so one wait covers them all
    std::vector<GLuint> shaders(2 * count);
    for (size_t i = 0; i < count; ++i) {
        shaders[2 * i] = start_compile(GL_VERTEX_SHADER, sources[i].vertex);
        shaders[2 * i + 1] = start_compile(GL_FRAGMENT_SHADER, sources[i].fragment);
        programs[i] = glCreateProgram();
        glAttachShader(programs[i], shaders[2 * i]);
        glAttachShader(programs[i], shaders[2 * i + 1]);
        glLinkProgram(programs[i]);
    }
    bool ok = true;
    for (size_t i = 0; i < count && ok; ++i) {
        GLint linked = 0;
        glGetProgramiv(programs[i], GL_LINK_STATUS, &linked);
        if (linked) continue;
        ok = false;
        log = compile_log(shaders[2 * i], "vertex shader: ");
        if (log.empty()) log = compile_log(shaders[2 * i + 1], "fragment shader: ");
        if (log.empty()) {
            char buf[1024] = {0};
            glGetProgramInfoLog(programs[i], sizeof buf, nullptr, buf);
            log = std::string("link: ") + buf;
        }
    }
    for (GLuint s : shaders) glDeleteShader(s);  // the programs keep what they need
    if (!ok)
        for (size_t i = 0; i < count; ++i) { glDeleteProgram(programs[i]); programs[i] = 0; }
    return ok;
}

}  // namespace techmap::gl
