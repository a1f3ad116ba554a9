// dataset.h — the data the model reasons about: countries, regions, sources, technology domains
// (supply-chain graphs with per-country shares), alliance presets and macro indicators.
//
// How to use
//   1. Hand the bytes of one or more JSON files (format "techmap-dataset/1", see
//      data/dataset.schema.json) to load_dataset(). Files are merged in order; a later file may
//      add countries, sources, domains, alliances and indicators, or replace a domain by id.
//   2. On success you get an immutable Dataset whose records refer to each other by index.
//      On failure you get messages naming the file, the record and the problem; nothing of the
//      failed load leaks anywhere (keep using the previous Dataset).
//
// Plain C++17; no GL, SDL or Emscripten. nlohmann_json is used only inside dataset.cpp.
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
    std::vector<int> outputs;   // nodes this one goes into
    std::vector<int> subtypes;  // nodes that are "a type of" this one
    int parent = -1;            // the node this one is a type of
    // A copy of a node of another domain, brought in by a cross-domain link (with the inputs it
    // needs): it feeds this domain only when the scenario turns links on, and is not counted
    // among this domain's own figures.
    int link = -1;              // index into Dataset::links, or -1 for the domain's own nodes
    std::vector<NodeMeasure> measures;  // the measures that cover it (in any state, on any date)
    // derived at load time
    double published_sum = 0;   // sum of known shares as published
    double scale = 1;           // < 1 when rounding made the sum pass 100 (normalised)
    double residual = 0;        // 100 - normalised known sum: held by unknown rows or unattributed
    bool residual_unattributed = false;  // residual > 0 and no row could hold it: anyone could
};

struct Stage { std::string id, name; };

struct Domain {
    std::string id, name, description;
    std::string focus;          // the input the domain opens on (optional)
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
};

struct AlliancePreset {
    std::string id, name, kind, note;
    std::string status;         // e.g. "dormant since 2023-02-16 (CHECK)"; empty: active
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
};

struct Indicator {
    std::string id, name, unit, note;
    std::vector<IndicatorValue> values;
    // Value for one country, or nullptr when unknown.
    const IndicatorValue* for_country(int country) const;
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

    int find_country(const std::string& iso3) const;  // -1 when unknown
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

LoadResult load_dataset(const std::vector<DataFile>& files, const LoadLimits& limits = {});
// The checks of one file that need no other file (size, JSON syntax, an object of the right
// format): a user's file that fails them is refused without reading the default data again.
LoadResult check_dataset_file(const DataFile& file, const LoadLimits& limits = {});

}  // namespace techmap
