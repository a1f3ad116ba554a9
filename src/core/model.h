// model.h — the one small API the UI, the URL state and the page's JavaScript API all call.
//
// A Model owns the loaded Dataset, the current Scenario and every figure computed for it.
// Each mutator recomputes what it invalidates before returning, so a caller that toggles a
// member and then draws sees the new figures in the same frame.
//
//   Model m;
//   m.load({{"world.json", bytes1}, {"semiconductors.json", bytes2}});   // keeps the old data on failure
//   m.apply_preset("G7", 2025);
//   m.toggle_member(m.data().find_country("KOR"));
//   const DomainFigures& f = m.figures();
//   std::string json = m.figures_json();   // for JavaScript and tests
#pragma once
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/figures.h"
#include "core/keys.h"

namespace techmap {

// The part a country plays in the scenario.
enum class Role { Other, Member, Target };

class Model {
public:
    // Loads and validates; on failure the previous dataset and scenario stay in place.
    LoadResult load(const std::vector<DataFile>& files);
    // A user's dataset file on top of the base (default) files; a file that is not a dataset
    // at all is refused at once. On failure the previous dataset and scenario stay in place.
    LoadResult load_on_top(const std::vector<DataFile>& base, const DataFile& user);
    bool loaded() const { return loaded_; }
    const Dataset& data() const { return data_; }
    // Grows by one on each successful load: what is derived from the data alone (the timeline's
    // lanes and change dates) is cached per data revision.
    long data_revision() const { return data_revision_; }

    // --- scenario ---------------------------------------------------------------------------
    const Scenario& scenario() const { return scenario_; }
    const std::string& alliance_name() const { return alliance_name_; }
    void toggle_member(int country);
    void set_member(int country, bool member);
    void set_members(const std::vector<int>& countries, const std::string& name = kCustomAllianceName);
    void clear_members();
    // Members of a preset as of `year` (0 = the latest snapshot). False if unknown/not yet existing.
    bool apply_preset(const std::string& id, int year = 0);
    // Members of a preset as they were on a date (yyyymmdd: the latest snapshot in force then).
    // False if unknown or not yet formed on that date.
    bool apply_preset_on(const std::string& id, int date);
    void set_alliance_name(const std::string& name);
    // The preset the members came from (empty after any other change) and the year of the
    // snapshot used, so that a link can say "NATO as of 2021" instead of 30 codes.
    const std::string& preset_id() const { return preset_id_; }
    int preset_snapshot_year() const { return preset_year_; }
    // Undo and redo changes of the member set (toggles, presets, clear), 100 steps deep.
    bool undo();
    bool redo();
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    void set_target(int country);   // -1 = none; the target is never a member
    void set_threshold(double percent);   // clamped to 1..100
    void set_deny(bool on);
    void set_third_country_rule(bool on);
    void set_retaliation(bool on);
    void set_retaliation_third_countries(bool on);
    void set_links(bool on);
    // The date the controls in force are read on (yyyymmdd; 0 = today, kToday); an invalid date
    // is ignored. And what is denied: everything the denier makes (the upper bound) or the
    // controls in force on that date, for the denial and for the retaliation.
    void set_date(int yyyymmdd);
    // Which edition of figures that have several (years, revisions, sources that disagree) is
    // used: 0 = the newest published on or before the scenario's date (the default); a year =
    // the newest of at most that year among those published on the date. Any year is kept (a
    // year without an edition takes the closest older one; before every edition, the oldest).
    void set_figures_year(int year);
    // The years a picker can offer: every data year of an edition (edition_years, dataset.h).
    const std::vector<int>& figures_years() const { return figures_years_; }
    void set_deny_mode(DenialMode mode);
    void set_retaliation_mode(DenialMode mode);
    bool select_domain(const std::string& id);
    void select_node(int node);     // -1 = none
    // The input a domain opens on: its "focus" in the data, else its most concentrated own input.
    int default_node() const;

    int domain_index() const { return domain_; }
    const Domain* domain() const;
    int selected_node() const { return node_; }

