// dataset.cpp — lookups on a loaded Dataset: names of kinds, presets as of a date, the editions a
// scenario asks for, indicator values, records by id. Loading is in dataset_*.cpp (see
// dataset_reader.h for who reads what).
#include "core/dataset.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/dataset_reader.h"

namespace techmap {
using loader::derive_sums;

// [SECTION] lookups ---------------------------------------------------------------------------
const char* to_string(NodeKind k) {
    switch (k) {
        case NodeKind::Process: return "process";
        case NodeKind::Tool: return "tool";
        case NodeKind::Material: return "material";
        case NodeKind::Design: return "design";
        case NodeKind::Output: return "output";
    }
    return "?";
}

std::string Problem::text() const {
    return (severity == Error ? "error: " : "warning: ") + file + ": " + record + ": " + message;
}

bool LoadResult::ok() const {
    return std::none_of(problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Problem::Error; });
}

std::string LoadResult::summary() const {
    std::string s;
    for (const Problem& p : problems) s += p.text() + "\n";
    return s;
}

int Domain::find_node(const std::string& node_id) const {
    for (size_t i = 0; i < nodes.size(); ++i) if (nodes[i].id == node_id) return int(i);
    return -1;
}

const AllianceSnapshot* AlliancePreset::as_of(int year) const {
    const AllianceSnapshot* best = nullptr;
    for (const AllianceSnapshot& s : snapshots) if (s.year <= year) best = &s;
    return best;
}

const AllianceSnapshot* AlliancePreset::as_of_date(int date) const {
    const AllianceSnapshot* best = nullptr;
    for (const AllianceSnapshot& s : snapshots)
        if ((s.date ? s.date : s.year * 10000 + 101) <= date) best = &s;
    return best;
}

int pick_edition(const std::vector<Edition>& eds, const EditionChoice& choice) {
    const int date = choice.date > 0 ? choice.date : today();
    int best = -1, oldest = -1;
    for (size_t i = 0; i < eds.size(); ++i) {
        const Edition& e = eds[i];
        if (e.published > date) continue;
        if (oldest < 0 || e.year < eds[size_t(oldest)].year) oldest = int(i);
        if (choice.year > 0 && e.year > choice.year) continue;
        // the newest year; of the same year, the later publication (a revision)
        if (best < 0 || e.year > eds[size_t(best)].year ||
            (e.year == eds[size_t(best)].year && e.published >= eds[size_t(best)].published))
            best = int(i);
    }
    if (best >= 0) return best;
    return oldest >= 0 ? oldest : 0;  // no edition of such a year yet / none published yet: the first
}

bool use_editions(Dataset& ds, const EditionChoice& choice) {
    bool changed = false;
    for (Domain& d : ds.domains)
        for (Node& n : d.nodes) {
            if (n.editions.empty()) continue;
            const int k = pick_edition(n.editions, choice);
            if (k == n.edition) continue;
            n.edition = k;
            n.shares = n.editions[size_t(k)].shares;
            derive_sums(n, ds);
            changed = true;
        }
    return changed;
}

std::vector<int> edition_years(const Dataset& ds) {
    std::set<int> years;
    for (const Domain& d : ds.domains)
        for (const Node& n : d.nodes)
            if (n.link < 0)
                for (const Edition& e : n.editions) years.insert(e.year);
    for (const Indicator& ind : ds.indicators) {
        std::map<int, int> per_country;  // only countries with values of several years offer a choice
        for (const IndicatorValue& v : ind.values) ++per_country[v.country];
        for (const IndicatorValue& v : ind.values)
            if (per_country[v.country] > 1) years.insert(v.year);
    }
    return {years.begin(), years.end()};
}

const IndicatorValue* Indicator::for_country(int country, const EditionChoice& choice) const {
    if (country < 0) return nullptr;
    const int date = choice.date > 0 ? choice.date : today();
    const IndicatorValue *best = nullptr, *oldest = nullptr;
    for (const IndicatorValue& v : values) {
        if (v.country != country || v.published > date) continue;
        if (!oldest || v.year < oldest->year) oldest = &v;
        if (choice.year > 0 && v.year > choice.year) continue;
        if (!best || v.year > best->year || (v.year == best->year && v.published >= best->published)) best = &v;
    }
    return best ? best : oldest;
}

std::vector<int> Indicator::years() const {
    std::set<int> ys;
    for (const IndicatorValue& v : values) ys.insert(v.year);
    return {ys.begin(), ys.end()};
}

int Dataset::find_country(const std::string& iso3) const {
    // every share row and firm names its country: a binary search, not a walk of ~250 codes
    // (the loader asks once per country it adds: each new one is inserted in its place, after
    // any earlier one with the same code, instead of sorting all again)
    if (countries_by_code.size() > countries.size()) countries_by_code.clear();
    for (size_t i = countries_by_code.size(); i < countries.size(); ++i) {
        auto at = std::upper_bound(countries_by_code.begin(), countries_by_code.end(), countries[i].id,
                                   [&](const std::string& code, int c) { return code < countries[size_t(c)].id; });
        countries_by_code.insert(at, int(i));
    }
    auto it = std::lower_bound(countries_by_code.begin(), countries_by_code.end(), iso3,
                               [&](int c, const std::string& code) { return countries[size_t(c)].id < code; });
    return it != countries_by_code.end() && countries[size_t(*it)].id == iso3 ? *it : -1;
}
int Dataset::find_domain(const std::string& id) const {
    for (size_t i = 0; i < domains.size(); ++i) if (domains[i].id == id) return int(i);
    return -1;
}
int Dataset::find_alliance(const std::string& id) const {
    for (size_t i = 0; i < alliances.size(); ++i) if (alliances[i].id == id) return int(i);
    return -1;
}
int Dataset::find_measure(const std::string& id) const {
    for (size_t i = 0; i < measures.size(); ++i) if (measures[i].id == id) return int(i);
    return -1;
}
const Indicator* Dataset::find_indicator(const std::string& id) const {
    for (const Indicator& i : indicators) if (i.id == id) return &i;
    return nullptr;
}
std::string Dataset::version() const {
    std::string v;
    for (const DatasetInfo& f : files) if (!f.version.empty()) v += (v.empty() ? "" : "+") + f.version;
    return v;
}

}  // namespace techmap