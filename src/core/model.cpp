// model.cpp — scenario mutations, recompute, and JSON for the page's JavaScript API.
#include "core/model.h"
#include "core/report.h"
#include "core/scenario_link.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/json_text.h"

namespace techmap {
using json = nlohmann::json;

LoadResult Model::load(const std::vector<DataFile>& files) {
    LoadResult r = load_dataset(files);
    if (!r.ok()) return r;  // the previous dataset and scenario stay as they were
    // Carry the scenario across by codes, not indices: the new dataset may order countries differently.
    std::string previous = loaded_ ? scenario_json() : std::string();
    data_ = std::move(*r.dataset);
    r.dataset.reset();
    loaded_ = true;
    scenario_ = Scenario{};
    scenario_.members.assign(data_.countries.size(), 0);
    undo_.clear();  // member sets of another dataset do not apply
    preset_id_.clear();
    preset_year_ = 0;
    redo_.clear();
    pinned_.reset();
    domain_ = data_.domains.empty() ? -1 : 0;
    node_ = -1;
    keys_valid_ = false;
    if (!previous.empty()) {
        set_scenario_json(previous);
    } else {
        scenario_.target = data_.find_country("CHN");
    }
    recompute();
    return r;
}

const Domain* Model::domain() const {
    return domain_ >= 0 && size_t(domain_) < data_.domains.size() ? &data_.domains[size_t(domain_)] : nullptr;
}

void Model::recompute() {
    ++recomputations_;
    ++revision_;
    all_.resize(data_.domains.size());
    for (size_t i = 0; i < data_.domains.size(); ++i) compute_domain(data_, data_.domains[i], scenario_, all_[i]);
}

void Model::members_changed() { recompute(); }

void Model::remember_members() {
    undo_.push_back({scenario_.members, alliance_name_, preset_id_, preset_year_});
    if (undo_.size() > 100) undo_.pop_front();
    redo_.clear();
}

// Moves one step of member history: restores the top of `from`, saving the present on `to`.
bool Model::step_history(std::deque<MemberState>& from, std::deque<MemberState>& to) {
    if (from.empty()) return false;
    to.push_back({scenario_.members, alliance_name_, preset_id_, preset_year_});
    scenario_.members = std::move(from.back().members);
    alliance_name_ = std::move(from.back().name);
    preset_id_ = std::move(from.back().preset);
    preset_year_ = from.back().preset_year;
    from.pop_back();
    if (scenario_.target >= 0) scenario_.members[size_t(scenario_.target)] = 0;  // the target may have changed since
    members_changed();
    return true;
}

bool Model::undo() { return step_history(undo_, redo_); }
bool Model::redo() { return step_history(redo_, undo_); }

void Model::set_alliance_name(const std::string& name) {
    const std::string cut = clean_text(name, kMaxNameBytes).text;
    if (cut == alliance_name_) return;
    alliance_name_ = cut;
    ++revision_;
}

void Model::pin() {
    pinned_ = Pinned{scenario_, alliance_name_, figures(), domain_};
}

Model::Comparison Model::compare() const {
    Comparison c;
    const Domain* d = domain();
    if (!pinned_ || !d || pinned_->domain != domain_) return c;
    c.pinned_name = pinned_->name;
    c.choke_points_before = pinned_->figures.choke_points;
    c.choke_points_after = figures().choke_points;
    for (size_t i = 0; i < d->nodes.size(); ++i) {
        const NodeFigures &a = pinned_->figures.nodes[i], &b = figures().nodes[i];
        if (a.choke != b.choke) c.flips.push_back({int(i), a.choke, b.choke, a.target_access, b.target_access});
    }
    std::stable_sort(c.flips.begin(), c.flips.end(), [](const Flip& x, const Flip& y) {
        return std::fabs(x.access_after.mid() - x.access_before.mid()) > std::fabs(y.access_after.mid() - y.access_before.mid());
    });
    return c;
}

void Model::set_member(int c, bool member) {
    if (c < 0 || size_t(c) >= scenario_.members.size()) return;
    if (member && c == scenario_.target) return;  // the target cannot be in the alliance
    if (bool(scenario_.members[size_t(c)]) == member) return;
    remember_members();
    scenario_.members[size_t(c)] = member;
    alliance_name_ = "Custom alliance";
    preset_id_.clear();
    preset_year_ = 0;
    members_changed();
}

void Model::toggle_member(int c) {
    if (c < 0 || size_t(c) >= scenario_.members.size()) return;
    set_member(c, !scenario_.members[size_t(c)]);
}

void Model::set_members(const std::vector<int>& countries, const std::string& name) {
    remember_members();
    std::fill(scenario_.members.begin(), scenario_.members.end(), 0);
    for (int c : countries)
        if (c >= 0 && size_t(c) < scenario_.members.size() && c != scenario_.target) scenario_.members[size_t(c)] = 1;
    alliance_name_ = clean_text(name, kMaxNameBytes).text;
    preset_id_.clear();
    preset_year_ = 0;
    members_changed();
}

void Model::clear_members() { set_members({}, "Custom alliance"); }

bool Model::apply_preset(const std::string& id, int year) {
    int a = data_.find_alliance(id);
    if (a < 0) return false;
    const AlliancePreset& p = data_.alliances[size_t(a)];
    const AllianceSnapshot* snap = year > 0 ? p.as_of(year) : p.latest();
    if (!snap) return false;
    set_members(snap->members, p.name + " (" + std::to_string(snap->year) + ")");
    preset_id_ = p.id;
    preset_year_ = snap->year;
    return true;
}

void Model::set_target(int c) {
    if (c >= int(data_.countries.size())) return;
    if (c == scenario_.target) return;
    scenario_.target = c < 0 ? -1 : c;
    if (c >= 0 && scenario_.members[size_t(c)]) {
        scenario_.members[size_t(c)] = 0;  // no longer the preset's member set
        preset_id_.clear();
        preset_year_ = 0;
    }
    recompute();
}

void Model::set_threshold(double t) {
    if (!std::isfinite(t)) return;
    t = std::round(std::clamp(t, 1.0, 100.0) * 100) / 100;  // hundredths of a percent: what a link keeps
    if (t == scenario_.threshold) return;
    scenario_.threshold = t;
    keys_valid_ = false;
    recompute();
}

void Model::set_deny(bool on) { if (scenario_.deny != on) { scenario_.deny = on; recompute(); } }
void Model::set_third_country_rule(bool on) {
    if (scenario_.third_country_rule != on) { scenario_.third_country_rule = on; recompute(); }
}
void Model::set_retaliation(bool on) { if (scenario_.retaliation != on) { scenario_.retaliation = on; recompute(); } }
void Model::set_retaliation_third_countries(bool on) {
    if (scenario_.retaliation_third_countries != on) { scenario_.retaliation_third_countries = on; recompute(); }
}
void Model::set_links(bool on) { if (scenario_.links != on) { scenario_.links = on; recompute(); } }

bool Model::select_domain(const std::string& id) {
    int d = data_.find_domain(id);
    if (d < 0) return false;
    if (d != domain_) {
        domain_ = d;
        node_ = -1;
        keys_valid_ = false;
        recompute();
    }
    return true;
}

void Model::select_node(int n) {
    const Domain* d = domain();
    const int next = (d && n >= 0 && size_t(n) < d->nodes.size()) ? n : -1;
    if (next != node_) ++revision_;
    node_ = next;
}

int Model::default_node() const {
    const Domain* d = domain();
    if (!d) return -1;
    if (const int f = d->find_node(d->focus); !d->focus.empty() && f >= 0) return f;
    int best = -1;
    for (size_t k = 0; k < d->nodes.size(); ++k)
        if (d->nodes[k].link < 0 && !d->nodes[k].shares.empty() && (best < 0 || figures().nodes[k].hhi.lo > figures().nodes[size_t(best)].hhi.lo))
            best = int(k);
    return best;
}

const DomainKeys& Model::keys() {
    if (!keys_valid_) {
        keys_ = domain() ? domain_keys(*domain(), scenario_.threshold) : DomainKeys{};
        keys_valid_ = true;
    }
    return keys_;
}

double Model::target_demand_share(int* year) const { return target_indicator("chip_demand_share", year); }

double Model::target_indicator(const std::string& id, int* year) const {
    const Indicator* ind = data_.find_indicator(id);
    const IndicatorValue* v = ind ? ind->for_country(scenario_.target) : nullptr;
    if (!v) return kUnknown;
    if (year) *year = v->year;
    return v->value;
}

Explanation Model::explain(int node) const {
    const Domain* d = domain();
    return d ? explain_node(data_, *d, scenario_, figures(), node) : Explanation{};
}

int Model::role(int c) const {
    if (c < 0) return 0;
    if (c == scenario_.target) return 2;
    return scenario_.is_member(c) ? 1 : 0;
}

// --- JSON --------------------------------------------------------------------------------------
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
    const Domain* d = domain();
    j["domain"] = d ? json(d->id) : json(nullptr);
    j["node"] = (d && node_ >= 0) ? json(d->nodes[size_t(node_)].id) : json(nullptr);
    j["dataVersion"] = data_.version();
    return json_text(j);
}

