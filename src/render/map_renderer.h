// map_renderer.h — draws the world map: the globe (ocean), country fills coloured per country
// from a palette texture, lakes, anti-aliased borders of constant pixel width, great-circle
// supply arcs and round markers for small countries. Six draw calls per frame.
// Reads WorldMaps and what the caller asks to show; computes no figure, writes no model state.
//
//   MapRenderer r;  r.init(err);
//   int lod = r.add_level(world110, err);          // one level of detail per map asset
//   r.set_colors(lod, colours);                    // one RGBA per WorldMap country
//   r.set_arcs({...});  r.set_markers({...});
//   r.draw(lod, view, framebuffer, area, hovered, style);
//   After a WebGL context loss: r.forget(); then init() and add_level() again.
#pragma once
#include <GLES3/gl3.h>

#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "core/map_camera.h"
#include "core/world_map.h"
#include "render/gl_util.h"
#include "view/map_content.h"

namespace techmap {

struct MapStyle {
    glm::vec4 background{0.11f, 0.13f, 0.16f, 1.0f};  // outside the globe
    glm::vec4 ocean{0.80f, 0.87f, 0.93f, 1.0f};
    glm::vec4 border{0.22f, 0.24f, 0.28f, 0.75f};
    float border_px = 0.8f;                            // CSS pixels
};

class MapRenderer {
public:
    // Creates the GL objects and queues the programs' compile and link (no wait on the GPU);
    // finish_init() waits for them, before the first draw: false with `error` when they failed.
    void init();
    bool finish_init(std::string& error);
    bool init_pending() const { return pending_.pending(); }
    int add_level(const WorldMap& map, std::string& error);  // -1 on failure
    int levels() const { return int(levels_.size()); }
    void set_colors(int level, const std::vector<glm::u8vec4>& colors);
    void set_arcs(const std::vector<ArcSpec>& arcs);
    void set_markers(const std::vector<MarkerSpec>& markers);
    // `area` is where the map is fitted, in framebuffer pixels; `px_ratio` = framebuffer / CSS px.
    void draw(int level, const MapCamera& view, glm::ivec2 framebuffer, const ScreenRect& area, int hovered_country,
              const MapStyle& style, float px_ratio);
    bool ready() const { return fill_program_ != 0 && !levels_.empty(); }
    void shutdown();   // deletes every GL object
    void forget();     // after a context loss: the objects are gone already; drop the names

private:
    struct Level {
        GLuint positions = 0, country_ids = 0, fill_indices = 0, segments = 0, segment_indices = 0, palette = 0;
        GLuint fill_vao = 0, border_vao = 0;
        GLsizei fill_count = 0, segment_count = 0, palette_width = 0;
        int lakes = -1;
    };
    std::vector<Level> levels_;
    GLuint fill_program_ = 0, plain_program_ = 0, line_program_ = 0, marker_program_ = 0;
    gl::PendingPrograms pending_;  // the four above, until finish_init
    GLuint globe_vao_ = 0, globe_positions_ = 0, quad_ = 0;
    GLsizei globe_count_ = 0;
    GLuint arc_vao_ = 0, arc_buffer_ = 0, arc_indices_ = 0, marker_vao_ = 0, marker_buffer_ = 0;
    GLsizei arc_count_ = 0, marker_count_ = 0;
    void set_view_uniforms(GLuint program, const MapCamera& view, glm::ivec2 fb, const ScreenRect& area);
};

}  // namespace techmap
