// png_export.cpp — reading the drawn frame back for the PNG export (see png_export.h).
#include "render/png_export.h"

#include <GLES3/gl3.h>

namespace techmap {

std::vector<uint8_t> read_frame_rgba(int width, int height) {
    if (width <= 0 || height <= 0) return {};
    std::vector<uint8_t> rgba(size_t(width) * size_t(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    return rgba;
}

}  // namespace techmap
