// dataset.h — the data the model reasons about: countries, regions, sources, technology domains
// (supply-chain graphs with per-country shares), alliance presets and macro indicators.
//
// How to use
//   1. Hand the bytes of one or more JSON files (format "techmap-dataset/1", see
//      data/dataset.schema.json) to load_dataset(). Files are merged in order; a later file may
//      add countries, sources, domains, alliances and indicators, or replace a domain by id.
//   2. On success you get a Dataset whose records refer to each other by index.
//      On failure you get messages naming the file, the record and the problem; nothing of the
//      failed load leaks anywhere (keep using the previous Dataset).
//   3. A figure may have several editions (years, or sources that disagree): a node's
//      `editions`, an indicator's values of several years. use_editions(ds, choice) puts the
//      editions a scenario asks for in place (Node::shares, the rows every figure reads); the
//      Model does it on each change of the scenario's date or edition year. Nothing else
//      changes after loading.
//
// Plain C++17; no GL, SDL or Emscripten. JSON is read and written through core/json.h (RapidJSON) alone.
#pragma once
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/measures.h"

namespace techmap {

constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
inline bool is_known(double v) { return v == v; }

struct Country {
    std::string id;    // ISO 3166-1 alpha-3
    std::string name;
    float lat = 0, lon = 0;  // a point for labels and arcs
};

// A holder of shares that is not one country ("Europe", "Various countries").
struct Region {
    std::string id, name, note;
    bool any_country = false;        // "*": could be any country at all
    std::vector<int> members;        // country indices (when !any_country)
};

struct Source {
    std::string id, title, url, licence, credit;
    std::string published;  // "2026-02-06", "2025-11" or "2025" as the source gives it; empty: date not given
    std::string weak;       // why a reader should not cite it as it stands (shown beside it); empty: not weak
    std::string caveat;     // what the source leaves uncertain, in plain words (shown)
    std::string terms;      // for a dataset: its terms of use
};

enum class NodeKind : uint8_t { Process, Tool, Material, Design, Output };
const char* to_string(NodeKind k);

// One published row "holder supplies share % of world supply of this node".
struct ShareRow {
    int country = -1;      // country index, or -1 when a region holds it
    int region = -1;       // region index, or -1
    double share = kUnknown;  // percent of world supply; NaN = supplier known, share unknown
    int year = 0;
    int source = -1;       // index into Dataset::sources
};

struct FirmRow {           // firm-level detail, shown in explanations, never summed
    std::string name;
    int country = -1, region = -1;
    double share = kUnknown;
    int year = 0, source = -1;
};

// One edition of a node's figures: the rows of one data year from one publication. A node's own
// "shares" are its first edition; "editions" in the data add others (a newer year, a revision,
// a source that disagrees: `check` says how).
struct Edition {
    int year = 0;            // the data year (the latest row year)
    int published = 0;       // yyyymmdd from which the edition is available; 0 = always (the base)
    std::string label, note, check;  // label: the publication ("USGS MCS 2026"); check: a conflict
    std::vector<ShareRow> shares;
};

// Which edition a scenario uses: of those published on or before `date` (yyyymmdd; the first
// edition when none is), the newest whose year is at most `year` (0 = any: the newest).
struct EditionChoice {
    int date = 0;
    int year = 0;
};
// The index of the chosen edition among `eds` (0 when empty). Ties: the later publication.
int pick_edition(const std::vector<Edition>& eds, const EditionChoice& choice);

// A measure (Dataset::measures) covering a node: all of it, or a part of unknown size.
struct NodeMeasure {
    int measure = -1;
    bool whole = true;
};

struct Node {
    std::string id, name, stage, description, market, note;
    NodeKind kind = NodeKind::Process;
    std::vector<ShareRow> shares;
    std::vector<FirmRow> firms;
    std::vector<int> inputs;    // nodes that "go into" this one
    std::vector<int> own_inputs;  // those of them that are the domain's own (not linked: `link` below)
    std::vector<int> outputs;   // nodes this one goes into
    std::vector<int> subtypes;  // nodes that are "a type of" this one
    int parent = -1;            // the node this one is a type of
    // A copy of a node of another domain, brought in by a cross-domain link (with the inputs it
    // needs): it feeds this domain only when the scenario turns links on, and is not counted
    // among this domain's own figures.
    int link = -1;              // index into Dataset::links, or -1 for the domain's own nodes
    std::vector<NodeMeasure> measures;  // the measures that cover it (in any state, on any date)
    // Every edition of its figures, oldest first ([0] = the node's own "shares"); empty when the
    // data gives only one. `shares` above holds the rows of editions[edition] (use_editions).
    std::vector<Edition> editions;
    int edition = 0;
    // derived from `shares` (at load time and by use_editions)
    double published_sum = 0;   // sum of known shares as published (the rows are never rescaled)
    // > 0 when the published shares sum past 100 by rounding: the rows overstate the world by
    // this much in total, on rows the data does not name, so the figures that add rows up are
    // ranges [rows' sum - what they could overstate, rows' sum] (docs/model.md)
    double excess = 0;
    double residual = 0;        // 100 - known sum (>= 0): held by unknown rows or unattributed
    bool residual_unattributed = false;  // residual > 0 and no row could hold it: anyone could
    double hhi_lo = 0, hhi_hi = 0;  // concentration (HHI, 0-10000) of the rows: a range when they sum past 100
    int year_min = 0, year_max = 0;  // the oldest and newest row years (0: none given)
    // The rows as the recompute reads them (once per node per toggle): by holder, a country c
    // as c, a region g as countries + g, neither as countries + regions; known shares apart
    // from rows whose share is unknown. Dataset::holder_count() indices in all.
    struct Holding { double share; uint32_t holder; };
    std::vector<Holding> known_holdings;
    std::vector<uint32_t> unknown_holders;
    int year() const { return year_max; }  // the latest year among `shares` (0: none)
    const Edition* current_edition() const { return editions.empty() ? nullptr : &editions[size_t(edition)]; }
};

struct Stage { std::string id, name; };

// What a domain's shares are of, read once at load from its "measures" field.
enum class Measures : uint8_t {
    Supply,  // "supply": who makes it (the default)
    Demand,  // "demand": who buys it
    Share,   // "share": of an activity (papers, investment)
};

struct Domain {
    std::string id, name, description;
    std::string focus;          // the input the domain opens on (optional)
    Measures measures = Measures::Supply;
    std::vector<Stage> stages;
    std::vector<Node> nodes;
    std::vector<int> order;     // topological: inputs and subtypes before what they feed
    int find_node(const std::string& node_id) const;
};

struct AllianceSnapshot {
    int year = 0;
    int date = 0;               // yyyymmdd when the data gives the day (optional)
    std::vector<int> members;   // country indices
    int source = -1;
    std::string caveat;         // what the sources leave uncertain about it, in plain words (shown)
};

struct AlliancePreset {
    std::string id, name, kind, note;
    std::string description;    // one line on what the grouping is (the preset list, the country card)
    std::string status;         // e.g. "dormant since 2023-02-16 (not confirmed ...)"; empty: active
    int ended = 0;              // yyyymmdd when the status reads "ended yyyy-mm-dd ..." (a rescinded rule); 0: not ended
    std::vector<AllianceSnapshot> snapshots;  // ascending year (and date within a year)
    // The latest snapshot at or before `year` (nullptr when the grouping did not exist yet).
    const AllianceSnapshot* as_of(int year) const;
    // The latest snapshot in force on a date yyyymmdd (a snapshot without a day counts from
    // 1 January of its year).
    const AllianceSnapshot* as_of_date(int date) const;
    const AllianceSnapshot* latest() const { return snapshots.empty() ? nullptr : &snapshots.back(); }
};

struct IndicatorValue {
    int country = -1;          // country index, or -1 for a group total
    std::string group;         // e.g. "EU27" (shown, never added to its members)
    double value = 0;
    int year = 0, source = -1;
    int published = 0;         // yyyymmdd from which the value is available; 0 = always
    std::string check;         // the source is weak or disagrees with another (shown)
};

struct Indicator {
    std::string id, name, unit, note;
    std::vector<IndicatorValue> values;  // a country may have values of several years (editions)
    // The value for one country in the edition `choice` asks for (the newest published on its
    // date, of a year at most its year; the oldest when none qualifies), or nullptr when unknown.
    const IndicatorValue* for_country(int country, const EditionChoice& choice = {}) const;
    // Every year with a value, ascending.
    std::vector<int> years() const;
};

struct DatasetInfo {
    std::string file, version, licence, attribution;
};

// "X of one domain goes into Y of another" (neon into photolithography, ...): the basis says
// whether a source says so ("source") or it is a modelling assumption ("assumption").
struct DomainLink {
    int from_domain = -1, from_node = -1, to_domain = -1, to_node = -1;
    int imported_node = -1;      // the copy of from_node inside to_domain
    std::string basis, note;
    int source = -1;             // for basis "source"
};

struct Dataset {
    std::vector<DatasetInfo> files;
    std::vector<Country> countries;
    std::vector<Region> regions;
    std::vector<Source> sources;
    std::vector<Domain> domains;
    std::vector<AlliancePreset> alliances;
    std::vector<Indicator> indicators;
    std::vector<DomainLink> links;
    std::vector<Measure> measures;       // dated export controls (measures.h)
    std::string not_shown;               // what the data leaves out on purpose, and why
    std::vector<int> countries_by_name;  // country indices in name order (derived at load)
    // find_country's index: country indices in code order, extended whenever the countries grew
    mutable std::vector<int> countries_by_code;

