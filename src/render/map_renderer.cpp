// map_renderer.cpp — GL buffers for the map and its draw calls.
//
// [SECTION] setup: programs, the globe, the unit quad
// [SECTION] levels of detail: fills and border segments
// [SECTION] arcs and markers (rebuilt when the selection changes)
// [SECTION] drawing
#include "render/map_renderer.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <glm/vec3.hpp>

#include "core/projection.h"
#include "render/gl_util.h"
#include "shaders.h"

namespace techmap {
namespace {

// Vertex layout of the line program: each segment is a quad of four vertices that all carry the
// segment (a, b) and their corner; the shader extrudes it in screen space. Plain indexed
// triangles rather than instancing: SwiftShader (software WebGL) draws instanced quads very
// slowly, and real GPUs do not mind either way.
struct LineVertex {
    glm::vec2 corner;
    glm::vec4 segment;
    glm::u8vec4 color;
    glm::vec3 style;  // width px, t at a, t at b
};
struct BorderVertex {  // borders: colour and style are constant attributes
    glm::vec2 corner;
    glm::vec4 segment;
};
constexpr glm::vec2 kCorners[4] = {{0, -1}, {1, -1}, {0, 1}, {1, 1}};

// Indices of `quads` quads (0 1 2, 2 1 3 each).
std::vector<uint32_t> quad_indices(size_t quads) {
    std::vector<uint32_t> idx;
    idx.reserve(quads * 6);
    for (uint32_t q = 0; q < quads; ++q)
        for (uint32_t k : {0u, 1u, 2u, 2u, 1u, 3u}) idx.push_back(q * 4 + k);
    return idx;
}

void float_attrib(GLuint loc, GLint size, GLenum type, GLboolean norm, GLsizei stride, size_t offset) {
    glEnableVertexAttribArray(loc);
    glVertexAttribPointer(loc, size, type, norm, stride, reinterpret_cast<const void*>(offset));
}

struct MarkerInstance {
    glm::vec3 marker;  // projected x, y, radius px
    glm::u8vec4 color;
};

void instanced_attrib(GLuint loc, GLint size, GLenum type, GLboolean norm, GLsizei stride, size_t offset) {
    glEnableVertexAttribArray(loc);
    glVertexAttribPointer(loc, size, type, norm, stride, reinterpret_cast<const void*>(offset));
    glVertexAttribDivisor(loc, 1);
}

// A VAO over a LineVertex buffer and its index buffer.
GLuint line_vao(GLuint vertices, GLuint indices) {
    GLuint vao = 0;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, vertices);
    float_attrib(0, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex), offsetof(LineVertex, corner));
    float_attrib(1, 4, GL_FLOAT, GL_FALSE, sizeof(LineVertex), offsetof(LineVertex, segment));
    float_attrib(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(LineVertex), offsetof(LineVertex, color));
    float_attrib(3, 3, GL_FLOAT, GL_FALSE, sizeof(LineVertex), offsetof(LineVertex, style));
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices);
    glBindVertexArray(0);
    return vao;
}

glm::dvec3 unit(double lon, double lat) {
    const double l = glm::radians(lon), p = glm::radians(lat);
    return {std::cos(p) * std::cos(l), std::cos(p) * std::sin(l), std::sin(p)};
}

}  // namespace

// [SECTION] setup ------------------------------------------------------------------------------
void MapRenderer::init() {
    shutdown();
    const gl::ProgramSource sources[4] = {{shader_map_vert, shader_map_frag}, {shader_plain_vert, shader_plain_frag},
                                          {shader_line_vert, shader_line_frag}, {shader_marker_vert, shader_marker_frag}};
    gl::start_programs(sources, 4, pending_);
    fill_program_ = pending_.programs[0];
    plain_program_ = pending_.programs[1];
    line_program_ = pending_.programs[2];
    marker_program_ = pending_.programs[3];

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

    const glm::vec2* quad = kCorners;  // marker corners (along, across), drawn as a strip
    glGenBuffers(1, &quad_);
    glBindBuffer(GL_ARRAY_BUFFER, quad_);
    glBufferData(GL_ARRAY_BUFFER, sizeof kCorners, quad, GL_STATIC_DRAW);

    glGenBuffers(1, &arc_buffer_);
    glGenBuffers(1, &arc_indices_);
    arc_vao_ = line_vao(arc_buffer_, arc_indices_);

    glGenBuffers(1, &marker_buffer_);
    glGenVertexArrays(1, &marker_vao_);
    glBindVertexArray(marker_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, quad_);  // reused: corners mapped to -1..1 in the shader below
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, marker_buffer_);
    instanced_attrib(1, 3, GL_FLOAT, GL_FALSE, sizeof(MarkerInstance), offsetof(MarkerInstance, marker));
    instanced_attrib(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(MarkerInstance), offsetof(MarkerInstance, color));
    glBindVertexArray(0);
}

