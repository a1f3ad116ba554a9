// report.h — the current scenario in words and as a table: the page's text summary (read by
// screen readers through an aria-live region) and the CSV export. Both read the Model's
// figures; neither computes one.
#pragma once
#include <string>
#include <vector>

#include "core/headline.h"  // plain_headline, plain_percent
#include "core/model.h"     // Model::Comparison

namespace techmap {

class Model;
struct Dataset;
struct Node;

// The years ("2019-2022") and source titles ("A; B") behind a node's shares.
void node_provenance(const Dataset& ds, const Node& node, std::string& years, std::string& sources);

// A few sentences: the alliance, the target, the headline figures with their ranges and the
// selected input, with years and sources where a figure has them.
std::string scenario_summary(const Model& model);

// The pinned scenario beside the current one, in words: `heading` says what each is (date,
// denial mode, alliance, target), `lines` one per input whose figures changed ("EUV lithography
// tools: China could get 0–100% then, 0% now; now a choke point"), `products` the finished
// products. Empty when nothing is pinned (or the pin is of another domain).
struct ComparisonWords {
    std::string heading, products;
    std::vector<std::string> lines;
    size_t unchanged = 0;  // inputs whose figures did not change
};
ComparisonWords comparison_words(const Model& model);
// The same for a comparison already made (model.compare()): the panel, which also lists it, makes it once.
ComparisonWords comparison_words(const Model& model, const Model::Comparison& comparison);

// One sentence: the alliance, its members' codes, the target and the choke points held (the
// default caption of a step in a teacher's story).
std::string scenario_headline(const Model& model);

// A country's name as written inside a sentence ("the Netherlands", "the United States",
// "Japan"); sentence_start capitalises the first letter; in_sentence lower-cases a name's first
// letter when it is a capital of an ordinary word ("Finished logic chip", not "EUV ...").
std::string country_in_sentence(const std::string& name);
std::string sentence_start(std::string text);
std::string in_sentence(std::string name);

// Country names for people: "the United States, Japan and the Netherlands"; beyond `max`,
// "the 7 members". Sorted by name.
std::string country_list(const Dataset& ds, const std::vector<int>& countries, size_t max = 3);

// Sources named in a sentence: each title once, in the order given, joined by "; ", each
// without its own closing full stop ("... on July 3, 2026.; ..." read badly).
std::string source_list(const Dataset& ds, const std::vector<int>& sources);

// The scenario's figures as CSV (RFC 4180, UTF-8), one row per figure:
//   record,id,name,metric,low,high,unit,year,source
// record is "scenario", "summary", "node", "firm" (a firm's share of a node, with its headquarters
// in the metric), or "comparison"; unknown values are empty cells, never 0; a figure
// that is exact has low == high. Each node row names the years and sources of its shares.
std::string figures_csv(const Model& model);

}  // namespace techmap
