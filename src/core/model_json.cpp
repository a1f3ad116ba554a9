// model_json.cpp — the model in JSON, for the page's JavaScript API, the tests and the native
// command-line core: the scenario (read and written through the same LinkState as a link, so
// that a link, the API and this JSON cannot apply a scenario in different ways), every figure,
// who holds the keys, and the "why" of a node. Every writer is total (json_text).
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/measures.h"
#include "core/model.h"
#include "core/report.h"
#include "core/scenario_link.h"
#include "core/text.h"

namespace techmap {
using json = nlohmann::json;

std::string Model::scenario_json() const {
    json j;
    json members = json::array();
    for (size_t c = 0; c < scenario_.members.size(); ++c)
        if (scenario_.members[c]) members.push_back(data_.countries[c].id);
    j["members"] = members;
    j["alliance"] = alliance_name_;
    j["target"] = scenario_.target >= 0 ? json(data_.countries[size_t(scenario_.target)].id) : json(nullptr);
    j["threshold"] = scenario_.threshold;
    j["deny"] = scenario_.deny;
    j["thirdCountryRule"] = scenario_.third_country_rule;
    j["retaliation"] = scenario_.retaliation;
    j["retaliationThirdCountries"] = scenario_.retaliation_third_countries;
    j["links"] = scenario_.links;
    j["date"] = date_text(scenario_date(scenario_));
    j["denyMode"] = to_text(scenario_.deny_mode);
    j["retaliationMode"] = to_text(scenario_.retaliation_mode);
    // the edition year (null: the newest published on the date) and the years a picker can offer
    j["figuresYear"] = scenario_.figures_year ? json(scenario_.figures_year) : json(nullptr);
    j["figuresYears"] = figures_years_;
    const Domain* d = domain();
    j["domain"] = d ? json(d->id) : json(nullptr);
    j["node"] = (d && node_ >= 0) ? json(d->nodes[size_t(node_)].id) : json(nullptr);
    j["dataVersion"] = data_.version();
    return json_text(j);
}

std::vector<std::string> Model::set_scenario_json(const std::string& text) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return {"the scenario is not a JSON object of valid text (unpaired surrogates or bytes that are not UTF-8 make the whole text unreadable)"};
    // What the JSON does not mention stays as it is: start from the current scenario's link.
    LinkState s = link_of(*this);
    std::vector<std::string> ignored;
    const auto text_of = [&](const json& v, size_t max) { return clean_text(v.get_ref<const std::string&>(), max).text; };
    if (auto it = j.find("domain"); it != j.end()) {
        if (it->is_string()) {
            s.domain = text_of(*it, 64);
            if (j.find("node") == j.end()) s.node = std::string();  // another domain opens on no node
        } else {
            ignored.push_back("domain is not a domain id");
        }
    }
    if (auto it = j.find("target"); it != j.end()) {
        if (it->is_null()) s.target = std::string();
        else if (it->is_string()) s.target = text_of(*it, 16);
        else ignored.push_back("target is not a country code");
    }
    if (auto it = j.find("members"); it != j.end()) {
        if (!it->is_array()) {
            ignored.push_back("members is not a list");
        } else {
            std::vector<std::string> codes;
            for (const json& x : *it) {
                if (x.is_string()) codes.push_back(text_of(x, 16));
                else ignored.push_back("member " + clean_text(json_text(x), 24).text + " is not a country code");
            }
            s.members = std::move(codes);
            s.preset.clear();
            s.preset_year = 0;
            s.name.reset();
            if (auto n = j.find("alliance"); n != j.end() && n->is_string()) {
                const CleanText t = clean_text(n->get_ref<const std::string&>(), kMaxNameBytes);
                if (t.changed()) ignored.push_back(text_notice(t, "the alliance's name", kMaxNameBytes));
                s.name = t.text;
            }
        }
    }
    if (auto it = j.find("threshold"); it != j.end()) {
        if (it->is_number() && std::isfinite(it->get<double>())) s.threshold = it->get<double>();  // the model clamps it to 1-100
        else ignored.push_back("threshold is not a number");
    }
    const auto flag = [&](const char* key, std::optional<bool>& into) {
        auto it = j.find(key);
        if (it == j.end()) return;
        if (it->is_boolean()) into = it->get<bool>();
        else ignored.push_back(std::string(key) + " is not true/false");
    };
    flag("deny", s.deny);
    flag("thirdCountryRule", s.third_country_rule);
    flag("retaliation", s.retaliation);
    flag("retaliationThirdCountries", s.retaliation_third_countries);
    flag("links", s.links);
    if (auto it = j.find("date"); it != j.end()) {
        // a date yyyy-mm-dd, or null for today
        const int date = it->is_string() ? parse_date(it->get_ref<const std::string&>()) : 0;
        if (it->is_null()) s.date = 0;
        else if (date) s.date = date;
        else ignored.push_back("date is not a date yyyy-mm-dd");
    }
    const auto mode = [&](const char* key, std::optional<DenialMode>& into) {
        auto it = j.find(key);
        if (it == j.end()) return;
        DenialMode m{};
        if (it->is_string() && from_text(it->get_ref<const std::string&>(), m)) into = m;
        else ignored.push_back(std::string(key) + " is not \"all\", \"controls\" or \"rules\"");
    };
    if (auto it = j.find("figuresYear"); it != j.end()) {
        // a year, or null (or 0) for the newest edition published on the date
        const bool year = it->is_number_integer() && it->get<long long>() >= 1900 && it->get<long long>() <= 2100;
        if (it->is_null() || (it->is_number_integer() && it->get<long long>() == 0)) s.figures_year = 0;
        else if (year) s.figures_year = int(it->get<long long>());
        else ignored.push_back("figuresYear is not a year 1900-2100 or null");
    }
    mode("denyMode", s.deny_mode);
    mode("retaliationMode", s.retaliation_mode);
    if (auto it = j.find("node"); it != j.end()) {
        if (it->is_null()) s.node = std::string();
        else if (it->is_string()) s.node = text_of(*it, 64);
        else ignored.push_back("node is not a node id");
    }
    for (std::string& n : apply_link(*this, s)) ignored.push_back(std::move(n));
    return ignored;
}

