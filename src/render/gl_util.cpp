#include "render/gl_util.h"

#include <vector>

namespace techmap::gl {
namespace {
constexpr const char* kVersion = "#version 300 es\n";

GLuint compile(GLenum type, const char* body, std::string& log) {
    GLuint s = glCreateShader(type);
    const char* parts[2] = {kVersion, body};
    glShaderSource(s, 2, parts, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint n = 0;
        glGetShaderiv(s, GL_INFO_LOG_LENGTH, &n);
        std::vector<char> buf(size_t(n > 0 ? n : 1));
        glGetShaderInfoLog(s, n, nullptr, buf.data());
        log = std::string(type == GL_VERTEX_SHADER ? "vertex shader: " : "fragment shader: ") + buf.data();
        glDeleteShader(s);
        return 0;
    }
    return s;
}
}  // namespace

GLuint make_program(const char* vert_body, const char* frag_body, std::string& log) {
    GLuint v = compile(GL_VERTEX_SHADER, vert_body, log);
    if (!v) return 0;
    GLuint f = compile(GL_FRAGMENT_SHADER, frag_body, log);
    if (!f) { glDeleteShader(v); return 0; }
    GLuint p = glCreateProgram();
    glAttachShader(p, v);
    glAttachShader(p, f);
    glLinkProgram(p);
    glDeleteShader(v);
    glDeleteShader(f);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        char buf[1024] = {0};
        glGetProgramInfoLog(p, sizeof buf, nullptr, buf);
        log = std::string("link: ") + buf;
        glDeleteProgram(p);
        return 0;
    }
    return p;
}

}  // namespace techmap::gl
