// map_camera.h — where the map camera looks, and the conversions between screen pixels and
// projected map units. Plain math shared by drawing, picking and (later) the URL state.
#pragma once
#include <algorithm>
#include <cmath>

#include <glm/vec2.hpp>

#include "core/projection.h"

namespace techmap {

// The part of the canvas the map is fitted into (pixels, origin top-left): the whole canvas, or
// what a docked panel leaves free.
struct ScreenRect {
    double x = 0, y = 0, w = 1, h = 1;
    glm::dvec2 center() const { return {x + w / 2, y + h / 2}; }
};

struct MapCamera {
    glm::dvec2 center{0.0, 0.0};  // projected point at the middle of the viewport
    double zoom = 1.0;            // 1 = the whole world fits the viewport
    static constexpr double kMinZoom = 1.0, kMaxZoom = 40.0;

    // Pixels per projected unit when the map is fitted into `area`.
    double pixels_per_unit(const ScreenRect& area) const {
        const double fit = std::min(area.w / (2 * kEqualEarthMaxX * 1.04), area.h / (2 * kEqualEarthMaxY * 1.08));
        return fit * zoom;
    }
    glm::dvec2 screen_to_map(glm::dvec2 px, const ScreenRect& area) const {
        const double k = pixels_per_unit(area);
        const glm::dvec2 c = area.center();
        return {center.x + (px.x - c.x) / k, center.y - (px.y - c.y) / k};
    }
    glm::dvec2 map_to_screen(glm::dvec2 p, const ScreenRect& area) const {
        const double k = pixels_per_unit(area);
        const glm::dvec2 c = area.center();
        return {c.x + (p.x - center.x) * k, c.y - (p.y - center.y) * k};
    }
    // Keep the world on screen: zoom within limits, centre inside the world's bounds.
    void clamp() {
        if (!std::isfinite(zoom)) zoom = 1;
        zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
        if (!std::isfinite(center.x) || !std::isfinite(center.y)) center = {0, 0};
        center.x = std::clamp(center.x, -kEqualEarthMaxX, kEqualEarthMaxX);
        center.y = std::clamp(center.y, -kEqualEarthMaxY, kEqualEarthMaxY);
    }
    void pan_pixels(glm::dvec2 delta_px, const ScreenRect& area) {
        const double k = pixels_per_unit(area);
        center.x -= delta_px.x / k;
        center.y += delta_px.y / k;
        clamp();
    }
    // Zoom by `factor` keeping the map point under `px` where it is.
    void zoom_at(double factor, glm::dvec2 px, const ScreenRect& area) {
        const glm::dvec2 before = screen_to_map(px, area);
        zoom *= factor;
        clamp();
        const glm::dvec2 after = screen_to_map(px, area);
        center += before - after;
        clamp();
    }
};

}  // namespace techmap