namespace {
json range(const Range& r) { return json::array({std::round(r.lo * 1000) / 1000, std::round(r.hi * 1000) / 1000}); }
const char* choke_name(Choke c) { return c == Choke::Yes ? "yes" : c == Choke::Possible ? "possible" : "no"; }
}  // namespace

std::string Model::figures_json() const {
    json j;
    const Domain* d = domain();
    j["scenario"] = json::parse(scenario_json());
    if (!d) return json_text(j);
    const DomainFigures& f = figures();
    json summary;
    summary["chokePoints"] = f.choke_points;
    summary["possibleChokePoints"] = f.possible_choke_points;
    summary["nodesWithShares"] = f.nodes_with_shares;
    summary["targetAccessToOutputs"] = range(f.target_access_to_outputs);
    summary["allianceAccessToOutputs"] = range(f.alliance_access_to_outputs);
    summary["targetDeniedNodes"] = f.target_denied_nodes;
    summary["allianceExposedNodes"] = f.alliance_exposed_nodes;
    summary["years"] = json::array({f.year_min, f.year_max});  // data years of the rows in use
    summary["mixedYears"] = f.year_min != f.year_max;
    // pooled indicators: the members' total against the target's, with who lacks data
    auto pooled_json = [&](const Pooled& p) {
        json o;
        o["indicator"] = p.indicator_name;
        o["unit"] = p.unit;
        o["members"] = std::round(p.members_value * 1000) / 1000;
        o["membersWithData"] = p.members_with_data;
        json missing = json::array();
        for (int c : p.members_missing) missing.push_back(data_.countries[size_t(c)].id);
        o["membersMissing"] = missing;
        o["target"] = p.target_known ? json(p.target_value) : json(nullptr);
        o["years"] = json::array({p.year_min, p.year_max});
        return o;
    };
    summary["rd"] = pooled_json(pooled_rd());
    summary["ai"] = pooled_json(pooled_ai());
    int demand_year = 0;
    double demand = target_demand_share(&demand_year);
    summary["targetDemandShare"] = is_known(demand) ? json(demand) : json(nullptr);
    if (is_known(demand)) summary["targetDemandYear"] = demand_year;
    int home_year = 0;
    const double home = target_indicator("chip_market_made_at_home", &home_year);
    summary["targetMarketMadeAtHome"] = is_known(home) ? json(home) : json(nullptr);
    if (is_known(home)) summary["targetMarketMadeAtHomeYear"] = home_year;
    j["summary"] = summary;
    // the selected input's headline (headline.h): the words the caption, the card and the text view show
    if (node_ >= 0 && size_t(node_) < d->nodes.size()) {
        const PlainHeadline h = plain_headline(*this, node_);
        j["headline"] = {{"node", d->nodes[size_t(node_)].id}, {"title", h.title}, {"sentence", h.sentence},
                         {"firms", h.firms}, {"situation", to_string(h.situation)}};
        // who supplies it to the target and how surely each is denied (what the map's arcs draw)
        json supply = json::array();
        for (const SupplierDenial& sd : supplier_denials(data_, d->nodes[size_t(node_)], scenario_))
            supply.push_back({{"country", data_.countries[size_t(sd.country)].id},
                              {"share", is_known(sd.share) ? json(sd.share) : json(nullptr)},
                              {"denied", denial_word(sd.level)}});
        j["supply"] = supply;
    }
    json nodes = json::array();
    for (size_t i = 0; i < d->nodes.size(); ++i) {
        const Node& n = d->nodes[i];
        const NodeFigures& nf = f.nodes[i];
        json o;
        o["id"] = n.id;
        o["name"] = n.name;
        o["kind"] = to_string(n.kind);
        o["hasShares"] = nf.has_shares;
        o["allianceShare"] = range(nf.alliance_share);
        o["targetShare"] = range(nf.target_share);
        o["choke"] = choke_name(nf.choke);
        o["hhi"] = range(nf.hhi);
        o["targetAccess"] = range(nf.target_access);
        o["allianceAccess"] = range(nf.alliance_access);
        // the share the controls in force deny (only in that mode: the upper bound is the shares)
        if (counts_measures(scenario_.deny_mode)) o["targetDenied"] = range(nf.target_denied);
        if (counts_measures(scenario_.retaliation_mode)) o["allianceDenied"] = range(nf.alliance_denied);
        if (nf.target_bottleneck >= 0) o["targetBottleneck"] = d->nodes[size_t(nf.target_bottleneck)].id;
        if (nf.alliance_bottleneck >= 0) o["allianceBottleneck"] = d->nodes[size_t(nf.alliance_bottleneck)].id;
        o["restsOnUnknowns"] = nf.rests_on_unknowns;
        if (n.excess > 0) o["publishedSum"] = std::round(n.published_sum * 1000) / 1000;  // rows as published, past 100
        o["year"] = n.year();  // the data year of the rows in use (0: no rows)
        if (const Edition* ed = n.current_edition()) {
            json eds = json::array();
            for (size_t k = 0; k < n.editions.size(); ++k) {
                const Edition& x = n.editions[k];
                json e = {{"year", x.year}, {"label", x.label}, {"published", x.published ? json(date_text(x.published)) : json(nullptr)},
                          {"inUse", int(k) == n.edition}};
                if (!x.check.empty()) e["check"] = x.check;
                eds.push_back(std::move(e));
            }
            o["editions"] = eds;
            if (!ed->check.empty()) o["check"] = ed->check;
        }
        std::string years, sources;
        node_provenance(data_, n, years, sources);
        o["years"] = years;
        o["sources"] = sources;
        nodes.push_back(std::move(o));
    }
    j["nodes"] = nodes;
    if (has_pin()) {
        const Comparison c = compare();
        json cmp, flips = json::array();
        cmp["pinned"] = c.pinned_name;
        cmp["chokePointsBefore"] = c.choke_points_before;
        cmp["chokePointsAfter"] = c.choke_points_after;
        for (const Flip& fl : c.flips)
            flips.push_back({{"id", d->nodes[size_t(fl.node)].id}, {"before", choke_name(fl.before)}, {"after", choke_name(fl.after)}});
        cmp["flips"] = flips;
        j["comparison"] = cmp;
    }
    return json_text(j);
}

