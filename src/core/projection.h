// projection.h — the Equal Earth projection (Šavrič, Patterson & Jenny, 2018): an equal-area
// world projection fit for thematic maps. Shared by drawing, picking and labels.
// Projected units: x in about [-2.7066, 2.7066], y in about [-1.3173, 1.3173] (north up).
#pragma once
#include <glm/vec2.hpp>

namespace techmap {

glm::dvec2 equal_earth(double lon_deg, double lat_deg);
// Inverse; returns false when the point lies outside the projected world.
bool equal_earth_inverse(glm::dvec2 xy, double& lon_deg, double& lat_deg);
constexpr double kEqualEarthMaxX = 2.7066299836960748;
constexpr double kEqualEarthMaxY = 1.3173627591574133;

}  // namespace techmap