    int find_country(const std::string& iso3) const;  // -1 when unknown
    // Node::Holding::holder runs over countries, then regions, then "no one named"
    size_t holder_count() const { return countries.size() + regions.size() + 1; }
    int find_domain(const std::string& id) const;
    int find_alliance(const std::string& id) const;
    int find_measure(const std::string& id) const;
    const Indicator* find_indicator(const std::string& id) const;
    std::string version() const;  // the files' versions joined with '+'
};

struct DataFile {
    std::string name;      // shown in messages
    std::string bytes;
};

struct Problem {
    enum Severity { Error, Warning } severity = Error;
    std::string file, record, message;
    std::string text() const;  // "file: record: message"
};

struct LoadResult {
    std::optional<Dataset> dataset;   // set only when there is no Error
    std::vector<Problem> problems;    // errors and warnings
    bool ok() const;                  // no Error among the problems
    std::string summary() const;      // all problems, one per line
};

struct LoadLimits {
    size_t max_file_bytes = 8u << 20;    // a dataset file larger than this is refused unread
    double max_share_sum = 110.0;        // above: an error (not rounding)
};

// A file's "version" (it travels in links as part of the data version): at most this long.
inline constexpr size_t kMaxFileVersionBytes = 40;
// The data version a link carries (dv=): all files' versions joined by '+'.
inline constexpr size_t kMaxDataVersionBytes = 240;

LoadResult load_dataset(const std::vector<DataFile>& files, const LoadLimits& limits = {});
// Puts the chosen edition of every node with editions in place (Node::shares, edition and the
// derived sums). Returns true when any node changed edition. O(nodes with editions).
bool use_editions(Dataset& ds, const EditionChoice& choice);
// Every data year of an edition or indicator value in the data, ascending (for a year picker).
std::vector<int> edition_years(const Dataset& ds);
// The checks of one file that need no other file (size, JSON syntax, an object of the right
// format): a user's file that fails them is refused without reading the default data again.
LoadResult check_dataset_file(const DataFile& file, const LoadLimits& limits = {});

}  // namespace techmap
