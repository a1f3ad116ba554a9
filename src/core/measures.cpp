// measures.cpp — dates, the state of a measure on a date, and what the measures in force do to
// one node for one side of a scenario (see measures.h).
#include "core/measures.h"

#include <algorithm>
#include <cstdio>

#include "core/dataset.h"
#include "core/figures.h"

namespace techmap {

// [SECTION] dates ---------------------------------------------------------------------------------
bool is_valid_date(int date) {
    const int y = date / 10000, m = date / 100 % 100, d = date % 100;
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

int parse_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return 0;
    int v = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        if (i == 4 || i == 7) continue;
        if (t[i] < '0' || t[i] > '9') return 0;
        v = v * 10 + (t[i] - '0');
    }
    return is_valid_date(v) ? v : 0;
}

std::string date_text(int date) {
    if (date <= 0) return "";
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", date / 10000 % 10000, date / 100 % 100, date % 100);
    return b;
}

const char* to_string(MeasureKind k) {
    switch (k) {
        case MeasureKind::Ban: return "ban";
        case MeasureKind::Licence: return "licence";
        case MeasureKind::Agreement: return "agreement";
    }
    return "?";
}

const char* to_string(MeasureState s) {
    switch (s) {
        case MeasureState::NotYet: return "not yet in force";
        case MeasureState::InForce: return "in force";
        case MeasureState::Suspended: return "suspended";
        case MeasureState::Ended: return "ended";
        case MeasureState::Unknown: return "status unknown";
    }
    return "?";
}

// [SECTION] one measure ----------------------------------------------------------------------------
MeasureState Measure::state_on(int date) const {
    const int start = in_force ? in_force : announced;
    if (!start || date < start) return MeasureState::NotYet;
    if (ended && date >= ended) return MeasureState::Ended;
    for (const Window& w : suspended)
        if (date >= w.from && date <= w.until) return MeasureState::Suspended;
    if (unknown_from && date >= unknown_from) return MeasureState::Unknown;
    return MeasureState::InForce;
}

bool Measure::targets_country(int c) const {
    if (c < 0) return false;
    const bool listed = std::find(target_list.begin(), target_list.end(), c) != target_list.end();
    switch (targets) {
        case Targets::All: return c != issuer;
        case Targets::AllBut: return c != issuer && !listed;
        case Targets::Listed: return listed;
    }
    return false;
}

// [SECTION] per scenario ---------------------------------------------------------------------------
int scenario_date(const Scenario& s) { return s.date > 0 ? s.date : kToday; }

namespace {
// A measure of this state and kind, covering the whole node or a part: how certain its denial is.
ControlLevel level_of(const Measure& m, MeasureState st) {
    if (m.kind == MeasureKind::Agreement) return ControlLevel::None;
    if (st == MeasureState::InForce) return m.kind == MeasureKind::Ban ? ControlLevel::Certain : ControlLevel::Possible;
    if (st == MeasureState::Unknown) return ControlLevel::Possible;
    return ControlLevel::None;
}
}  // namespace

void active_measures(const Dataset& ds, const Scenario& s, ActiveMeasures& out) {
    const size_t n = ds.measures.size();
    out.denial.assign(n, uint8_t(ControlLevel::None));
    out.retaliation.assign(n, uint8_t(ControlLevel::None));
    out.retaliation_some_members_only.assign(n, 0);
    if (n == 0 || s.target < 0) return;
    const int date = scenario_date(s);
    int members = 0;
    for (size_t c = 0; c < s.members.size(); ++c) members += (s.members[c] && int(c) != s.target) ? 1 : 0;
    for (size_t i = 0; i < n; ++i) {
        const Measure& m = ds.measures[i];
        const ControlLevel level = level_of(m, m.state_on(date));
        if (level == ControlLevel::None) continue;
        // Denial: issued by a member, aimed at the target.
        if (m.issuer != s.target && s.is_member(m.issuer) && m.targets_country(s.target)) out.denial[i] = uint8_t(level);
        // Retaliation: issued by the target, aimed at members (all of them, or only some: then the
        // alliance as a whole may still obtain it through the others, so at most a possible denial).
        if (m.issuer == s.target && members > 0) {
            int aimed = 0;
            if (m.targets == Measure::Targets::Listed) {
                for (int c : m.target_list) aimed += (c != s.target && s.is_member(c)) ? 1 : 0;
            } else {
                aimed = members;
                if (m.targets == Measure::Targets::AllBut)
                    for (int c : m.target_list) aimed -= (c != s.target && s.is_member(c)) ? 1 : 0;
            }
            if (aimed <= 0) continue;
            const bool some = aimed < members;
            out.retaliation[i] = uint8_t(some ? ControlLevel::Possible : level);
            out.retaliation_some_members_only[i] = some;
        }
    }
}

ControlLevel NodeControls::issuer_level(int country) const {
    for (const Issuer& i : issuers)
        if (i.country == country) return i.level;
    return ControlLevel::None;
}

void node_controls(const Dataset& ds, const Node& node, const ActiveMeasures& a, ControlSide side, NodeControls& out) {
    out.clear();
    const std::vector<uint8_t>& levels = side == ControlSide::Denial ? a.denial : a.retaliation;
    for (const NodeMeasure& nm : node.measures) {
        if (size_t(nm.measure) >= levels.size()) continue;
        ControlLevel level = ControlLevel(levels[size_t(nm.measure)]);
        if (level == ControlLevel::None) continue;
        if (!nm.whole) level = ControlLevel::Possible;  // a part of unknown size: a range
        const Measure& m = ds.measures[size_t(nm.measure)];
        const bool some = side == ControlSide::Retaliation && a.retaliation_some_members_only[size_t(nm.measure)];
        out.measures.push_back({nm.measure, level, some});
        out.foreign_made |= m.foreign_made;
        auto it = std::find_if(out.issuers.begin(), out.issuers.end(), [&](const NodeControls::Issuer& x) { return x.country == m.issuer; });
        if (it == out.issuers.end()) out.issuers.push_back({m.issuer, level});
        else if (level > it->level) it->level = level;
    }
}

}  // namespace techmap
