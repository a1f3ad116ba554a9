// model_json.cpp — the model in JSON, for the page's JavaScript API, the tests and the native
// command-line core: the scenario (read and written through the same LinkState as a link, so
// that a link, the API and this JSON cannot apply a scenario in different ways), every figure,
// who holds the keys, and the "why" of a node. Every writer is total (json_text).
#include <algorithm>
#include <cmath>

#include "core/json.h"
#include "core/measures.h"
#include "core/model.h"
#include "core/report.h"
#include "core/scenario_link.h"
#include "core/text.h"

namespace techmap {
using json = Json;

std::string Model::scenario_json() const {
    JsonOut out;
    json j = out.object();
    json members = out.array();
    for (size_t c = 0; c < scenario_.members.size(); ++c)
        if (scenario_.members[c]) out.push(members, data_.countries[c].id);
    out.set(j, "members", std::move(members));
    out.set(j, "alliance", alliance_name_);
    out.set(j, "target", scenario_.target >= 0 ? out.value(data_.countries[size_t(scenario_.target)].id) : json());
    out.set(j, "threshold", scenario_.threshold);
    out.set(j, "deny", scenario_.deny);
    out.set(j, "thirdCountryRule", scenario_.third_country_rule);
    out.set(j, "retaliation", scenario_.retaliation);
    out.set(j, "retaliationThirdCountries", scenario_.retaliation_third_countries);
    out.set(j, "links", scenario_.links);
    out.set(j, "date", date_text(scenario_date(scenario_)));
    out.set(j, "denyMode", to_text(scenario_.deny_mode));
    out.set(j, "retaliationMode", to_text(scenario_.retaliation_mode));
    // the edition year (null: the newest published on the date) and the years a picker can offer
    out.set(j, "figuresYear", scenario_.figures_year ? out.value(scenario_.figures_year) : json());
    out.set(j, "figuresYears", figures_years_);
    const Domain* d = domain();
    out.set(j, "domain", d ? out.value(d->id) : json());
    out.set(j, "node", (d && node_ >= 0) ? out.value(d->nodes[size_t(node_)].id) : json());
    out.set(j, "dataVersion", data_.version());
    return json_text(j);
}

std::vector<std::string> Model::set_scenario_json(const std::string& text) {
    JsonDoc doc;
    const json& j = doc.root();
    if (!parse_json(text, doc) || !j.IsObject())
        return {"the scenario is not a JSON object of valid text (unpaired surrogates or bytes that are not UTF-8 make the whole text unreadable)"};
    // What the JSON does not mention stays as it is: start from the current scenario's link.
    LinkState s = link_of(*this);
    std::vector<std::string> ignored;
    const auto text_of = [&](const json& v, size_t max) { return clean_text(json_string(v), max).text; };
    if (const json* it = json_find(j, "domain")) {
        if (it->IsString()) {
            s.domain = text_of(*it, 64);
            if (!json_find(j, "node")) s.node = std::string();  // another domain opens on no node
        } else {
            ignored.push_back("domain is not a domain id");
        }
    }
    if (const json* it = json_find(j, "target")) {
        if (it->IsNull()) s.target = std::string();
        else if (it->IsString()) s.target = text_of(*it, 16);
        else ignored.push_back("target is not a country code");
    }
    if (const json* it = json_find(j, "members")) {
        if (!it->IsArray()) {
            ignored.push_back("members is not a list");
        } else {
            std::vector<std::string> codes;
            for (const json& x : it->GetArray()) {
                if (x.IsString()) codes.push_back(text_of(x, 16));
                else ignored.push_back("member " + clean_text(json_text(x), 24).text + " is not a country code");
            }
            s.members = std::move(codes);
            s.preset.clear();
            s.preset_year = 0;
            s.name.reset();
            if (const json* n = json_find(j, "alliance"); n && n->IsString()) {
                const CleanText t = clean_text(json_string(*n), kMaxNameBytes);
                if (t.changed()) ignored.push_back(text_notice(t, "the alliance's name", kMaxNameBytes));
                s.name = t.text;
            }
        }
    }
    if (const json* it = json_find(j, "threshold")) {
        if (it->IsNumber() && std::isfinite(it->GetDouble())) s.threshold = it->GetDouble();  // the model clamps it to 1-100
        else ignored.push_back("threshold is not a number");
    }
    const auto flag = [&](const char* key, std::optional<bool>& into) {
        const json* it = json_find(j, key);
        if (!it) return;
        if (it->IsBool()) into = it->GetBool();
        else ignored.push_back(std::string(key) + " is not true/false");
    };
    flag("deny", s.deny);
    flag("thirdCountryRule", s.third_country_rule);
    flag("retaliation", s.retaliation);
    flag("retaliationThirdCountries", s.retaliation_third_countries);
    flag("links", s.links);
    if (const json* it = json_find(j, "date")) {
        // a date yyyy-mm-dd, or null for today
        const int date = it->IsString() ? parse_date(json_string(*it)) : 0;
        if (it->IsNull()) s.date = 0;
        else if (date) s.date = date;
        else ignored.push_back("date is not a date yyyy-mm-dd");
    }
    const auto mode = [&](const char* key, std::optional<DenialMode>& into) {
        const json* it = json_find(j, key);
        if (!it) return;
        DenialMode m{};
        if (it->IsString() && from_text(json_string(*it), m)) into = m;
        else ignored.push_back(std::string(key) + " is not \"all\", \"controls\" or \"rules\"");
    };
    if (const json* it = json_find(j, "figuresYear")) {
        // a year, or null (or 0) for the newest edition published on the date
        const long long y = it->IsInt64() ? it->GetInt64() : -1;
        if (it->IsNull() || y == 0) s.figures_year = 0;
        else if (y >= 1900 && y <= 2100) s.figures_year = int(y);
        else ignored.push_back("figuresYear is not a year 1900-2100 or null");
    }
    mode("denyMode", s.deny_mode);
    mode("retaliationMode", s.retaliation_mode);
    if (const json* it = json_find(j, "node")) {
        if (it->IsNull()) s.node = std::string();
        else if (it->IsString()) s.node = text_of(*it, 64);
        else ignored.push_back("node is not a node id");
    }
    for (std::string& n : apply_link(*this, s)) ignored.push_back(std::move(n));
    return ignored;
}

namespace {
json range(JsonOut& out, const Range& r) {
    json a = out.array();
    out.push(a, std::round(r.lo * 1000) / 1000);
    out.push(a, std::round(r.hi * 1000) / 1000);
    return a;
}
json pair(JsonOut& out, int a, int b) {
    json p = out.array();
    out.push(p, a);
    out.push(p, b);
    return p;
}
json known_or_null(JsonOut& out, double v) { return is_known(v) ? out.value(v) : json(); }
const char* choke_name(Choke c) { return c == Choke::Yes ? "yes" : c == Choke::Possible ? "possible" : "no"; }
}  // namespace

std::string Model::figures_json() const {
    JsonOut out;
    json j = out.object();
    const Domain* d = domain();
    {
        JsonDoc scenario;
        parse_json(scenario_json(), scenario);
        out.set(j, "scenario", out.copy(scenario.root()));
    }
    if (!d) return json_text(j);
    const DomainFigures& f = figures();
    json summary = out.object();
    out.set(summary, "chokePoints", f.choke_points);
    out.set(summary, "possibleChokePoints", f.possible_choke_points);
    out.set(summary, "nodesWithShares", f.nodes_with_shares);
    out.set(summary, "targetAccessToOutputs", range(out, f.target_access_to_outputs));
    out.set(summary, "allianceAccessToOutputs", range(out, f.alliance_access_to_outputs));
    out.set(summary, "targetDeniedNodes", f.target_denied_nodes);
    out.set(summary, "allianceExposedNodes", f.alliance_exposed_nodes);
    out.set(summary, "years", pair(out, f.year_min, f.year_max));  // data years of the rows in use
    out.set(summary, "mixedYears", f.year_min != f.year_max);
    // pooled indicators: the members' total against the target's, with who lacks data
    auto pooled_json = [&](const Pooled& p) {
        json o = out.object();
        out.set(o, "indicator", p.indicator_name);
        out.set(o, "unit", p.unit);
        out.set(o, "members", std::round(p.members_value * 1000) / 1000);
        out.set(o, "membersWithData", p.members_with_data);
        json missing = out.array();
        for (int c : p.members_missing) out.push(missing, data_.countries[size_t(c)].id);
        out.set(o, "membersMissing", std::move(missing));
        out.set(o, "target", p.target_known ? out.value(p.target_value) : json());
        out.set(o, "years", pair(out, p.year_min, p.year_max));
        return o;
    };
    out.set(summary, "rd", pooled_json(pooled_rd()));
    out.set(summary, "ai", pooled_json(pooled_ai()));
    int demand_year = 0;
    double demand = target_demand_share(&demand_year);
    out.set(summary, "targetDemandShare", known_or_null(out, demand));
    if (is_known(demand)) out.set(summary, "targetDemandYear", demand_year);
    int home_year = 0;
    const double home = target_indicator("chip_market_made_at_home", &home_year);
    out.set(summary, "targetMarketMadeAtHome", known_or_null(out, home));
    if (is_known(home)) out.set(summary, "targetMarketMadeAtHomeYear", home_year);
    out.set(j, "summary", std::move(summary));
    // the measures on the scenario's date, as the text summary lists them (the text view's lists)
    if (scenario_.target >= 0) {
        auto listed = [&](ControlSide side, MeasureState state) {
            json a = out.array();
            for (int i : measures_in_state(data_, scenario_, side, state)) {
                const Measure& me = data_.measures[size_t(i)];
                json o = out.object();
                out.set(o, "id", me.id);
                out.set(o, "name", me.name);
                out.set(o, "kind", to_string(me.kind));
                if (state == MeasureState::Unknown && !me.lapse_default.empty()) out.set(o, "ifUnknown", me.lapse_default);
                out.push(a, std::move(o));
            }
            return a;
        };
        json ms = out.object();
        out.set(ms, "rulesInForce", scenario_.deny_mode == DenialMode::RulesInForce);  // whoever issued them
        out.set(ms, "denial", listed(ControlSide::Denial, MeasureState::InForce));
        out.set(ms, "denialUnknown", listed(ControlSide::Denial, MeasureState::Unknown));
        out.set(ms, "retaliation", listed(ControlSide::Retaliation, MeasureState::InForce));
        out.set(ms, "retaliationUnknown", listed(ControlSide::Retaliation, MeasureState::Unknown));
        out.set(j, "measures", std::move(ms));
    }
    // the selected input's headline (headline.h): the words the caption, the card and the text view show
    if (node_ >= 0 && size_t(node_) < d->nodes.size()) {
        const PlainHeadline h = plain_headline(*this, node_);
        json headline = out.object();
        out.set(headline, "node", d->nodes[size_t(node_)].id);
        out.set(headline, "title", h.title);
        out.set(headline, "sentence", h.sentence);
        out.set(headline, "firms", h.firms);
        out.set(headline, "situation", to_string(h.situation));
        out.set(j, "headline", std::move(headline));
        // who supplies it to the target and how surely each is denied (what the map's arcs draw)
        json supply = out.array();
        for (const SupplierDenial& sd : supplier_denials(data_, d->nodes[size_t(node_)], scenario_)) {
            json o = out.object();
            out.set(o, "country", data_.countries[size_t(sd.country)].id);
            out.set(o, "share", known_or_null(out, sd.share));
            out.set(o, "denied", denial_word(sd.level));
            out.push(supply, std::move(o));
        }
        out.set(j, "supply", std::move(supply));
    }
    json nodes = out.array();
    for (size_t i = 0; i < d->nodes.size(); ++i) {
        const Node& n = d->nodes[i];
        const NodeFigures& nf = f.nodes[i];
        json o = out.object();
        out.set(o, "id", n.id);
        out.set(o, "name", n.name);
        out.set(o, "kind", to_string(n.kind));
        out.set(o, "hasShares", nf.has_shares);
        out.set(o, "allianceShare", range(out, nf.alliance_share));
        out.set(o, "targetShare", range(out, nf.target_share));
        out.set(o, "choke", choke_name(nf.choke));
        out.set(o, "hhi", range(out, nf.hhi));
        out.set(o, "targetAccess", range(out, nf.target_access));
        out.set(o, "allianceAccess", range(out, nf.alliance_access));
        // the share the controls in force deny (only in that mode: the upper bound is the shares)
        if (counts_measures(scenario_.deny_mode)) out.set(o, "targetDenied", range(out, nf.target_denied));
        if (counts_measures(scenario_.retaliation_mode)) out.set(o, "allianceDenied", range(out, nf.alliance_denied));
        if (nf.target_bottleneck >= 0) out.set(o, "targetBottleneck", d->nodes[size_t(nf.target_bottleneck)].id);
        if (nf.alliance_bottleneck >= 0) out.set(o, "allianceBottleneck", d->nodes[size_t(nf.alliance_bottleneck)].id);
        out.set(o, "restsOnUnknowns", nf.rests_on_unknowns);
        if (n.excess > 0) out.set(o, "publishedSum", std::round(n.published_sum * 1000) / 1000);  // rows as published, past 100
        out.set(o, "year", n.year());  // the data year of the rows in use (0: no rows)
        if (const Edition* ed = n.current_edition()) {
            json eds = out.array();
            for (size_t k = 0; k < n.editions.size(); ++k) {
                const Edition& x = n.editions[k];
                json e = out.object();
                out.set(e, "year", x.year);
                out.set(e, "label", x.label);
                out.set(e, "published", x.published ? out.value(date_text(x.published)) : json());
                out.set(e, "inUse", int(k) == n.edition);
                if (!x.check.empty()) out.set(e, "check", x.check);
                out.push(eds, std::move(e));
            }
            out.set(o, "editions", std::move(eds));
            if (!ed->check.empty()) out.set(o, "check", ed->check);
        }
        std::string years, sources;
        node_provenance(data_, n, years, sources);
        out.set(o, "years", years);
        out.set(o, "sources", sources);
        out.push(nodes, std::move(o));
    }
    out.set(j, "nodes", std::move(nodes));
    if (has_pin()) {
        const Comparison c = compare();
        json cmp = out.object(), flips = out.array();
        out.set(cmp, "pinned", c.pinned_name);
        out.set(cmp, "chokePointsBefore", c.choke_points_before);
        out.set(cmp, "chokePointsAfter", c.choke_points_after);
        for (const Flip& fl : c.flips) {
            json o = out.object();
            out.set(o, "id", d->nodes[size_t(fl.node)].id);
            out.set(o, "before", choke_name(fl.before));
            out.set(o, "after", choke_name(fl.after));
            out.push(flips, std::move(o));
        }
        out.set(cmp, "flips", std::move(flips));
        out.set(j, "comparison", std::move(cmp));
    }
    return json_text(j);
}

std::string Model::explain_json(int node) const {
    const Explanation e = explain(node);
    JsonOut out;
    json j = out.object();
    out.set(j, "lines", e.lines);
    auto rows_json = [&](const std::vector<Explanation::Row>& rows) {
        json a = out.array();
        for (const auto& r : rows) {
            json o = out.object();
            out.set(o, "holder", r.holder);
            out.set(o, "role", r.role);
            out.set(o, "share", known_or_null(out, r.share));
            out.set(o, "year", r.year);
            out.set(o, "source", r.source);
            out.push(a, std::move(o));
        }
        return a;
    };
    out.set(j, "rows", rows_json(e.rows));
    out.set(j, "firms", rows_json(e.firms));  // role: the firm's headquarters' country
    return json_text(j);
}

std::string Model::keys_json() {
    const Domain* d = domain();
    if (!d) return "null";
    const DomainKeys& k = keys();
    JsonOut out;
    auto codes = [&](const std::vector<int>& cs) {
        json a = out.array();
        for (int c : cs) out.push(a, data_.countries[size_t(c)].id);
        return a;
    };
    auto power = [&](const std::vector<Power>& ps) {
        json a = out.array();
        for (const Power& p : ps)
            if (p.index > 0) {
                json o = out.object();
                out.set(o, "country", data_.countries[size_t(p.country)].id);
                out.set(o, "index", std::round(p.index * 1e6) / 1e6);
                out.push(a, std::move(o));
            }
        return a;
    };
    json j = out.object();
    out.set(j, "threshold", k.threshold);
    json dom = out.object();
    out.set(dom, "coalitionFound", k.coalition_found);
    out.set(dom, "searchCapped", k.search_capped);
    out.set(dom, "nodesConsidered", k.nodes_considered);
    out.set(dom, "minimalCoalition", codes(k.minimal_coalition));
    out.set(dom, "power", power(k.power));
    out.set(j, "domain", std::move(dom));
    json nodes = out.object();
    for (size_t i = 0; i < d->nodes.size(); ++i) {
        const NodeKeys& n = k.nodes[i];
        if (!n.has_game) continue;
        json o = out.object();
        out.set(o, "reachable", n.reachable);
        out.set(o, "minimalCoalition", codes(n.minimal_coalition));
        out.set(o, "power", power(n.power));
        out.set(nodes, d->nodes[i].id, std::move(o));  // node ids are unique in a domain (the loader's check)
    }
    out.set(j, "nodes", std::move(nodes));
    return json_text(j);
}

}  // namespace techmap
