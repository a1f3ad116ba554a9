// timeline_layout.h — which rows of the timeline's strip each measure takes: one row per measure
// within its issuer's lane, or, when the strip would grow taller than the screen allows, a lane
// folded to one row that shows its measures together (with their count, unfolded on a click).
// Pure layout in rows; the timeline (ui/timeline_strip.cpp) draws it with ImGui. No GL, no ImGui.
//
// How to use
//   lanes = measure_lanes(ds);                        // once per data revision (core/measures.h)
//   TimelineLayout t = timeline_layout(lanes, ds.measures.size(), max_rows, choices);
//   t.row_of[measure] -> its row, top to bottom; t.lanes[l].folded, .first_row, .rows
//
// Which lanes fold: none if every measure fits its own row in `max_rows`. Else a lane the user
// folded stays folded, and lanes are folded until the rows fit: first those the user left alone
// (the largest first), then those the user unfolded (the one unfolded longest ago first). The lane
// the user unfolded last stays unfolded, even if it alone is taller than `max_rows`.
#pragma once
#include <cstddef>
#include <vector>

#include "core/measures.h"

namespace techmap {

// The user's choice for one lane: unfolded (open) or folded. A list of them, most recent last,
// one per issuer at most (remember_lane_choice keeps it so).
struct LaneChoice {
    int issuer = -1;
    bool open = true;
};
void remember_lane_choice(std::vector<LaneChoice>& choices, int issuer, bool open);

struct TimelineLayout {
    struct Lane {
        int issuer = -1;
        bool foldable = false;  // more than one measure
        bool folded = false;    // its measures share one row
        int first_row = 0;
        int rows = 0;           // 1 when folded, else its number of measures
        int measures = 0;
    };
    std::vector<Lane> lanes;    // as measure_lanes gave them
    std::vector<int> row_of;    // per measure of the dataset: its row (-1: in no lane)
    int rows = 0;               // all the strip's rows
};

TimelineLayout timeline_layout(const std::vector<MeasureLane>& lanes, size_t measure_count, int max_rows,
                               const std::vector<LaneChoice>& choices);

}  // namespace techmap
