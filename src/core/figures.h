// figures.h — every figure the model computes for a scenario, with ranges where shares are
// unknown, and the pieces an explanation needs.
//
// How to use
//   Scenario s; s.members = ...; s.target = ds.find_country("CHN");
//   DomainFigures f = compute_domain(ds, ds.domains[0], s);
//   f.nodes[i].alliance_share.lo ... ; explain_node(ds, dom, s, f, i) for the "why".
//
// The model (docs/model.md has the worked example):
//   alliance share   = members' summed shares; rows with unknown share, region rows and an
//                      unattributed remainder widen the range [lo, hi] instead of counting as 0.
//   choke point      = alliance share lo >= threshold ("possible" when only hi reaches it).
//   target access    = the share of world supply the target can still obtain when the
//                      alliance denies it: everything not made by members, except that the
//                      target's own production needs its inputs: access = direct - own*(1-f),
//                      f = the smallest access among the node's inputs ("goes into").
//                      A category without shares of its own ("is a type of" parents such as
//                      assembly tools): the smallest access among its subtypes.
//                      Third-country rule on: non-members' production needs alliance-free inputs
//                      too, access = direct * f. A process without shares of its own: 100 * f.
//   exposure         = the mirror case: what the alliance can still obtain when the target cuts
//                      it off (the target denies, members are the ones denied).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace techmap {

struct Range {
    double lo = 0, hi = 0;
    bool exact() const { return hi - lo < 1e-9; }
    double mid() const { return 0.5 * (lo + hi); }
};

// The opening scenario's defaults: what the app starts with and what a link leaves out.
inline constexpr const char* kCustomAllianceName = "Custom alliance";  // a member set not from a preset
inline constexpr const char* kDefaultTarget = "CHN";                   // ISO code of the default rival
inline constexpr double kDefaultThreshold = 80;                        // control threshold, percent

// What the alliance denies the target (and the target the alliance, in retaliation):
//   Everything  everything the denier makes: the hypothetical upper bound (the model before dates)
//   Controls    only what the measures in force on the scenario's date cover, issued by the
//               denier's side (members for denial, the target for retaliation), aimed at the
//               other side: licences and parts of a node of unknown size make the denial a range
//   RulesInForce  the world as it is: every measure in force on the date aimed at the target,
//               whoever issued it (a member or not: the Dutch EUV licence binds with or without
//               the Netherlands in the group). For retaliation it is Controls (the target issues).
enum class DenialMode : uint8_t { Everything, Controls, RulesInForce };
// Counts only measures (not everything the denier makes).
inline bool counts_measures(DenialMode m) { return m != DenialMode::Everything; }

struct Scenario {
    std::vector<uint8_t> members;  // per country index: 1 = alliance member
    int target = -1;               // country index of the rival
    double threshold = kDefaultThreshold;  // control threshold, percent
    bool deny = true;              // the alliance denies the target
    // extend denial to non-members' production on alliance inputs (with the controls in force:
    // only at nodes covered by a measure that reaches foreign-made items)
    bool third_country_rule = false;
    bool retaliation = true;       // compute the target's cut-off of the alliance
    // The target's cut-off reaches third countries (as China's 2025 rare-earth rules claim to):
    // only the alliance's own production is assured; third countries' may or may not be there.
    bool retaliation_third_countries = false;
    // Cross-domain links on: materials of other domains (rare earths, neon...) feed the chain.
    bool links = false;
    // The date the controls in force are read on, yyyymmdd; 0 = today (kToday, measures.h).
    int date = 0;
    DenialMode deny_mode = DenialMode::Everything;
    DenialMode retaliation_mode = DenialMode::Everything;
    // Which edition of figures with several (years, revisions, disagreeing sources) is used:
    // 0 = the newest published on or before the date; a year = the newest of at most that year
    // (still among those published on the date). Dataset editions are put in place by
    // use_editions(ds, edition_choice(s)); the Model does it on every change.
    int figures_year = 0;
    int member_count() const;
    bool is_member(int c) const { return c >= 0 && size_t(c) < members.size() && members[size_t(c)]; }
};

// The edition choice of a scenario: its date (today when none) and its figures year.
EditionChoice edition_choice(const Scenario& s);

enum class Choke : uint8_t { No, Possible, Yes };

struct NodeFigures {
    bool has_shares = false;   // the node has published shares of its own
    Range alliance_share;      // percent of world supply held by members
    Range target_share;        // the target's own production
    Choke choke = Choke::No;
    Range hhi;                 // Herfindahl-Hirschman index, 0-10000 (known shares; range from unknowns)
    Range target_access;       // percent of world supply the target can obtain under denial
    Range alliance_access;     // percent the alliance can obtain if the target cuts it off
    Range target_denied;       // share of world supply denied to the target (= alliance share
                               // when everything members make is denied; the controls' share else)
    Range alliance_denied;     // share denied to the alliance by the target's cut-off
    int target_bottleneck = -1;    // the input that limits target_access (node index), or -1
    int alliance_bottleneck = -1;  // the input that limits alliance_access
    bool rests_on_unknowns = false;  // some figure is a range because of unknown shares
};