bool MapRenderer::finish_init(std::string& error) {
    if (!pending_.pending()) return fill_program_ != 0;
    if (gl::finish_programs(pending_, error)) return true;
    fill_program_ = plain_program_ = line_program_ = marker_program_ = 0;  // deleted with the failure
    shutdown();
    return false;
}

// [SECTION] levels of detail ----------------------------------------------------------------------
int MapRenderer::add_level(const WorldMap& map, std::string& error) {
    if (!fill_program_) { error = "renderer not initialised"; return -1; }
    Level L;
    L.lakes = map.lakes;
    std::vector<float> ids(map.vertices.size(), 0.0f);  // per-vertex country index (exact as float)
    for (const MapPolygon& p : map.polygons)
        for (uint32_t r = p.first_ring; r < p.first_ring + p.ring_count; ++r)
            for (uint32_t i = map.rings[r].first; i < map.rings[r].first + map.rings[r].count; ++i) ids[i] = float(p.country);

    glGenBuffers(1, &L.positions);
    glBindBuffer(GL_ARRAY_BUFFER, L.positions);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(map.vertices.size() * sizeof(glm::vec2)), map.vertices.data(), GL_STATIC_DRAW);
    glGenBuffers(1, &L.country_ids);
    glBindBuffer(GL_ARRAY_BUFFER, L.country_ids);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(ids.size() * sizeof(float)), ids.data(), GL_STATIC_DRAW);
    glGenVertexArrays(1, &L.fill_vao);
    glBindVertexArray(L.fill_vao);
    glBindBuffer(GL_ARRAY_BUFFER, L.positions);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, L.country_ids);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 0, nullptr);
    glGenBuffers(1, &L.fill_indices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, L.fill_indices);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(map.indices.size() * sizeof(uint32_t)), map.indices.data(), GL_STATIC_DRAW);
    L.fill_count = GLsizei(map.indices.size());
    glBindVertexArray(0);

    // border segments as quads (colour and width come from constant attributes)
    const size_t nseg = map.border_indices.size() / 2;
    std::vector<BorderVertex> quads;
    quads.reserve(nseg * 4);
    for (size_t i = 0; i < nseg; ++i) {
        const glm::vec4 seg(map.vertices[map.border_indices[2 * i]], map.vertices[map.border_indices[2 * i + 1]]);
        for (const glm::vec2& c : kCorners) quads.push_back({c, seg});
    }
    const std::vector<uint32_t> idx = quad_indices(nseg);
    glGenBuffers(1, &L.segments);
    glBindBuffer(GL_ARRAY_BUFFER, L.segments);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(quads.size() * sizeof(BorderVertex)), quads.data(), GL_STATIC_DRAW);
    glGenBuffers(1, &L.segment_indices);
    glGenVertexArrays(1, &L.border_vao);
    glBindVertexArray(L.border_vao);
    float_attrib(0, 2, GL_FLOAT, GL_FALSE, sizeof(BorderVertex), offsetof(BorderVertex, corner));
    float_attrib(1, 4, GL_FLOAT, GL_FALSE, sizeof(BorderVertex), offsetof(BorderVertex, segment));
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, L.segment_indices);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(idx.size() * sizeof(uint32_t)), idx.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
    L.segment_count = GLsizei(idx.size());

    glGenTextures(1, &L.palette);
    glBindTexture(GL_TEXTURE_2D, L.palette);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    L.palette_width = GLsizei(std::max<size_t>(map.countries.size(), 1));
    std::vector<glm::u8vec4> grey(size_t(L.palette_width), glm::u8vec4(200, 200, 200, 255));
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, L.palette_width, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, grey.data());
    levels_.push_back(L);
    return int(levels_.size()) - 1;
}

