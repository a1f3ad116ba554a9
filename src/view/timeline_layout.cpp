// timeline_layout.cpp — see timeline_layout.h: the strip's rows, and which lanes fold to fit.
#include "view/timeline_layout.h"

#include <algorithm>

namespace techmap {

void remember_lane_choice(std::vector<LaneChoice>& choices, int issuer, bool open) {
    choices.erase(std::remove_if(choices.begin(), choices.end(), [&](const LaneChoice& c) { return c.issuer == issuer; }),
                  choices.end());
    choices.push_back({issuer, open});
}

TimelineLayout timeline_layout(const std::vector<MeasureLane>& lanes, size_t measure_count, int max_rows,
                               const std::vector<LaneChoice>& choices) {
    TimelineLayout t;
    t.row_of.assign(measure_count, -1);
    // the user's latest choice per lane: its place in `choices` (-1: none)
    auto choice_of = [&](int issuer) {
        for (size_t i = choices.size(); i-- > 0;)
            if (choices[i].issuer == issuer) return int(i);
        return -1;
    };
    int total = 0;
    for (const MeasureLane& l : lanes) {
        TimelineLayout::Lane lane;
        lane.issuer = l.issuer;
        lane.measures = int(l.measures.size());
        lane.foldable = lane.measures > 1;
        const int c = choice_of(l.issuer);
        lane.folded = lane.foldable && c >= 0 && !choices[size_t(c)].open;
        total += lane.folded ? 1 : lane.measures;
        t.lanes.push_back(lane);
    }
    // fold until the rows fit: the lanes left alone, largest first; then those unfolded by the
    // user, the earliest choice first; never the lane unfolded last
    std::vector<size_t> order;
    for (size_t i = 0; i < t.lanes.size(); ++i)
        if (t.lanes[i].foldable && !t.lanes[i].folded) order.push_back(i);
    const int last_open = !choices.empty() && choices.back().open ? choices.back().issuer : -2;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const int ca = choice_of(t.lanes[a].issuer), cb = choice_of(t.lanes[b].issuer);
        if ((ca < 0) != (cb < 0)) return ca < 0;                   // left alone first
        if (ca < 0) return t.lanes[a].measures > t.lanes[b].measures;  // the largest first
        return ca < cb;                                            // the earliest choice first
    });
    for (size_t i : order) {
        if (total <= max_rows) break;
        TimelineLayout::Lane& lane = t.lanes[i];
        if (lane.issuer == last_open) continue;
        lane.folded = true;
        total -= lane.measures - 1;
    }
    // the rows, top to bottom
    int row = 0;
    for (size_t i = 0; i < t.lanes.size(); ++i) {
        TimelineLayout::Lane& lane = t.lanes[i];
        lane.first_row = row;
        lane.rows = lane.folded ? 1 : lane.measures;
        for (size_t j = 0; j < lanes[i].measures.size(); ++j) {
            const size_t me = size_t(lanes[i].measures[j]);
            if (me < measure_count) t.row_of[me] = row + (lane.folded ? 0 : int(j));
        }
        row += lane.rows;
    }
    t.rows = row;
    return t;
}

}  // namespace techmap
