// The timeline's rows: one per measure in its issuer's lane, lanes folded to one row only when
// the strip would not fit, the user's choices kept; and the real data's lanes.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "../core/helpers.h"
#include "view/timeline_layout.h"

using namespace techmap;
using namespace techmap::test;

namespace {
// three issuers (0, 1, 2) with 4, 1 and 3 measures: 8 measures, numbered as in a dataset
std::vector<MeasureLane> three_lanes() { return {{0, {0, 1, 2, 3}}, {1, {4}}, {2, {5, 6, 7}}}; }

// every measure of a lane that is not folded has a row of its own, and the lanes do not share rows
void check_rows(const std::vector<MeasureLane>& lanes, const TimelineLayout& t) {
    std::set<int> used;
    for (size_t l = 0; l < lanes.size(); ++l) {
        std::set<int> own;
        for (int me : lanes[l].measures) {
            const int r = t.row_of[size_t(me)];
            CHECK(r >= t.lanes[l].first_row);
            CHECK(r < t.lanes[l].first_row + t.lanes[l].rows);
            own.insert(r);
        }
        CHECK(int(own.size()) == (t.lanes[l].folded ? 1 : int(lanes[l].measures.size())));
        for (int r : own) CHECK(used.insert(r).second);
    }
    CHECK(int(used.size()) == t.rows);
}
}  // namespace

TEST_CASE("timeline: one row per measure when they fit, in lane order") {
    const auto lanes = three_lanes();
    const TimelineLayout t = timeline_layout(lanes, 8, 8, {});
    CHECK(t.rows == 8);
    for (const auto& l : t.lanes) CHECK_FALSE(l.folded);
    CHECK(t.lanes[0].foldable);
    CHECK_FALSE(t.lanes[1].foldable);  // one measure: nothing to fold
    CHECK(t.row_of == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7});
    check_rows(lanes, t);
}

TEST_CASE("timeline: too many rows fold the largest lane first, then the next, until they fit") {
    const auto lanes = three_lanes();
    // 8 rows in 6: folding lane 0 (4 -> 1) leaves 5
    TimelineLayout t = timeline_layout(lanes, 8, 6, {});
    CHECK(t.lanes[0].folded);
    CHECK_FALSE(t.lanes[2].folded);
    CHECK(t.rows == 5);
    CHECK(t.row_of[0] == 0);
    CHECK(t.row_of[3] == 0);  // a folded lane's measures share its row
    CHECK(t.row_of[4] == 1);
    CHECK(t.row_of[7] == 4);
    check_rows(lanes, t);
    // in 3: both lanes fold (1 + 1 + 1)
    t = timeline_layout(lanes, 8, 3, {});
    CHECK(t.lanes[0].folded);
    CHECK(t.lanes[2].folded);
    CHECK(t.rows == 3);
    check_rows(lanes, t);
}

TEST_CASE("timeline: the user's choices: a lane unfolded last stays so, a folded one stays folded") {
    const auto lanes = three_lanes();
    std::vector<LaneChoice> choices;
    // the user unfolds lane 0 in 6 rows: lane 2 folds instead (4 + 1 + 1)
    remember_lane_choice(choices, 0, true);
    TimelineLayout t = timeline_layout(lanes, 8, 6, choices);
    CHECK_FALSE(t.lanes[0].folded);
    CHECK(t.lanes[2].folded);
    CHECK(t.rows == 6);
    check_rows(lanes, t);
    // then lane 2: lane 0, unfolded earlier, folds to make room (1 + 1 + 3)
    remember_lane_choice(choices, 2, true);
    t = timeline_layout(lanes, 8, 6, choices);
    CHECK(t.lanes[0].folded);
    CHECK_FALSE(t.lanes[2].folded);
    CHECK(choices.size() == 2);
    check_rows(lanes, t);
    // the lane unfolded last stays unfolded even alone taller than the strip
    t = timeline_layout(lanes, 8, 2, choices);
    CHECK_FALSE(t.lanes[2].folded);
    CHECK(t.rows == 5);
    // a lane the user folded stays folded, even with room for all
    remember_lane_choice(choices, 2, false);
    CHECK(choices.size() == 2);
    t = timeline_layout(lanes, 8, 100, choices);
    CHECK(t.lanes[2].folded);
    CHECK_FALSE(t.lanes[0].folded);
    check_rows(lanes, t);
}

TEST_CASE("timeline: the real data's lanes hold every measure once, oldest first, one lane per issuer") {
    const Dataset& ds = default_dataset();
    const std::vector<MeasureLane> lanes = measure_lanes(ds);
    std::vector<int> seen(ds.measures.size(), 0);
    std::set<int> issuers;
    for (const MeasureLane& l : lanes) {
        CHECK(issuers.insert(l.issuer).second);
        for (size_t j = 0; j < l.measures.size(); ++j) {
            const Measure& me = ds.measures[size_t(l.measures[j])];
            CHECK(me.issuer == l.issuer);
            if (j) CHECK(ds.measures[size_t(l.measures[j - 1])].start() <= me.start());
            ++seen[size_t(l.measures[j])];
        }
    }
    CHECK(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
    // the three issuers the issue found on top of each other each have lanes of their own rows
    for (const char* iso : {"USA", "NLD", "CHN"}) CHECK(issuers.count(ds.find_country(iso)) == 1);
    const TimelineLayout t = timeline_layout(lanes, ds.measures.size(), int(ds.measures.size()), {});
    CHECK(t.rows == int(ds.measures.size()));
    check_rows(lanes, t);
}