std::string Model::explain_json(int node) const {
    const Explanation e = explain(node);
    json j;
    j["lines"] = e.lines;
    auto rows_json = [](const std::vector<Explanation::Row>& rows) {
        json out = json::array();
        for (const auto& r : rows)
            out.push_back({{"holder", r.holder}, {"role", r.role}, {"share", is_known(r.share) ? json(r.share) : json(nullptr)},
                           {"year", r.year}, {"source", r.source}});
        return out;
    };
    j["rows"] = rows_json(e.rows);
    j["firms"] = rows_json(e.firms);  // role: the firm's headquarters' country
    return json_text(j);
}

std::string Model::keys_json() {
    const Domain* d = domain();
    if (!d) return "null";
    const DomainKeys& k = keys();
    auto codes = [&](const std::vector<int>& cs) {
        json a = json::array();
        for (int c : cs) a.push_back(data_.countries[size_t(c)].id);
        return a;
    };
    auto power = [&](const std::vector<Power>& ps) {
        json a = json::array();
        for (const Power& p : ps)
            if (p.index > 0) a.push_back({{"country", data_.countries[size_t(p.country)].id}, {"index", std::round(p.index * 1e6) / 1e6}});
        return a;
    };
    json j;
    j["threshold"] = k.threshold;
    j["domain"] = {{"coalitionFound", k.coalition_found}, {"searchCapped", k.search_capped},
                   {"nodesConsidered", k.nodes_considered}, {"minimalCoalition", codes(k.minimal_coalition)},
                   {"power", power(k.power)}};
    json nodes = json::object();
    for (size_t i = 0; i < d->nodes.size(); ++i) {
        const NodeKeys& n = k.nodes[i];
        if (!n.has_game) continue;
        nodes[d->nodes[i].id] = {{"reachable", n.reachable}, {"minimalCoalition", codes(n.minimal_coalition)}, {"power", power(n.power)}};
    }
    j["nodes"] = nodes;
    return json_text(j);
}

}  // namespace techmap
