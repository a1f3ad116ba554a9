// text_wrap.h — where a text's lines break when it wraps to a width: at spaces (and newlines)
// only, so that a figure such as "10.9%" or a name such as "EUV lithography" never splits
// inside itself (ImGui's own wrapping may break after a full stop or a comma). The width of a
// piece of text comes from the caller (the UI's font), so this is tested natively.
#pragma once
#include <functional>
#include <string_view>
#include <vector>

namespace techmap {

// The lines of `text` wrapped to `width`; `measure` gives the width of a piece of text. A word
// wider than the line stays whole on a line of its own. Spaces at a break are dropped.
std::vector<std::string_view> wrap_at_spaces(std::string_view text, float width,
                                             const std::function<float(std::string_view)>& measure);

}  // namespace techmap