void MapRenderer::set_colors(int level, const std::vector<glm::u8vec4>& colors) {
    if (level < 0 || level >= int(levels_.size())) return;
    const Level& L = levels_[size_t(level)];
    if (colors.size() < size_t(L.palette_width)) return;
    glBindTexture(GL_TEXTURE_2D, L.palette);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, L.palette_width, 1, GL_RGBA, GL_UNSIGNED_BYTE, colors.data());
}

// [SECTION] arcs and markers --------------------------------------------------------------------
void MapRenderer::set_arcs(const std::vector<ArcSpec>& arcs) {
    std::vector<LineVertex> verts;
    for (const ArcSpec& arc : arcs) {
        const glm::dvec3 a = unit(arc.from_lon, arc.from_lat), b = unit(arc.to_lon, arc.to_lat);
        const double omega = std::acos(std::clamp(glm::dot(a, b), -1.0, 1.0));
        if (omega < 1e-6) continue;
        const int kSteps = std::clamp(int(glm::degrees(omega) / 2.5), 8, 64);  // one step per 2.5°
        glm::dvec2 prev_ll{arc.from_lon, arc.from_lat};
        glm::vec2 prev = glm::vec2(equal_earth(prev_ll.x, prev_ll.y));
        for (int i = 1; i <= kSteps; ++i) {
            const double t = double(i) / kSteps;
            const glm::dvec3 p = (std::sin((1 - t) * omega) * a + std::sin(t * omega) * b) / std::sin(omega);
            const double lon = glm::degrees(std::atan2(p.y, p.x)), lat = glm::degrees(std::asin(std::clamp(p.z, -1.0, 1.0)));
            const glm::vec2 cur = glm::vec2(equal_earth(lon, lat));
            if (std::fabs(lon - prev_ll.x) < 180)  // a step across the antimeridian is not drawn
                for (const glm::vec2& c : kCorners)
                    verts.push_back({c, glm::vec4(prev, cur), arc.color, glm::vec3(arc.width_px, float(t - 1.0 / kSteps), float(t))});
            prev = cur;
            prev_ll = {lon, lat};
        }
    }
    const std::vector<uint32_t> idx = quad_indices(verts.size() / 4);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, arc_buffer_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(verts.size() * sizeof(LineVertex)), verts.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, arc_indices_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(idx.size() * sizeof(uint32_t)), idx.data(), GL_DYNAMIC_DRAW);
    arc_count_ = GLsizei(idx.size());
}

void MapRenderer::set_markers(const std::vector<MarkerSpec>& markers) {
    std::vector<MarkerInstance> inst;
    inst.reserve(markers.size());
    for (const MarkerSpec& m : markers) inst.push_back({glm::vec3(m.projected, m.radius_px), m.color});
    glBindBuffer(GL_ARRAY_BUFFER, marker_buffer_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(inst.size() * sizeof(MarkerInstance)), inst.data(), GL_DYNAMIC_DRAW);
    marker_count_ = GLsizei(inst.size());
}

// [SECTION] drawing ------------------------------------------------------------------------------
void MapRenderer::set_view_uniforms(GLuint program, const MapCamera& view, glm::ivec2 fb, const ScreenRect& area) {
    const double k = view.pixels_per_unit(area);
    const glm::vec2 center(view.center), scale(float(2 * k / fb.x), float(2 * k / fb.y));
    const glm::vec2 offset(float(2 * area.center().x / fb.x - 1), float(1 - 2 * area.center().y / fb.y));
    glUseProgram(program);
    glUniform2fv(glGetUniformLocation(program, "u_center"), 1, glm::value_ptr(center));
    glUniform2fv(glGetUniformLocation(program, "u_scale"), 1, glm::value_ptr(scale));
    glUniform2fv(glGetUniformLocation(program, "u_offset"), 1, glm::value_ptr(offset));
    const GLint vp = glGetUniformLocation(program, "u_viewport");
    if (vp >= 0) glUniform2f(vp, float(fb.x), float(fb.y));
}