    // --- figures ----------------------------------------------------------------------------
    // The selected domain's figures; every domain is recomputed on each change (the links make
    // them depend on each other, and the domain picker shows each one's headline).
    const DomainFigures& figures() const { return domain_ >= 0 && size_t(domain_) < all_.size() ? all_[size_t(domain_)] : empty_; }
    const DomainFigures& figures_of(int domain) const { return domain >= 0 && size_t(domain) < all_.size() ? all_[size_t(domain)] : empty_; }
    const DomainKeys& keys();       // computed lazily, cached per (domain, threshold)
    bool keys_ready() const { return keys_valid_; }  // keys() would not compute
    Pooled pooled_rd() const { return pooled(data_, scenario_, "gerd"); }
    Pooled pooled_ai() const { return pooled(data_, scenario_, "ai_private_investment"); }
    // The target's share of world chip demand, if known (else NaN), with year.
    double target_demand_share(int* year = nullptr) const;
    // An indicator's value for the target (NaN when unknown), with its year.
    double target_indicator(const std::string& id, int* year = nullptr) const;
    Explanation explain(int node) const;
    // What role a country plays now.
    Role role(int country) const;
    // Counts recomputations (tests and benchmarks check that work is not repeated).
    long recomputations() const { return recomputations_; }
    // The change signal: grows by at least one on every change of the scenario, the selection,
    // the alliance's name or the data. Watch it once per frame; equal values mean nothing changed.
    long revision() const { return revision_; }

    // --- comparison with a pinned scenario ---------------------------------------------------
    // Pins the current scenario and its figures; compare() then tells which nodes flip.
    void pin();
    void unpin() { pinned_.reset(); }
    bool has_pin() const { return pinned_.has_value(); }
    std::string pinned_name() const { return pinned_ ? pinned_->name : std::string(); }
    struct Flip {
        int node = -1;
        Choke before = Choke::No, after = Choke::No;  // choke status, pinned -> now
        Range access_before, access_after;            // the target's access under denial
    };
    struct Comparison {
        std::string pinned_name;
        Scenario pinned;          // the pinned scenario (its date and denial mode, for the words)
        int choke_points_before = 0, choke_points_after = 0;
        std::vector<Flip> flips;  // nodes whose choke status changed, largest access change first
        // every input whose figures differ (the target's access, or the choke status), in the
        // chain's order, and the finished products' access before and after
        std::vector<Flip> changes;
        Range outputs_before, outputs_after;
    };
    Comparison compare() const;

    // --- JSON for the JavaScript API and tests --------------------------------------------------
    std::string scenario_json() const;
    // Applies what it can; returns messages for what it ignored (unknown codes, bad values).
    std::vector<std::string> set_scenario_json(const std::string& json);
    std::string figures_json() const;
    // The "why" of one node: {"lines": [...], "rows": [{holder, role, share, year, source}]}.
    std::string explain_json(int node) const;
    // Who holds the keys, for the domain and each node (cached per threshold).
    std::string keys_json();

    void recompute();

private:
    Dataset data_;
    bool loaded_ = false;
    Scenario scenario_;
    std::string alliance_name_ = kCustomAllianceName;
    int domain_ = -1, node_ = -1;
    std::vector<DomainFigures> all_;  // per domain
    DomainFigures empty_;
    DomainKeys keys_;
    bool keys_valid_ = false;
    long recomputations_ = 0;
    long revision_ = 0;
    long data_revision_ = 0;
    std::vector<int> figures_years_;
    EditionChoice editions_in_place_{-1, -1};  // the choice use_editions last put in place (resolved date)
    void editions_changed();
    bool apply_snapshot(const AlliancePreset& p, const AllianceSnapshot* snap);  // puts the scenario's editions in place; keys follow the shares
    std::string preset_id_;
    int preset_year_ = 0;
    struct MemberState {
        std::vector<uint8_t> members;
        std::string name, preset;
        int preset_year = 0;
    };
    std::deque<MemberState> undo_, redo_;  // deque: the oldest step drops off in O(1)
    struct Pinned {
        Scenario scenario;
        std::string name;
        DomainFigures figures;
        int domain = -1;
    };
    std::optional<Pinned> pinned_;
    void members_changed();
    void remember_members();  // before a change of the member set
    bool step_history(std::deque<MemberState>& from, std::deque<MemberState>& to);
};

}  // namespace techmap
