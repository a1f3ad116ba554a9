// map_renderer.h — draws the world map: the globe's outline (ocean), country fills coloured
// per country from a palette texture, and borders. Three draw calls. Reads the WorldMap and
// colours given by the caller; computes no figure and writes no model state.
#pragma once
#include <GLES3/gl3.h>

#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "core/map_view.h"
#include "core/world_map.h"

namespace techmap {

struct MapStyle {
    glm::vec4 background{0.11f, 0.13f, 0.16f, 1.0f};  // outside the globe
    glm::vec4 ocean{0.80f, 0.87f, 0.93f, 1.0f};
    glm::vec4 border{0.25f, 0.27f, 0.30f, 0.55f};
};

class MapRenderer {
public:
    bool init(const WorldMap& map, std::string& error);
    void shutdown();
    // One colour per WorldMap country (RGBA 0-255).
    void set_colors(const std::vector<glm::u8vec4>& colors);
    // `area` is where the map is fitted, in framebuffer pixels (origin top-left).
    void draw(const MapView& view, glm::ivec2 framebuffer, const ScreenRect& area, int hovered_country, const MapStyle& style);
    bool ready() const { return fill_program_ != 0; }

private:
    GLuint fill_program_ = 0, plain_program_ = 0;
    GLuint fill_vao_ = 0, border_vao_ = 0, globe_vao_ = 0;
    GLuint positions_ = 0, country_ids_ = 0, fill_indices_ = 0, border_indices_ = 0, globe_positions_ = 0;
    GLuint palette_ = 0;
    GLsizei fill_count_ = 0, border_count_ = 0, globe_count_ = 0, palette_width_ = 0;
};

}  // namespace techmap
