// Text wraps at spaces only: "10.9%" and other figures never break inside themselves.
#include <doctest/doctest.h>

#include <string>

#include "view/text_wrap.h"

using namespace techmap;

namespace {
// every character 1 unit wide
float mono(std::string_view t) { return float(t.size()); }
}  // namespace

TEST_CASE("wrapping breaks at spaces only, never inside a figure") {
    // ImGui's own wrapping put "10." and "9%" on two lines: here the figure moves whole
    const auto lines = wrap_at_spaces("China buys 10.9% of it", 14, mono);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "China buys");
    CHECK(lines[1] == "10.9% of it");
    for (std::string_view l : lines) CHECK((l.find("10.") == std::string_view::npos || l.find("10.9%") != std::string_view::npos));
}

TEST_CASE("wrapping: newlines, a word wider than the line, spaces at breaks, empty text") {
    CHECK(wrap_at_spaces("", 10, mono).empty());
    const auto a = wrap_at_spaces("one\ntwo three", 20, mono);
    REQUIRE(a.size() == 2);
    CHECK(a[0] == "one");
    CHECK(a[1] == "two three");
    const auto b = wrap_at_spaces("a verylongwordindeed b", 5, mono);
    REQUIRE(b.size() == 3);
    CHECK(b[1] == "verylongwordindeed");  // whole, on a line of its own
    const auto c = wrap_at_spaces("aa   bb", 3, mono);
    REQUIRE(c.size() == 2);
    CHECK(c[0] == "aa");
    CHECK(c[1] == "bb");
    // every character of the text is on some line or a dropped space
    std::string joined;
    for (auto l : wrap_at_spaces("The alliance controls 56 of the 113 inputs with data", 12, mono)) joined += std::string(l) + " ";
    CHECK(joined == "The alliance controls 56 of the 113 inputs with data ");
}