struct DomainFigures {
    std::vector<NodeFigures> nodes;
    int choke_points = 0;            // lo >= threshold
    int possible_choke_points = 0;   // only hi >= threshold
    int nodes_with_shares = 0;
    std::vector<int> outputs;        // final products (nothing further downstream)
    Range target_access_to_outputs;  // min over outputs
    Range alliance_access_to_outputs;
    int target_denied_nodes = 0;     // nodes where the target's access hi < 50%
    int alliance_exposed_nodes = 0;  // nodes where the alliance's access hi < 50%
    // The data years of the rows the domain's own nodes use (0 when none): when they differ the
    // figures compare inputs of different years, and the headline says so.
    int year_min = 0, year_max = 0;
};

// Recomputes every figure of one domain. O(rows + edges); no allocation beyond the result.
DomainFigures compute_domain(const Dataset& ds, const Domain& dom, const Scenario& s);
// Same, writing into an existing result to avoid reallocation in a live loop.
void compute_domain(const Dataset& ds, const Domain& dom, const Scenario& s, DomainFigures& out);
// Every domain of the dataset (out[i] for ds.domains[i]), with what they share (the regions'
// roles, the measures that can act) worked out once for the scenario.
void compute_domains(const Dataset& ds, const Scenario& s, std::vector<DomainFigures>& out);

// How surely the target is denied one supplier's share of a node in the scenario's mode and on
// its date: everything members make (Certain for a member), or the measures in force that the
// supplier issued (Certain for a ban of the whole node, Possible for a licence or a part of it).
// What the map's arcs and the "why" draw: an arc is drawn denied only where this says so.
struct SupplierDenial {
    int country = -1;
    double share = kUnknown;
    ControlLevel level = ControlLevel::None;
};
std::vector<SupplierDenial> supplier_denials(const Dataset& ds, const Node& n, const Scenario& s);
const char* denial_word(ControlLevel level);  // "ban" | "licence" | "none"

// Pooled figures across the alliance (from the dataset's indicators).
struct Pooled {
    double members_value = 0;         // sum over members with data
    int members_with_data = 0, members_without_data = 0;
    std::vector<int> members_missing; // country indices
    bool target_known = false;
    double target_value = 0;
    int target_year = 0, target_source = -1;
    std::string unit, indicator_name;
    int year_min = 0, year_max = 0;   // years of the values summed
    std::vector<int> sources;         // distinct sources of the values used
    // The years of every value shown, the members' and the target's (0 when none): a sum of
    // values of several years is never written as one year's.
    int first_year() const;
    int last_year() const;
};
Pooled pooled(const Dataset& ds, const Scenario& s, const std::string& indicator_id);

// "12.3%", or "0.0–78.9%" for a range: how figures are written in explanations and the UI.
std::string percent_text(const Range& r);

// A country's strongest inputs in a domain: the nodes where its published share is largest
// (normalised), largest first, at most `n`.
struct CountryShare {
    int node = -1;
    double share = 0;
    int year = 0;
};
std::vector<CountryShare> strongest_nodes(const Domain& dom, int country, size_t n);
// The alliance presets a country belongs to on a date (yyyymmdd): the snapshot in force then;
// a grouping that had ended by the date is listed with its end date (indices into alliances).
struct Membership {
    int alliance = -1;
    int ended = 0;  // yyyymmdd the grouping ended, on or before the date; 0: in force
    // since when the country is a member: the first snapshot that lists it (its day, or only its
    // year when the data gives no day; both 0 when it is in the grouping's first, undated snapshot:
    // unknown), and what the sources leave uncertain about the snapshot in force
    int since_date = 0, since_year = 0;
    std::string caveat;
};
std::vector<Membership> memberships(const Dataset& ds, int country, int date);

// The "why" of one node's figures: rows, members, inputs, sources, in plain sentences.
struct Explanation {
    struct Row {
        std::string holder, role;  // role: "member", "target", "other", "region"
        double share = kUnknown;   // as published (NaN = unknown)
        int year = 0;
        std::string source;
    };
    std::vector<Row> rows;
    std::vector<Row> firms;          // the firms behind the shares: holder = the firm, role = its headquarters' country
    std::vector<std::string> lines;  // sentences, in reading order
};
Explanation explain_node(const Dataset& ds, const Domain& dom, const Scenario& s,
                         const DomainFigures& f, int node);

}  // namespace techmap
