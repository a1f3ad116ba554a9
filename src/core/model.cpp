// model.cpp — scenario mutations, recompute, undo and redo, comparison with a pinned scenario.
// The model's JSON is in model_json.cpp.
#include "core/model.h"
#include "core/report.h"
#include "core/scenario_link.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>


namespace techmap {

LoadResult Model::load(const std::vector<DataFile>& files) {
    LoadResult r = load_dataset(files);
    if (!r.ok()) return r;  // the previous dataset and scenario stay as they were
    // Carry the scenario across by codes, not indices: the new dataset may order countries differently.
    std::string previous = loaded_ ? scenario_json() : std::string();
    data_ = std::move(*r.dataset);
    r.dataset.reset();
    loaded_ = true;
    ++data_revision_;
    editions_in_place_ = {-1, -1};  // load_dataset put today's editions in place: look again
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
    figures_years_ = edition_years(data_);
    if (!previous.empty()) {
        set_scenario_json(previous);
    } else {
        scenario_.target = data_.find_country(kDefaultTarget);
    }
    recompute();
    return r;
}

LoadResult Model::load_on_top(const std::vector<DataFile>& base, const DataFile& user) {
    LoadResult quick = check_dataset_file(user);
    if (!quick.ok()) return quick;
    std::vector<DataFile> all = base;
    all.push_back(user);
    return load(all);
}

const Domain* Model::domain() const {
    return domain_ >= 0 && size_t(domain_) < data_.domains.size() ? &data_.domains[size_t(domain_)] : nullptr;
}

void Model::editions_changed() {
    // a toggle leaves the date and the figures year as they were: nothing to look at then
    EditionChoice choice = edition_choice(scenario_);
    if (choice.date <= 0) choice.date = today();
    if (choice.date == editions_in_place_.date && choice.year == editions_in_place_.year) return;
    editions_in_place_ = choice;
    if (use_editions(data_, choice)) keys_valid_ = false;
}

void Model::set_figures_year(int year) {
    if (year < 0 || year > 2100) return;
    if (scenario_.figures_year != year) {
        scenario_.figures_year = year;
        recompute();
    }
}

void Model::recompute() {
    editions_changed();  // a no-op unless the date or the figures year moved an edition
    ++recomputations_;
    ++revision_;
    compute_domains(data_, scenario_, all_);
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
    // a preset renamed is the user's own alliance now: its link must carry the members and name
    preset_id_.clear();
    preset_year_ = 0;
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
        const Flip fl{int(i), a.choke, b.choke, a.target_access, b.target_access};
        if (a.choke != b.choke) c.flips.push_back(fl);
        if (a.choke != b.choke || std::fabs(a.target_access.lo - b.target_access.lo) > 0.05 || std::fabs(a.target_access.hi - b.target_access.hi) > 0.05)
            c.changes.push_back(fl);
    }
    c.pinned = pinned_->scenario;
    c.outputs_before = pinned_->figures.target_access_to_outputs;
    c.outputs_after = figures().target_access_to_outputs;
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
    alliance_name_ = kCustomAllianceName;
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

void Model::clear_members() { set_members({}, kCustomAllianceName); }

bool Model::apply_preset(const std::string& id, int year) {
    int a = data_.find_alliance(id);
    if (a < 0) return false;
    const AlliancePreset& p = data_.alliances[size_t(a)];
    return apply_snapshot(p, year > 0 ? p.as_of(year) : p.latest());
}

bool Model::apply_preset_on(const std::string& id, int date) {
    int a = data_.find_alliance(id);
    if (a < 0 || !is_valid_date(date)) return false;
    const AlliancePreset& p = data_.alliances[size_t(a)];
    return apply_snapshot(p, p.as_of_date(date));
}

bool Model::apply_snapshot(const AlliancePreset& p, const AllianceSnapshot* snap) {
    if (!snap) return false;  // not yet formed then
    // the snapshot's year, unless the name says it already ("D10 (UK proposal, 2020)")
    const std::string year = std::to_string(snap->year);
    set_members(snap->members, p.name.find(year) != std::string::npos ? p.name : p.name + " (" + year + ")");
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
void Model::set_date(int date) {
    if (date != 0 && !is_valid_date(date)) return;
    if (date == today()) date = 0;  // one way to say "today"
    if (scenario_.date != date) { scenario_.date = date; recompute(); }
}
void Model::set_deny_mode(DenialMode mode) { if (scenario_.deny_mode != mode) { scenario_.deny_mode = mode; recompute(); } }
void Model::set_retaliation_mode(DenialMode mode) {
    if (scenario_.retaliation_mode != mode) { scenario_.retaliation_mode = mode; recompute(); }
}

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
    const IndicatorValue* v = ind ? ind->for_country(scenario_.target, edition_choice(scenario_)) : nullptr;
    if (!v) return kUnknown;
    if (year) *year = v->year;
    return v->value;
}

Explanation Model::explain(int node) const {
    const Domain* d = domain();
    return d ? explain_node(data_, *d, scenario_, figures(), node) : Explanation{};
}

Role Model::role(int c) const {
    if (c < 0) return Role::Other;
    if (c == scenario_.target) return Role::Target;
    return scenario_.is_member(c) ? Role::Member : Role::Other;
}

}  // namespace techmap
