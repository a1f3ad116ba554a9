// timeline.h — the timeline's parts, internal to src/ui. The window (timeline_window.cpp) holds
// the date and its controls, the choices of what is denied and the explanation of a measure; the
// strip under them (timeline_strip.cpp) draws the lanes of measures, their legend and the date's
// cursor; both say a measure in the words of timeline_words.cpp.
#pragma once
#include <string>
#include <vector>

#include "core/model.h"
#include "ui/ui.h"

namespace techmap {

inline constexpr int kTimelineStart = 20190101;

// Moves the scenario to a date picked on the timeline (0: today), read with the controls in force
// on it (as Play does): the upper bound, everything members make, would look the same on every date.
void timeline_go_to(Model& m, int date);

// [SECTION] a measure in words (timeline_words.cpp)
const char* measure_state_words(MeasureState st);
// "a ban", "a licence requirement", "an agreement", "aims at firms"
const char* measure_kind_words(MeasureKind k);
// Its dates, told against today: "announced 7 Oct 2022, in force 7 Oct 2022, suspended ..."
std::string measure_dates_words(const Measure& me);
// What the timeline shows on hover and keyboard focus: its name, issuer and kind, its dates and its
// state on `date` (lines separated by '\n').
std::string measure_label(const Dataset& ds, const Measure& me, int date);
// The explanation under the strip: who, against whom, when, what kind, what it covers and why the
// app maps it so, its state on the scenario's date, and its sources.
void measure_explanation(const Model& m, const Measure& me);

// [SECTION] the strip (timeline_strip.cpp)
// The lanes (one per issuer, a row per measure or a lane folded to one row), the year ticks, the
// date's cursor and the legend, at the cursor's place, at most `max_height` tall (lanes fold to
// fit). A click on a measure's mark (or Enter on it) explains it; a click or drag elsewhere moves
// the date. `lanes` are measure_lanes(ds), computed once per data revision.
void timeline_strip(Model& m, UiState& ui, const std::vector<MeasureLane>& lanes, float max_height);

}  // namespace techmap
