// firms.h — who makes an input: the firms behind a node's shares (the ETO provision table's firm
// rows, Node::firms), in words for the caption, the "why", the country card and the search.
//
// Firm rows are detail: the model never sums them (a country's share comes from the node's own
// share rows). A firm counts for the country of its headquarters, so a country's share is the
// share of the firms headquartered there, not of the factories on its soil; kFirmsByHeadquarters
// says so in the words shown beside firm figures. A firm whose share the data does not give is
// "share unknown", never 0. Rows of several small firms together ("Various companies", held by a
// region) are shown in tables but never named as a firm.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"

namespace techmap {

inline constexpr const char* kFirmsByHeadquarters =
    "A firm counts for the country of its headquarters: a country's share is the share of the firms "
    "headquartered there, not where their factories stand.";

// A firm row names one firm (not "Various companies", a region's row of many).
bool names_a_firm(const FirmRow& f);

// The node's named firms, largest known share first, then those of unknown share (by name).
std::vector<const FirmRow*> firms_by_share(const Node& n);

// One firm as written in a sentence: "ASML (the Netherlands)".
std::string firm_with_country(const Dataset& ds, const FirmRow& f);

// The caption's line on who makes a node, or "" when the data names no firm:
//   "ASML (the Netherlands) makes 100% (2025)."
//   "Applied Materials (the United States) makes 41.2%, Lam Research (the United States) 16.9%
//    and ASM International (the Netherlands) 10.9% (2025)."
//   "Firms named, shares unknown (2019): AMD (the United States), Intel (the United States) ..."
// At most `max` firms; more are counted ("and 8 more firms").
std::string firms_sentence(const Dataset& ds, const Node& n, size_t max = 3);

// A country's leading firms in a domain: each firm headquartered there with the inputs it makes
// (largest share first), the firms ordered by their largest known share.
struct FirmInputs {
    std::string name;
    struct Input {
        int node = -1;
        double share = kUnknown;
        int year = 0;
    };
    std::vector<Input> inputs;
    double best = kUnknown;  // the largest known share among its inputs
};
std::vector<FirmInputs> leading_firms(const Domain& dom, int country, size_t max_firms);

// Firms whose name contains `query` (case-insensitive; names that start with it first), across
// every domain: each match is one firm on one input. At most `max` matches.
struct FirmMatch {
    int domain = -1, node = -1;
    const FirmRow* firm = nullptr;
};
std::vector<FirmMatch> find_firms(const Dataset& ds, std::string_view query, size_t max);

}  // namespace techmap
