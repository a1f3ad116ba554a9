// glossary.h — the experts' words in plain ones, on demand: the app's headlines say who makes
// what; these entries explain the terms the panels still use (choke point, denial, HHI, ...),
// shown on hover or tap and listed in the Glossary window. Plain C++17, no GL, SDL or ImGui.
#pragma once
#include <string_view>
#include <vector>

namespace techmap {

struct GlossaryEntry {
    std::string_view term;        // as written in the app ("choke point")
    std::string_view definition;  // one or two plain sentences
};

// Every entry, in alphabetical order of terms.
const std::vector<GlossaryEntry>& glossary();

// The definition of a term (case-insensitive), or an empty view when the glossary lacks it.
std::string_view define(std::string_view term);

}  // namespace techmap