std::vector<std::string> Model::set_scenario_json(const std::string& text) {
    std::vector<std::string> ignored;
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return {"scenario is not a JSON object"};
    if (auto it = j.find("domain"); it != j.end() && it->is_string()) {
        if (!select_domain(it->get<std::string>())) ignored.push_back("unknown domain '" + it->get<std::string>() + "'");
    }
    if (auto it = j.find("target"); it != j.end()) {
        if (it->is_null()) set_target(-1);
        else if (it->is_string()) {
            int c = data_.find_country(it->get<std::string>());
            if (c >= 0) set_target(c);
            else ignored.push_back("unknown target country '" + it->get<std::string>() + "'");
        } else ignored.push_back("target is not a country code");
    }
    if (auto it = j.find("members"); it != j.end()) {
        if (!it->is_array()) ignored.push_back("members is not a list");
        else {
            std::vector<int> cs;
            for (const json& x : *it) {
                int c = x.is_string() ? data_.find_country(x.get<std::string>()) : -1;
                if (c < 0) ignored.push_back("unknown member " + json_text(x));
                else if (c == scenario_.target) ignored.push_back("the target " + x.get<std::string>() + " cannot be a member");
                else cs.push_back(c);
            }
            std::string name = "Custom alliance";
            if (auto n = j.find("alliance"); n != j.end() && n->is_string()) {
                const CleanText t = clean_text(n->get_ref<const std::string&>(), kMaxNameBytes);
                if (t.changed()) ignored.push_back(text_notice(t, "the alliance's name", kMaxNameBytes));
                name = t.text;
            }
            set_members(cs, name);
        }
    }
    if (auto it = j.find("threshold"); it != j.end()) {
        if (it->is_number() && std::isfinite(it->get<double>())) set_threshold(it->get<double>());
        else ignored.push_back("threshold is not a number");
    }
    auto flag = [&](const char* key, void (Model::*set)(bool)) {
        auto it = j.find(key);
        if (it == j.end()) return;
        if (it->is_boolean()) (this->*set)(it->get<bool>());
        else ignored.push_back(std::string(key) + " is not true/false");
    };
    flag("deny", &Model::set_deny);
    flag("thirdCountryRule", &Model::set_third_country_rule);
    flag("retaliation", &Model::set_retaliation);
    flag("retaliationThirdCountries", &Model::set_retaliation_third_countries);
    flag("links", &Model::set_links);
    if (auto it = j.find("node"); it != j.end()) {
        const Domain* d = domain();
        if (it->is_null()) select_node(-1);
        else if (it->is_string() && d && d->find_node(it->get<std::string>()) >= 0) select_node(d->find_node(it->get<std::string>()));
        else ignored.push_back("unknown node " + json_text(*it));
    }
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
        if (nf.target_bottleneck >= 0) o["targetBottleneck"] = d->nodes[size_t(nf.target_bottleneck)].id;
        if (nf.alliance_bottleneck >= 0) o["allianceBottleneck"] = d->nodes[size_t(nf.alliance_bottleneck)].id;
        o["restsOnUnknowns"] = nf.rests_on_unknowns;
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
    json rows = json::array();
    for (const auto& r : e.rows)
        rows.push_back({{"holder", r.holder}, {"role", r.role}, {"share", is_known(r.share) ? json(r.share) : json(nullptr)},
                        {"year", r.year}, {"source", r.source}});
    j["rows"] = rows;
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
