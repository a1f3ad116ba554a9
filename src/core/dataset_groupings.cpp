// dataset_groupings.cpp — alliance presets with their dated membership snapshots, and macro
// indicators (R&D spending and the like) by country or group and year.
#include "core/dataset_reader.h"

#include <algorithm>

namespace techmap::loader {

void Reader::read_alliances(const json& root) {
    const json* a = arr(root, "alliances");
    if (!a) return;
    for (const json& j : a->GetArray()) {
        AlliancePreset p;
        p.id = str(j, "id");
        std::string rec = "alliance '" + p.id + "'";
        if (p.id.empty()) { error(rec, "no id"); continue; }
        if (ds.find_alliance(p.id) >= 0) { error(rec, "duplicate id"); continue; }
        p.name = str(j, "name");
        p.kind = str(j, "kind");
        p.note = str(j, "note");
        p.description = str(j, "description");
        p.status = str(j, "status");
        // "ended 2025-05-13 (rule rescinded)": the grouping's end, so that it reads as ended after it
        if (p.status.rfind("ended ", 0) == 0) {
            p.ended = parse_date(std::string_view(p.status).substr(6, 10));
            if (!p.ended) error(rec, "status 'ended' is not followed by a date yyyy-mm-dd");
        }
        if (const json* snaps = arr(j, "snapshots")) {
            for (const json& s : snaps->GetArray()) {
                AllianceSnapshot snap;
                snap.year = year(s, rec);
                if (json_find(s, "date")) {
                    snap.date = date(s, "date", rec);
                    if (snap.date && snap.date / 10000 != snap.year) error(rec, "snapshot date " + date_text(snap.date) + " is not in its year");
                }
                snap.source = source(s, rec);
                snap.caveat = str(s, "caveat");
                if (const json* m = arr(s, "members")) {
                    for (const json& x : m->GetArray()) {
                        int c = x.IsString() ? country(json_string(x), rec, "members") : -1;
                        if (c >= 0) snap.members.push_back(c);
                    }
                }
                p.snapshots.push_back(std::move(snap));
            }
        }
        if (p.snapshots.empty()) { error(rec, "no membership snapshot"); continue; }
        std::stable_sort(p.snapshots.begin(), p.snapshots.end(), [](const AllianceSnapshot& x, const AllianceSnapshot& y) {
            return x.year != y.year ? x.year < y.year : x.date < y.date;
        });
        ds.alliances.push_back(std::move(p));
    }
}

void Reader::read_indicators(const json& root) {
    const json* a = arr(root, "indicators");
    if (!a) return;
    for (const json& j : a->GetArray()) {
        Indicator ind;
        ind.id = str(j, "id");
        std::string rec = "indicator '" + ind.id + "'";
        if (ind.id.empty()) { error(rec, "no id"); continue; }
        if (ds.find_indicator(ind.id)) { error(rec, "duplicate id"); continue; }
        ind.name = str(j, "name");
        ind.unit = str(j, "unit");
        ind.note = str(j, "note");
        if (const json* vals = arr(j, "values")) {
            for (const json& v : vals->GetArray()) {
                IndicatorValue iv;
                std::string c = str(v, "country");
                iv.group = str(v, "group");
                if (!c.empty()) iv.country = country(c, rec, "values");
                else if (iv.group.empty()) error(rec, "a value needs a country or a group");
                iv.value = num(v, "value");
                if (!is_known(iv.value)) error(rec, "a value is not a number");
                iv.year = year(v, rec);
                iv.source = source(v, rec);
                iv.published = published(v, rec);
                iv.check = str(v, "check");
                ind.values.push_back(std::move(iv));
            }
        }
        ds.indicators.push_back(std::move(ind));
    }
}

}  // namespace techmap::loader
