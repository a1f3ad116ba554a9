// text_wrap.cpp — see text_wrap.h.
#include "view/text_wrap.h"

namespace techmap {

std::vector<std::string_view> wrap_at_spaces(std::string_view text, float width,
                                             const std::function<float(std::string_view)>& measure) {
    std::vector<std::string_view> lines;
    size_t p = 0;
    while (p < text.size()) {
        const size_t line = p;
        size_t fit = std::string_view::npos;  // the end of the last word that fits
        size_t q = p;
        while (q < text.size() && text[q] != '\n') {
            size_t end = q;
            while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
            if (fit != std::string_view::npos && measure(text.substr(line, end - line)) > width) break;
            fit = end;
            q = end;
            while (q < text.size() && text[q] == ' ') ++q;
        }
        if (fit == std::string_view::npos) fit = q;
        lines.push_back(text.substr(line, fit - line));
        p = fit;
        while (p < text.size() && text[p] == ' ') ++p;
        if (p < text.size() && text[p] == '\n') ++p;
    }
    return lines;
}

}  // namespace techmap
