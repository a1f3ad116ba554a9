// measures.h — real, dated export controls ("measures") and what those in force on a date do to
// one node of a domain, for one side of the scenario.
//
// How to use
//   A measure is data (data/measures.json, key "measures"; read by dataset_measures.cpp): an issuer,
//   targets, dates, the nodes it covers, a kind (ban, licence, agreement) and whether it reaches
//   foreign-made items. The figures (figures.cpp) ask, per node:
//     NodeControls c = node_controls(ds, dom, node, s, ControlSide::Denial);
//     c.issuer_level(country)  -> none / possible / certain
//   and count a holder's share as denied only when it issued a measure in force on the date:
//   certainly (a ban of the whole node) or possibly (a licence, or a part of the node of unknown
//   size: the figure becomes a range, lo without it, hi with it).
//
// Dates are ints yyyymmdd (20230901); 0 in a Scenario means "today", kToday.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace techmap {

struct Dataset;
struct Domain;
struct Scenario;
struct Node;

// The date the data's statuses were last checked (shared/data/policy-timeline.md): "today" until
// the app says otherwise (set_today), and always in the native tests.
inline constexpr int kToday = 20261129;
// "Today": the date of a scenario that names none. The app sets it to the user's date on start
// (the CLI to the machine's), so that "today" means today; before any set_today, kToday.
int today();
// Sets today (a valid yyyymmdd; anything else is ignored). Call before loading data.
void set_today(int yyyymmdd);

// "2023-09-01" -> 20230901; 0 when the text is not a real calendar date (1900-2100).
int parse_date(std::string_view text);
// A date as a person types it: "2023-09-01", "1 Sep 2023", "1 September 2023", "Sep 2023"
// (the 1st of the month), "2023" (1 January). Case, commas and extra spaces do not matter.
// On failure `date` is 0 and `error` says what to type instead.
struct TypedDate {
    int date = 0;
    std::string error;
};
TypedDate parse_typed_date(std::string_view text);
// 20230901 -> "2023-09-01" ("" for 0).
std::string date_text(int date);
// The date as people write it: "1 Sep 2023" ("" for no valid date).
std::string pretty_date(int date);
// A real calendar date written as yyyymmdd.
bool is_valid_date(int date);
// Days since 1970-01-01 of a valid yyyymmdd, and back (proleptic Gregorian calendar).
int days_of(int date);
int date_of_days(int days);
// The same day `months` later (or earlier), on the month's last day where it has no such day
// (31 Jan + 1 month = 28 or 29 Feb).
int add_months(int date, int months);

enum class MeasureKind : uint8_t {
    Ban,        // no exports to the targets
    Licence,    // exports need a licence: some may be granted, so the denied share is a range
    Agreement,  // an agreement or announcement without rules of its own: listed, denies nothing
    Entities,   // aims at named firms (an entity list, the affiliates rule): listed, moves no product figure
};
const char* to_string(MeasureKind k);

// "All of the node" or "a part of it whose size the data does not give".
struct MeasureCover {
    int domain = -1, node = -1;
    bool whole = true;
};

enum class MeasureState : uint8_t { NotYet, InForce, Suspended, Ended, Unknown };
const char* to_string(MeasureState s);

struct Measure {
    std::string id, name, scope, note, mapping, check;  // mapping: how the scope became nodes
    int issuer = -1;                      // country index
    enum class Targets : uint8_t { Listed, All, AllBut } targets = Targets::Listed;
    std::vector<int> target_list;         // the listed targets, or the exceptions of AllBut
    int announced = 0, in_force = 0, ended = 0;  // yyyymmdd; 0 = none
    struct Window { int from = 0, until = 0; };  // both days included
    std::vector<Window> suspended;
    int unknown_from = 0;                 // from this date the data cannot say whether it applies
    // What the measure's own text makes the default once its suspension lapses, in words ("by its
    // own text the rule applies again from 10 Nov 2026 unless BIS acts"); shown with "status unknown".
    std::string lapse_default;
    // Steps or parts with dates of their own (the three steps of the October 2022 rule); the
    // measure's in-force date is that of the step whose inputs it covers.
    struct Step { int date = 0; std::string what; };
    std::vector<Step> steps;
    MeasureKind kind = MeasureKind::Ban;
    bool foreign_made = false;            // reaches foreign-made items (foreign direct product rule)
    std::vector<MeasureCover> covers;     // includes the copies of linked nodes in other domains
    std::vector<int> sources;

