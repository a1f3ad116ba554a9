// headline.h — the one grammar for the first thing anyone reads about an input: the caption over
// the map, the opening card, the results, the text view and the PNG's strip all call
// plain_headline(). It is a function of the scenario and the selected input, and every number in
// it is one of the core's figures for that input, with its year or date.
//
// The sentence is picked by situation:
//   MembersHold   the members hold most of it (at least half, and more than the target): what the
//                 target can still get, in the denial mode on screen
//   TargetHolds   the target makes half or more, or more than the members: the target's share
//                 first, then what the alliance could still get if the target cut it off, then a
//                 shorter denial line
//   Neither       both, briefly
//   Demand        a domain of demand (who buys it): what each side buys, never "supply"
//   Activity      a domain of shares of an activity (research, investment): who accounts for it
// and gives its reasons in words: an input that limits what the target gets below what it makes
// itself is named; a range wider than 20 points says why (shares the data leaves unknown, a
// licence that may be granted or refused, a control of part of the input).
#pragma once
#include <string>

#include "core/figures.h"

namespace techmap {

class Model;

enum class Situation : uint8_t { None, NoAlliance, MembersHold, TargetHolds, Neither, Demand, Activity };
const char* to_string(Situation s);

struct PlainHeadline {
    std::string title;     // "The Netherlands makes 100% of the world's EUV lithography tools (2022)"
    std::string sentence;  // "Together, ... hold 100% (2022). If they denied China everything they make, ..."
    std::string firms;     // "ASML (the Netherlands) makes 100% (2025)." (firms.h; "" when none are named)
    Situation situation = Situation::None;
    bool names_bottleneck = false;  // the sentence names the input that limits the target
    bool explains_range = false;    // the sentence says why a wide range is wide
};
PlainHeadline plain_headline(const Model& model, int node);

// The denial mode in words, for sentences: "everything the members make (what if)", "the
// members' controls in force", "the rules in force, whoever issued them".
std::string denial_mode_words(const Scenario& s);
// The date the controls are read on, as a sentence says it: "today (6 Dec 2026)", "1 Sep 2023".
std::string scenario_date_words(const Scenario& s);

// The start of a sentence about what the target gets, in the mode and on the date on screen:
// "If the alliance denied China everything its members make, China could still get",
// "Under the members' controls in force on 1 Sep 2023, China can get", "Under the rules in force
// today (6 Dec 2026), whoever issued them, China can get". And the mirror for the cut-off:
// "If China cut the alliance off, the members could still get" / "Under China's measures in
// force on ..., the alliance can get".
std::string denial_clause(const Dataset& ds, const Scenario& s);
std::string cutoff_clause(const Dataset& ds, const Scenario& s);

// A figure as read aloud: "3%", "0–3%" (a range), "an unknown share"; one decimal under 10.
std::string plain_percent(double lo, double hi);
inline std::string plain_percent(const Range& r) { return plain_percent(r.lo, r.hi); }

}  // namespace techmap
