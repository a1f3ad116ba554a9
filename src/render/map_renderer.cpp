// map_renderer.cpp — GL buffers for the map and its three draw calls.
#include "render/map_renderer.h"

#include <glm/gtc/type_ptr.hpp>

#include "core/projection.h"
#include "render/gl_util.h"
#include "shaders.h"

namespace techmap {

namespace {
// A VAO with positions at location 0, optional per-vertex floats at location 1, and an index
// buffer (created into `indices_out`).
GLuint make_vao(GLuint positions, GLuint per_vertex, const std::vector<uint32_t>& indices, GLuint& indices_out) {
    GLuint vao = 0;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, positions);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    if (per_vertex) {
        glBindBuffer(GL_ARRAY_BUFFER, per_vertex);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 0, nullptr);
    }
    glGenBuffers(1, &indices_out);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_out);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(indices.size() * sizeof(uint32_t)), indices.data(), GL_STATIC_DRAW);
    return vao;
}
}  // namespace

bool MapRenderer::init(const WorldMap& map, std::string& error) {
    shutdown();
    fill_program_ = gl::make_program(shader_map_vert, shader_map_frag, error);
    plain_program_ = fill_program_ ? gl::make_program(shader_plain_vert, shader_plain_frag, error) : 0;
    if (!fill_program_ || !plain_program_) { shutdown(); return false; }

    // per-vertex country index, as float (exact up to 2^24)
    std::vector<float> ids(map.vertices.size(), 0.0f);
    for (const MapPolygon& p : map.polygons)
        for (uint32_t r = p.first_ring; r < p.first_ring + p.ring_count; ++r)
            for (uint32_t i = map.rings[r].first; i < map.rings[r].first + map.rings[r].count; ++i) ids[i] = float(p.country);

    glGenBuffers(1, &positions_);
    glBindBuffer(GL_ARRAY_BUFFER, positions_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(map.vertices.size() * sizeof(glm::vec2)), map.vertices.data(), GL_STATIC_DRAW);
    glGenBuffers(1, &country_ids_);
    glBindBuffer(GL_ARRAY_BUFFER, country_ids_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(ids.size() * sizeof(float)), ids.data(), GL_STATIC_DRAW);

    // two VAOs over the same positions: fills (with the country index) and borders (lines)
    fill_vao_ = make_vao(positions_, country_ids_, map.indices, fill_indices_);
    fill_count_ = GLsizei(map.indices.size());
    border_vao_ = make_vao(positions_, 0, map.border_indices, border_indices_);
    border_count_ = GLsizei(map.border_indices.size());

    // the globe's outline: a fan from the centre along the ±180° meridians
    std::vector<glm::vec2> globe{{0.0f, 0.0f}};
    for (int lat = -90; lat <= 90; ++lat) globe.push_back(glm::vec2(equal_earth(180, lat)));
    for (int lat = 90; lat >= -90; --lat) globe.push_back(glm::vec2(equal_earth(-180, lat)));
    globe.push_back(globe[1]);
    glGenVertexArrays(1, &globe_vao_);
    glBindVertexArray(globe_vao_);
    glGenBuffers(1, &globe_positions_);
    glBindBuffer(GL_ARRAY_BUFFER, globe_positions_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(globe.size() * sizeof(glm::vec2)), globe.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    globe_count_ = GLsizei(globe.size());
    glBindVertexArray(0);

    glGenTextures(1, &palette_);
    glBindTexture(GL_TEXTURE_2D, palette_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    palette_width_ = GLsizei(std::max<size_t>(map.countries.size(), 1));
    std::vector<glm::u8vec4> grey(size_t(palette_width_), glm::u8vec4(200, 200, 200, 255));
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, palette_width_, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, grey.data());
    return true;
}

void MapRenderer::set_colors(const std::vector<glm::u8vec4>& colors) {
    if (!palette_ || colors.size() < size_t(palette_width_)) return;
    glBindTexture(GL_TEXTURE_2D, palette_);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, palette_width_, 1, GL_RGBA, GL_UNSIGNED_BYTE, colors.data());
}

void MapRenderer::draw(const MapView& view, glm::ivec2 fb, const ScreenRect& area, int hovered, const MapStyle& style) {
    glViewport(0, 0, fb.x, fb.y);
    glClearColor(style.background.r, style.background.g, style.background.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!ready()) return;
    const double k = view.pixels_per_unit(area);
    const glm::vec2 center(view.center), scale(float(2 * k / fb.x), float(2 * k / fb.y));
    const glm::vec2 offset(float(2 * area.center().x / fb.x - 1), float(1 - 2 * area.center().y / fb.y));
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);

    glUseProgram(plain_program_);
    glUniform2fv(glGetUniformLocation(plain_program_, "u_center"), 1, glm::value_ptr(center));
    glUniform2fv(glGetUniformLocation(plain_program_, "u_scale"), 1, glm::value_ptr(scale));
    glUniform2fv(glGetUniformLocation(plain_program_, "u_offset"), 1, glm::value_ptr(offset));
    glUniform4fv(glGetUniformLocation(plain_program_, "u_color"), 1, glm::value_ptr(style.ocean));
    glBindVertexArray(globe_vao_);
    glDrawArrays(GL_TRIANGLE_FAN, 0, globe_count_);

    glUseProgram(fill_program_);
    glUniform2fv(glGetUniformLocation(fill_program_, "u_center"), 1, glm::value_ptr(center));
    glUniform2fv(glGetUniformLocation(fill_program_, "u_scale"), 1, glm::value_ptr(scale));
    glUniform2fv(glGetUniformLocation(fill_program_, "u_offset"), 1, glm::value_ptr(offset));
    glUniform1f(glGetUniformLocation(fill_program_, "u_hover"), float(hovered));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, palette_);
    glUniform1i(glGetUniformLocation(fill_program_, "u_colors"), 0);
    glBindVertexArray(fill_vao_);
    glDrawElements(GL_TRIANGLES, fill_count_, GL_UNSIGNED_INT, nullptr);

    glUseProgram(plain_program_);
    glUniform4fv(glGetUniformLocation(plain_program_, "u_color"), 1, glm::value_ptr(style.border));
    glBindVertexArray(border_vao_);
    glDrawElements(GL_LINES, border_count_, GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
}

void MapRenderer::shutdown() {
    for (GLuint* b : {&positions_, &country_ids_, &fill_indices_, &border_indices_, &globe_positions_})
        if (*b) { glDeleteBuffers(1, b); *b = 0; }
    for (GLuint* v : {&fill_vao_, &border_vao_, &globe_vao_})
        if (*v) { glDeleteVertexArrays(1, v); *v = 0; }
    if (palette_) { glDeleteTextures(1, &palette_); palette_ = 0; }
    if (fill_program_) { glDeleteProgram(fill_program_); fill_program_ = 0; }
    if (plain_program_) { glDeleteProgram(plain_program_); plain_program_ = 0; }
}

}  // namespace techmap