    MeasureState state_on(int date) const;
    bool targets_country(int country) const;
    // Where it starts on a timeline: its entry into force, or its announcement (an agreement has
    // no entry into force); 0 when the data gives neither.
    int start() const { return in_force ? in_force : announced; }
};

// How certainly one holder's share of a node is denied by the measures in force.
enum class ControlLevel : uint8_t { None, Possible, Certain };

enum class ControlSide : uint8_t {
    Denial,       // issued by members, aimed at the target
    Retaliation,  // issued by the target, aimed at members
};

// The measures in force on one node, for one side: each issuer's level, and the measures.
struct NodeControls {
    struct Issuer { int country = -1; ControlLevel level = ControlLevel::None; };
    struct Applied {
        int measure = -1;
        ControlLevel level = ControlLevel::None;
        bool some_members_only = false;
        bool whole = true;  // covers all of the node (else a part of unknown size)
    };
    std::vector<Issuer> issuers;
    std::vector<Applied> measures;
    bool foreign_made = false;   // one of them reaches foreign-made items
    ControlLevel issuer_level(int country) const;
    bool any() const { return !issuers.empty(); }
    void clear() { issuers.clear(); measures.clear(); foreign_made = false; }
};

// The scenario's date, today when it names none.
int scenario_date(const Scenario& s);

// Every date, ascending and once, on which some measure's state changes (announced, in force,
// a dated step, suspended, back after a suspension, ended, status unknown), between `from` and `until`
// (both included): the steps of the timeline.
std::vector<int> measure_change_dates(const Dataset& ds, int from, int until);
// The timeline's lanes: one per issuer, in the order the data first names each, and in each the
// issuer's measures (indices into ds.measures), oldest first (by start(); the data's order
// among equals). Every measure is in exactly one lane.
struct MeasureLane {
    int issuer = -1;
    std::vector<int> measures;
};
std::vector<MeasureLane> measure_lanes(const Dataset& ds);
// A denial measure of the scenario: aimed at the target, issued by a member (or, with the rules
// in force, by anyone but the target), whatever its state on the date.
bool denies_target(const Measure& m, const Scenario& s);
// The measures of a side in force (or of unknown status) on the scenario's date: issued by
// members against the target (Denial) or by the target against a member (Retaliation).
// Agreements without rules of their own are listed too (they deny nothing).
std::vector<int> measures_in_force(const Dataset& ds, const Scenario& s, ControlSide side);
// Those of them in the one state `state` on the date (InForce, or Unknown: the sources end
// before it): the text summary's and the text view's lists, which never call an unknown "in force".
std::vector<int> measures_in_state(const Dataset& ds, const Scenario& s, ControlSide side, MeasureState state);

// Per scenario (date, members, target): what each measure can do, for each side. Computed once
// per scenario; node_controls() then reads it for each node.
struct ActiveMeasures {
    std::vector<uint8_t> denial, retaliation;  // per measure: the highest ControlLevel it can reach
    std::vector<uint8_t> retaliation_some_members_only;  // aimed at some members, not all
};
void active_measures(const Dataset& ds, const Scenario& s, ActiveMeasures& out);
// Fills `out` with the measures in force that cover this node for one side (empty: none).
void node_controls(const Dataset& ds, const Node& node, const ActiveMeasures& active, ControlSide side, NodeControls& out);

}  // namespace techmap