void MapRenderer::draw(int level, const MapCamera& view, glm::ivec2 fb, const ScreenRect& area, int hovered,
                       const MapStyle& style, float px_ratio) {
    glViewport(0, 0, fb.x, fb.y);
    glClearColor(style.background.r, style.background.g, style.background.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!ready() || level < 0 || level >= int(levels_.size())) return;
    const Level& L = levels_[size_t(level)];
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);

    // 1. the globe (ocean)
    set_view_uniforms(plain_program_, view, fb, area);
    glUniform4fv(glGetUniformLocation(plain_program_, "u_color"), 1, glm::value_ptr(style.ocean));
    glBindVertexArray(globe_vao_);
    glDrawArrays(GL_TRIANGLE_FAN, 0, globe_count_);

    // 2. country fills and lakes, coloured from the palette
    set_view_uniforms(fill_program_, view, fb, area);
    glUniform1f(glGetUniformLocation(fill_program_, "u_hover"), float(hovered));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, L.palette);
    glUniform1i(glGetUniformLocation(fill_program_, "u_colors"), 0);
    glBindVertexArray(L.fill_vao);
    glDrawElements(GL_TRIANGLES, L.fill_count, GL_UNSIGNED_INT, nullptr);

    // 3. borders: constant pixel width, anti-aliased (each shared edge once)
    set_view_uniforms(line_program_, view, fb, area);
    glUniform1f(glGetUniformLocation(line_program_, "u_gradient"), 0.0f);
    glBindVertexArray(L.border_vao);
    glVertexAttrib4f(2, style.border.r, style.border.g, style.border.b, style.border.a);
    glVertexAttrib3f(3, style.border_px * px_ratio, 0.0f, 1.0f);
    glDrawElements(GL_TRIANGLES, L.segment_count, GL_UNSIGNED_INT, nullptr);

    // 4. supply arcs, fading in toward where they deliver
    if (arc_count_ > 0) {
        glUniform1f(glGetUniformLocation(line_program_, "u_gradient"), 1.0f);
        glBindVertexArray(arc_vao_);
        glDrawElements(GL_TRIANGLES, arc_count_, GL_UNSIGNED_INT, nullptr);
    }

    // 5. markers for small countries
    if (marker_count_ > 0) {
        set_view_uniforms(marker_program_, view, fb, area);
        glBindVertexArray(marker_vao_);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, marker_count_);
    }
    glBindVertexArray(0);
}

void MapRenderer::forget() {
    levels_.clear();
    pending_ = {};
    fill_program_ = plain_program_ = line_program_ = marker_program_ = 0;
    globe_vao_ = globe_positions_ = quad_ = arc_vao_ = arc_buffer_ = arc_indices_ = marker_vao_ = marker_buffer_ = 0;
    arc_count_ = marker_count_ = globe_count_ = 0;
}

void MapRenderer::shutdown() {
    for (Level& L : levels_) {
        for (GLuint* b : {&L.positions, &L.country_ids, &L.fill_indices, &L.segments, &L.segment_indices})
            if (*b) glDeleteBuffers(1, b);
        for (GLuint* v : {&L.fill_vao, &L.border_vao})
            if (*v) glDeleteVertexArrays(1, v);
        if (L.palette) glDeleteTextures(1, &L.palette);
    }
    for (GLuint* b : {&globe_positions_, &quad_, &arc_buffer_, &arc_indices_, &marker_buffer_})
        if (*b) glDeleteBuffers(1, b);
    for (GLuint* v : {&globe_vao_, &arc_vao_, &marker_vao_})
        if (*v) glDeleteVertexArrays(1, v);
    for (GLuint* p : {&fill_program_, &plain_program_, &line_program_, &marker_program_})
        if (*p) glDeleteProgram(*p);
    for (GLuint sh : pending_.shaders) glDeleteShader(sh);
    forget();
}

}  // namespace techmap
