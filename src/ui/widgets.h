// widgets.h — the small widgets every window of the UI uses: named rectangles for the page and
// tests, wrapping bullets and help markers, touch-sized buttons, a searchable country list and
// the range bar of the ranked lists. Internal to src/ui.
#pragma once
#include <imgui.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset.h"
#include "core/figures.h"
#include "core/text.h"
#include "ui/ui.h"
#include "view/theme.h"

namespace techmap {

// A theme colour (view/theme.h) as ImGui takes it.
inline ImVec4 im_color(theme::Rgba c) { return ImVec4(c.r, c.g, c.b, c.a); }

// Remembers the last item's (or the current window's) screen rectangle under `name` (and
// whether it has keyboard focus), so that the page and tests find controls by name.
// The plain headline of `node` (core/headline.h), made again only when the model changed.
const PlainHeadline& headline_of(const Model& m, UiState& ui, int node);

void remember(UiState& ui, const char* name);
void remember_window(UiState& ui, const char* name);
// Remembers the words of the last item under `name` (see UiState::texts).
void remember_text(UiState& ui, const char* name, const std::string& text);

// Does `text` contain `needle`, ignoring case? Empty matches all.
bool contains_text(const std::string& text, const char* needle);

// Continues on the same line if a button labelled `next` fits there, else starts a new line.
void same_line_if_fits(const char* next);

// A compact button; on touch screens a full-height one (44 px targets).
bool small_button(const UiState& ui, const char* label);

// A "(?)" with a tooltip: beside the last control if it fits there, else on a line of its own.
void help_marker(const char* text);

// A bullet whose text wraps inside the panel (BulletText would run past its edge), at spaces only.
void bullet(const char* fmt, ...) IM_FMTARGS(1);

// A bullet whose text ends in "(?)" and whose tooltip is the glossary's entry for `term`.
void bullet_term(const char* term, const char* fmt, ...) IM_FMTARGS(2);

// Text wrapped at spaces only (never inside "10.9%"), to `width` (0: the space left on the line).
void wrapped(const char* text, float width = 0);

// The longest start of `text` that fits `width` on one line, cut at a space and ended with "…"
// (the whole text when it fits).
std::string fit_line(const std::string& text, float width);

// The same, in the muted colour of secondary text (ImGui's TextDisabled, which does not wrap).
void muted_wrapped(const char* text, float width = 0);

// A "(?)" whose tooltip is the glossary's entry for `term` (nothing if the glossary lacks it).
void glossary_marker(const char* term);

// A bar for a share range: solid to the lower bound, pale to the upper (what unknown shares allow).
void range_bar(const Range& r, float width);

// Inside an open combo, first: a search field across the list, emptied and (except on phones,
// where a keyboard would cover the list) focused when the list opens, and focused again after a
// pick that cleared it (`refocus`). Returns true when the list has just opened.
bool search_field(UiState& ui, char* buf, size_t size, const char* field_id, const char* hint, bool refocus = false);

// The data's version in words: "countries and groupings of Dec 2026, chip supply chain (ETO) of Aug 2026, ..."
std::string data_version_words(const std::string& version);

// Inside an open combo: a search field (focused on opening, except on phones where a keyboard
// would cover the list) and every country whose name or code matches, drawn by `row` (which
// returns false to skip one); the first row's rectangle is remembered as `first_item`.
template <class Row>
void country_search(UiState& ui, const Dataset& ds, char* buf, size_t size, const char* field_id, const char* first_item, Row row) {
    search_field(ui, buf, size, field_id, "search", ui.search_refocus);  // after a pick: type the next country at once
    ui.search_refocus = false;
    // with a query: names that start with it first, then a word that does, then the rest; within
    // each, countries with shares in the data before those without; then by name (match_rank)
    std::vector<int> order;
    if (buf[0]) {
        std::vector<uint8_t> has_data(ds.countries.size(), 0);
        for (const Domain& d : ds.domains)
            for (const Node& n : d.nodes)
                for (const ShareRow& r : n.shares)
                    if (r.country >= 0) has_data[size_t(r.country)] = 1;
        std::vector<std::pair<int, int>> ranked;  // (key, country), stable over the by-name order
        for (int c : ds.countries_by_name) {
            const Country& k = ds.countries[size_t(c)];
            int rank = match_rank(k.name, buf);
            if (match_rank(k.id, buf) == 0 && (rank < 0 || rank > 0)) rank = 0;  // "NLD"
            if (rank >= 0) ranked.push_back({rank * 2 + (has_data[size_t(c)] ? 0 : 1), c});
        }
        std::stable_sort(ranked.begin(), ranked.end(), [](const std::pair<int, int>& a, const std::pair<int, int>& b) { return a.first < b.first; });
        for (const auto& r : ranked) order.push_back(r.second);
    }
    bool first = true;
    for (int c : buf[0] ? order : ds.countries_by_name) {
        if (!row(c)) continue;
        if (first) {
            remember(ui, first_item);
            remember_text(ui, first_item, ds.countries[size_t(c)].id);
        }
        first = false;
    }
}

}  // namespace techmap
