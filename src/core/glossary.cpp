// glossary.cpp — the entries of glossary.h.
#include "core/glossary.h"

#include <cctype>

namespace techmap {

const std::vector<GlossaryEntry>& glossary() {
    static const std::vector<GlossaryEntry> entries = {
        {"alliance", "The group of countries you choose (a preset such as the G7, or your own). The map and figures show what they "
                     "make and control together."},
        {"ArF, KrF (DUV) lithography", "Deep-ultraviolet lithography: machines that print chip patterns with laser light of 193 nm "
                                       "(ArF, 'immersion' when under water) or 248 nm (KrF). Older than EUV, still used for most layers."},
        {"ATP", "Assembly, testing and packaging: the last stage of chip making, where finished chips are cut, packaged and tested."},
        {"can still get", "Out of everything the whole world makes of an input, the part the target could still buy or make "
                          "itself after the denial. 0% means none at all; 100% means as much as before. It counts what the "
                          "target makes at home too, but only if it can get what goes into it."},
        {"choke point", "An input where the alliance's members together make at least the control threshold (80% unless you change "
                        "it) of world supply: if they refuse to sell it, few others can."},
        {"control threshold", "The share of world supply at which an alliance is said to control an input (80% by default)."},
        {"controls in force", "The real export rules (bans and licence requirements) that were in force on the scenario's date, as "
                              "opposed to everything the members make (the upper bound)."},
        {"deny", "The alliance refuses to sell to the target: the target keeps what it makes itself and what non-members sell it."},
        {"EDA", "Electronic design automation: the software used to design chips."},
        {"entity list", "A list of named firms and bodies that need a licence for most exports, or may not receive them. It aims "
                        "at firms, not at products, so it moves no product figure on this map; the timeline marks it apart."},
        {"EUV lithography", "Extreme-ultraviolet lithography: the machines that print the finest patterns of the most advanced chips. "
                            "One firm, in the Netherlands, makes them."},
        {"firm's country", "A firm counts for the country of its headquarters: ASML's machines count for the Netherlands, "
                           "wherever they are assembled. A country's share of a chip-making input is the share of the firms "
                           "headquartered there, not of the factories on its soil."},
        {"GERD", "Gross domestic expenditure on research and development: all R&D spending in a country, public and private."},
        {"HHI", "Herfindahl-Hirschman index of market concentration: the sum of the squared shares (0 to 10,000). Above 2,500 "
                "a market is highly concentrated; 10,000 is one supplier."},
        {"licence requirement", "Exports need a government licence. Some may be granted, so what it covers is not denied for sure: "
                                "the figures become ranges."},
        {"NdFeB magnets", "Neodymium-iron-boron permanent magnets, made from rare earths, used in motors, wind turbines and drives."},
        {"PPP", "Purchasing power parity: money converted at what it buys in each country rather than at market exchange rates."},
        {"range", "Two figures, low and high, such as 15–100%: the true value is somewhere between them. Either the data does not "
                  "say who makes part of the input, or a licence is needed and nobody knows how many licences will be granted: "
                  "the low figure is if every licence is refused, the high one if every licence is granted."},
        {"retaliation", "The target cuts the alliance off in return: the alliance keeps what its members make and what others sell it."},
        {"rules in force", "Every real export rule aimed at the target that applies on the date shown, whoever made it: a member "
                           "of the alliance or not. It answers \"what can the target get on that day?\"; the members' controls in "
                           "force count only the rules the members made."},
        {"Shapley-Shubik power", "How often a country's share is the one that tips a group past the threshold, over all orders in "
                                 "which countries could join: a measure of who is pivotal (the shares of all add up to 1)."},
        {"target", "The rival country the alliance's controls aim at (China by default)."},
        {"third-country rule", "The denial also binds other countries' production that depends on the alliance's inputs (the idea "
                               "of the US foreign direct product rule)."},
        {"upper bound", "The most a denial could do: as if the members stopped selling everything they make to the target."},
    };
    return entries;
}

std::string_view define(std::string_view term) {
    auto same = [](std::string_view a, std::string_view b) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
        return true;
    };
    for (const GlossaryEntry& e : glossary())
        if (same(e.term, term)) return e.definition;
    return {};
}

}  // namespace techmap
