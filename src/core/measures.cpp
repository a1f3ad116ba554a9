// measures.cpp — dates, the state of a measure on a date, and what the measures in force do to
// one node for one side of a scenario (see measures.h).
#include "core/measures.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>

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

TypedDate parse_typed_date(std::string_view text) {
    TypedDate out;
    const char* hint = "type a date such as 2023-09-01, 1 Sep 2023, Sep 2023 or 2023";
    if (text.size() > 40) { out.error = "that is too long to be a date: " + std::string(hint); return out; }
    // an ISO date as it is; anything else as words (day, month name, year) between spaces
    std::string t(text);
    for (char& c : t) if (c == ',' || c == '.' || c == '\t') c = ' ';
    const size_t a = t.find_first_not_of(' '), b = t.find_last_not_of(' ');
    if (a == std::string::npos) { out.error = "no date given: " + std::string(hint); return out; }
    t = t.substr(a, b - a + 1);
    // the text is quoted in a message only when it is plain printable ASCII (a message must always show)
    bool plain = true;
    for (char c : t) plain &= c >= ' ' && c <= '~';
    const std::string quoted = plain ? "'" + t + "'" : std::string("that");
    if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
        out.date = parse_date(t);
        if (!out.date) out.error = quoted + " is not a day of the calendar: " + hint;
        return out;
    }
    std::vector<std::string> words;
    for (size_t i = 0; i < t.size();) {
        if (t[i] == ' ') { ++i; continue; }
        size_t j = i;
        while (j < t.size() && t[j] != ' ') ++j;
        words.push_back(t.substr(i, j - i));
        i = j;
    }
    const auto number = [](const std::string& w, int& v) {
        if (w.empty() || w.size() > 4) return false;
        v = 0;
        for (char c : w) {
            if (c < '0' || c > '9') return false;
            v = v * 10 + (c - '0');
        }
        return true;
    };
    const auto month = [](std::string w) {
        static const char* names[] = {"january", "february", "march", "april", "may", "june",
                                      "july", "august", "september", "october", "november", "december"};
        for (char& c : w) c = char(std::tolower(static_cast<unsigned char>(c)));
        if (w.size() < 3) return 0;
        for (int k = 0; k < 12; ++k)
            if (std::string(names[k]).compare(0, w.size(), w) == 0 || (w == "sept" && k == 8)) return k + 1;
        return 0;
    };
    int day = 1, mon = 1, year = 0;
    bool ok = false;
    if (words.size() == 1) {
        ok = number(words[0], year) && words[0].size() == 4;
    } else if (words.size() == 2) {
        mon = month(words[0]);
        ok = mon && number(words[1], year) && words[1].size() == 4;
    } else if (words.size() == 3) {
        int d = 0;
        if (number(words[0], d) && (mon = month(words[1])) != 0) ok = true;           // "1 Sep 2023"
        else if ((mon = month(words[0])) != 0 && number(words[1], d)) ok = true;      // "Sep 1 2023"
        day = d;
        ok = ok && number(words[2], year) && words[2].size() == 4;
    }
    const int date = year * 10000 + mon * 100 + day;
    if (!ok || !is_valid_date(date)) {
        out.error = quoted + " is not a date the app can read: " + hint;
        return out;
    }
    out.date = date;
    return out;
}

std::string date_text(int date) {
    if (date <= 0) return "";
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", date / 10000 % 10000, date / 100 % 100, date % 100);
    return b;
}

std::string pretty_date(int date) {
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (!is_valid_date(date)) return "";
    char b[32];
    std::snprintf(b, sizeof b, "%d %s %d", date % 100, months[date / 100 % 100 - 1], date / 10000);
    return b;
}

