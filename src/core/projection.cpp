#include "core/projection.h"

#include <cmath>

namespace techmap {
namespace {
constexpr double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
constexpr double kPi = 3.14159265358979323846;
const double M = std::sqrt(3.0) / 2.0;
}  // namespace

glm::dvec2 equal_earth(double lon_deg, double lat_deg) {
    const double lam = lon_deg * kPi / 180.0, phi = lat_deg * kPi / 180.0;
    const double t = std::asin(M * std::sin(phi));
    const double t2 = t * t, t6 = t2 * t2 * t2;
    const double x = lam * std::cos(t) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
    const double y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    return {x, y};
}

bool equal_earth_inverse(glm::dvec2 xy, double& lon_deg, double& lat_deg) {
    double t = xy.y;  // Newton on y(t)
    for (int i = 0; i < 12; ++i) {
        const double t2 = t * t, t6 = t2 * t2 * t2;
        const double fy = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - xy.y;
        const double fpy = A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
        const double d = fy / fpy;
        t -= d;
        if (std::fabs(d) < 1e-12) break;
    }
    const double s = std::sin(t) / M;
    if (std::fabs(s) > 1.0) return false;
    const double t2 = t * t, t6 = t2 * t2 * t2;
    const double lam = M * xy.x * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)) / std::cos(t);
    if (std::fabs(lam) > kPi + 1e-9) return false;
    lon_deg = lam * 180.0 / kPi;
    lat_deg = std::asin(s) * 180.0 / kPi;
    return true;
}

}  // namespace techmap