const char* to_string(MeasureKind k) {
    switch (k) {
        case MeasureKind::Ban: return "ban";
        case MeasureKind::Licence: return "licence";
        case MeasureKind::Agreement: return "agreement";
        case MeasureKind::Entities: return "entities";
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
    const int from = start();
    if (!from || date < from) return MeasureState::NotYet;
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
namespace {
int g_today = kToday;
}  // namespace
int today() { return g_today; }
void set_today(int date) {
    if (is_valid_date(date)) g_today = date;
}
int scenario_date(const Scenario& s) { return s.date > 0 ? s.date : today(); }

// Howard Hinnant's days_from_civil / civil_from_days.
int add_months(int date, int months) {
    const int months_since_0 = date / 10000 * 12 + (date / 100 % 100 - 1) + months;
    const int y = months_since_0 / 12, m = months_since_0 % 12 + 1;
    // the month's last day: the day before the 1st of the next month
    const int next = m == 12 ? (y + 1) * 10000 + 101 : y * 10000 + (m + 1) * 100 + 1;
    const int last = date_of_days(days_of(next) - 1) % 100;
    return y * 10000 + m * 100 + std::min(date % 100, last);
}

int days_of(int date) {
    int y = date / 10000;
    const int m = date / 100 % 100, d = date % 100;
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
int date_of_days(int z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return y * 10000 + m * 100 + d;
}

std::vector<int> measure_change_dates(const Dataset& ds, int from, int until) {
    std::vector<int> out;
    auto add = [&](int d) { if (d && d >= from && d <= until) out.push_back(d); };
    for (const Measure& m : ds.measures) {
        add(m.announced);
        add(m.in_force);
        add(m.ended);
        add(m.unknown_from);
        for (const Measure::Step& st : m.steps) add(st.date);
        for (const Measure::Window& w : m.suspended) {
            add(w.from);
            if (w.until) add(date_of_days(days_of(w.until) + 1));
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<MeasureLane> measure_lanes(const Dataset& ds) {
    std::vector<MeasureLane> lanes;
    for (size_t i = 0; i < ds.measures.size(); ++i) {
        const int issuer = ds.measures[i].issuer;
        auto it = std::find_if(lanes.begin(), lanes.end(), [&](const MeasureLane& l) { return l.issuer == issuer; });
        if (it == lanes.end()) it = lanes.insert(lanes.end(), MeasureLane{issuer, {}});
        it->measures.push_back(int(i));
    }
    for (MeasureLane& l : lanes)
        std::stable_sort(l.measures.begin(), l.measures.end(),
                         [&](int a, int b) { return ds.measures[size_t(a)].start() < ds.measures[size_t(b)].start(); });
    return lanes;
}

// One test for the list of measures, the figures and the "why".
bool denies_target(const Measure& m, const Scenario& s) {
    return m.issuer != s.target && (s.deny_mode == DenialMode::RulesInForce || s.is_member(m.issuer)) && m.targets_country(s.target);
}

std::vector<int> measures_in_force(const Dataset& ds, const Scenario& s, ControlSide side) {
    std::vector<int> out;
    if (s.target < 0) return out;
    const int date = scenario_date(s);
    for (size_t i = 0; i < ds.measures.size(); ++i) {
        const Measure& m = ds.measures[i];
        const MeasureState st = m.state_on(date);
        if (st != MeasureState::InForce && st != MeasureState::Unknown) continue;
        bool applies = false;
        if (side == ControlSide::Denial) {
            applies = denies_target(m, s);
        } else if (m.issuer == s.target) {
            for (size_t c = 0; c < s.members.size() && !applies; ++c) applies = s.is_member(int(c)) && m.targets_country(int(c));
        }
        if (applies) out.push_back(int(i));
    }
    return out;
}

std::vector<int> measures_in_state(const Dataset& ds, const Scenario& s, ControlSide side, MeasureState state) {
    std::vector<int> out = measures_in_force(ds, s, side);
    const int date = scenario_date(s);
    out.erase(std::remove_if(out.begin(), out.end(), [&](int i) { return ds.measures[size_t(i)].state_on(date) != state; }), out.end());
    return out;
}

namespace {
// A measure of this state and kind, covering the whole node or a part: how certain its denial is.
ControlLevel level_of(const Measure& m, MeasureState st) {
    if (m.kind == MeasureKind::Agreement || m.kind == MeasureKind::Entities) return ControlLevel::None;
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
        // Denial: issued by a member (or, with the rules in force, by anyone), aimed at the target.
        if (denies_target(m, s)) out.denial[i] = uint8_t(level);
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
        out.measures.push_back({nm.measure, level, some, nm.whole});
        out.foreign_made |= m.foreign_made;
        auto it = std::find_if(out.issuers.begin(), out.issuers.end(), [&](const NodeControls::Issuer& x) { return x.country == m.issuer; });
        if (it == out.issuers.end()) out.issuers.push_back({m.issuer, level});
        else if (level > it->level) it->level = level;
    }
}

}  // namespace techmap
