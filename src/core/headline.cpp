// headline.cpp — the headline grammar (headline.h): which sentence a situation gets, the denial
// mode and the date in plain words, and the reasons behind a figure that surprises (a bottleneck,
// a wide range).
#include "core/headline.h"


#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/firms.h"
#include "core/measures.h"
#include "core/model.h"
#include "core/report.h"

namespace techmap {

const char* to_string(Situation s) {
    switch (s) {
        case Situation::None: return "none";
        case Situation::NoAlliance: return "no alliance";
        case Situation::MembersHold: return "members hold it";
        case Situation::TargetHolds: return "target holds it";
        case Situation::Neither: return "neither holds most";
        case Situation::Demand: return "demand";
        case Situation::Activity: return "activity";
    }
    return "?";
}

std::string plain_percent(double lo, double hi) {
    if (!is_known(lo) || !is_known(hi)) return "an unknown share";
    auto one = [](double v) {
        char b[32];
        if (v > 0 && v < 9.95) std::snprintf(b, sizeof b, "%.1f", v);
        else std::snprintf(b, sizeof b, "%.0f", v);
        std::string t = b;
        if (t.size() > 2 && t.compare(t.size() - 2, 2, ".0") == 0) t.resize(t.size() - 2);
        return t;
    };
    const std::string a = one(lo), b = one(hi);
    return a == b ? a + "%" : a + "–" + b + "%";
}

std::string scenario_date_words(const Scenario& s) {
    const std::string d = pretty_date(scenario_date(s));
    return s.date == 0 ? "today (" + d + ")" : d;
}

std::string denial_mode_words(const Scenario& s) {
    switch (s.deny_mode) {
        case DenialMode::Everything: return "everything the members make (what if)";
        case DenialMode::Controls: return "the members' controls in force";
        case DenialMode::RulesInForce: return "the rules in force, whoever issued them";
    }
    return "";
}

namespace {
// "China's", "the Netherlands'"
std::string possessive(const std::string& name) {
    return !name.empty() && name.back() == 's' ? name + "'" : name + "'s";
}
std::string target_words(const Dataset& ds, const Scenario& s) {
    return s.target >= 0 ? country_in_sentence(ds.countries[size_t(s.target)].name) : std::string("the target");
}
std::string on_date(const Scenario& s) { return (s.date == 0 ? "" : "on ") + scenario_date_words(s); }
}  // namespace

std::string denial_clause(const Dataset& ds, const Scenario& s) {
    const std::string t = target_words(ds, s);
    switch (s.deny_mode) {
        case DenialMode::Everything: return "If the alliance denied " + t + " everything its members make, " + t + " could still get";
        case DenialMode::Controls: return "Under the members' controls in force " + on_date(s) + ", " + t + " can get";
        case DenialMode::RulesInForce: return "Under the rules in force " + on_date(s) + ", whoever issued them, " + t + " can get";
    }
    return "";
}

std::string cutoff_clause(const Dataset& ds, const Scenario& s) {
    const std::string t = target_words(ds, s);
    return counts_measures(s.retaliation_mode) ? "Under " + possessive(t) + " measures in force " + on_date(s) + ", the alliance can get"
                                               : "If " + t + " cut the alliance off, the members could still get";
}

namespace {

constexpr double kWideRange = 20;  // points: a range wider than this says why

bool wide(const Range& r) { return r.hi - r.lo > kWideRange; }

// Why a range is wide, in words, found by following the figure down to where it comes from: the
// input itself (shares the data leaves unknown, a licence, a control of part of it) or, through
// the input that limits it, further up the chain. Empty when nothing explains it.
struct RangeReasons {
    const Dataset& ds;
    const Domain& dom;
    const Scenario& s;
    const DomainFigures& f;
    ControlSide side;
    const ActiveMeasures& active;  // computed once per headline (plain_headline)
    NodeControls controls;

    std::string at(int node) {
        const bool denial = side == ControlSide::Denial;
        const DenialMode mode = denial ? s.deny_mode : s.retaliation_mode;
        int cur = node;
        for (int step = 0; step < 64 && cur >= 0; ++step) {
            const Node& n = dom.nodes[size_t(cur)];
            const NodeFigures& nf = f.nodes[size_t(cur)];
            const std::string where = cur == node ? "" : " (in " + in_sentence(n.name) + ", which it needs)";
            std::vector<std::string> reasons;  // every reason found here, in the order a reader needs them
            if (counts_measures(mode)) {
                node_controls(ds, n, active, side, controls);
                bool licence = false, part = false, unknown = false;
                for (const NodeControls::Applied& a : controls.measures) {
                    if (a.level != ControlLevel::Possible) continue;
                    const Measure& m = ds.measures[size_t(a.measure)];
                    if (m.state_on(scenario_date(s)) == MeasureState::Unknown) unknown = true;
                    else if (a.some_members_only) part = true;
                    else if (m.kind == MeasureKind::Licence) licence = true;
                    else if (!a.whole) part = true;
                }
                if (licence) reasons.push_back("exports need a licence that may be granted or refused");
                if (unknown) reasons.push_back("a measure's status is unknown on this date, as the sources end before it");
                if (part) reasons.push_back("a control covers only part of it, of a size the data does not give");
            }
            if (nf.has_shares) {
                std::string shares;
                for (const ShareRow& r : n.shares)
                    if (r.region >= 0 && is_known(r.share) && r.share > 0) {
                        shares = "the data gives " + plain_percent(r.share, r.share) + " to " + ds.regions[size_t(r.region)].name +
                                 " without naming countries";
                        break;
                    }
                if (shares.empty() && n.residual > 0)
                    shares = "the data leaves " + plain_percent(n.residual, n.residual) + " of world supply to suppliers whose shares are unknown";
                if (shares.empty() && n.excess > 0) shares = "the published shares add up to more than 100% (rounding)";
                // unknown shares are a reason of their own, or beside a control when they weigh (10 points or more)
                double unknown_part = n.residual + n.excess;
                for (const ShareRow& r : n.shares)
                    if (r.region >= 0 && is_known(r.share)) unknown_part += r.share;
                if (!shares.empty() && (reasons.empty() || unknown_part >= 10)) reasons.push_back(shares);
            }
            if (!reasons.empty()) {
                std::string out;
                for (size_t i = 0; i < reasons.size(); ++i) out += (i ? " and " : "") + reasons[i];
                return out + where;
            }
            if (!nf.has_shares && n.inputs.empty() && n.subtypes.empty())
                return "the data has no shares for " + in_sentence(n.name) + where;
            // not here: follow the input whose range is wide
            int next = -1;
            const std::vector<int>& ups = !n.inputs.empty() ? n.inputs : n.subtypes;
            for (int in : ups) {
                if (!s.links && dom.nodes[size_t(in)].link >= 0) continue;
                const Range& r = denial ? f.nodes[size_t(in)].target_access : f.nodes[size_t(in)].alliance_access;
                if (wide(r) && (next < 0 || r.lo < (denial ? f.nodes[size_t(next)].target_access.lo : f.nodes[size_t(next)].alliance_access.lo)))
                    next = in;
            }
            cur = next;
        }
        return "";
    }
};

}  // namespace

PlainHeadline plain_headline(const Model& m, int node) {
    PlainHeadline h;
    const Domain* d = m.domain();
    if (!d || node < 0 || size_t(node) >= d->nodes.size() || size_t(node) >= m.figures().nodes.size()) return h;
    const Dataset& ds = m.data();
    const Scenario& s = m.scenario();
    const Node& n = d->nodes[size_t(node)];
    const DomainFigures& df = m.figures();
    const NodeFigures& f = df.nodes[size_t(node)];
    // what the shares are of: who makes it (supply), who buys it (demand), or who accounts for a
    // share of an activity such as research or investment (share)
    const bool demand = d->measures == Measures::Demand;
    const bool activity = d->measures == Measures::Share;
    std::vector<int> members;
    for (size_t c = 0; c < s.members.size(); ++c)
        if (s.is_member(int(c)) && int(c) != s.target) members.push_back(int(c));
    const bool single = members.size() == 1;  // "it" and "holds", not "they" and "hold"
    const std::string verb = demand ? " buys " : activity ? " accounts for " : " makes ";
    // the largest known share: a country's, or a region's when the data gives no breakdown
    const ShareRow* top = nullptr;
    for (const ShareRow& r : n.shares)
        if (is_known(r.share) && (!top || r.share > top->share)) top = &r;
    // the year, unless the input's name already carries it ("... refining (2023)")
    const std::string year_digits = n.year() ? std::to_string(n.year()) : std::string();
    const std::string year = !year_digits.empty() && n.name.find(year_digits) == std::string::npos ? " (" + year_digits + ")" : std::string();
    // an input the data gives no shares for as a whole, made of inputs or of kinds that it has
    const bool built = n.shares.empty() && (!n.inputs.empty() || !n.subtypes.empty());
    if (!top) {
        if (built)
            h.title = n.name + ": the data has no shares for it as a whole; what gets through is set by its " +
                      (n.subtypes.empty() ? "inputs" : "kinds");
        else
            h.title = n.shares.empty() ? n.name + ": no shares in the data"
                      : n.name + (demand ? ": its buyers are known, their shares are not" : activity ? ": the countries are known, their shares of the world's total are not"
                                                                                     : ": its suppliers are known, their shares are not") + year;
    } else {
        // "EUV lithography tools: the Netherlands makes 100% of world supply (2025)": the input's
        // name as the data writes it (singular or plural), then the sentence
        const std::string who = top->country >= 0 ? country_in_sentence(ds.countries[size_t(top->country)].name)
                                                  : ds.regions[size_t(top->region)].name + " (no country breakdown)";
        const char* of = demand ? " of world purchases" : activity ? " of the world's total" : " of world supply";
        h.title = n.name + ": " + who + verb + plain_percent(top->share, top->share) + of + year;
    }
    // who makes it: the firms behind the shares (supply only; firms buy or research nothing here)
    if (!demand && !activity) h.firms = firms_sentence(ds, n, 2);  // two: a line beside the caption's "why?"
    if (!f.has_shares && !built) return h;
    const bool has_target = s.target >= 0;
    const std::string target = has_target ? country_in_sentence(ds.countries[size_t(s.target)].name) : std::string();
    if (members.empty()) {
        h.situation = Situation::NoAlliance;
        h.sentence = "No alliance yet: pick a group or click countries on the map to see what it would control.";
        return h;
    }
    const std::string names = single ? country_in_sentence(ds.countries[size_t(members[0])].name) : country_list(ds, members);
    const std::string who = single ? sentence_start(names) : "Together, " + names;
    const std::string they = single ? "it" : "they";
    const std::string held = plain_percent(f.alliance_share);
    const std::string own = plain_percent(f.target_share);
    if (demand) {
        h.situation = Situation::Demand;
        h.sentence = who + (single ? " buys " : " buy ") + held + year + ".";
        if (has_target)
            h.sentence += " " + sentence_start(target) + " buys " + own + ": denying it also loses a customer.";
        return h;
    }
    if (activity) {  // a share of research or investment: nothing to deny
        h.situation = Situation::Activity;
        h.sentence = who + (single ? " accounts for " : " account for ") + held + year + ".";
        return h;
    }
    // which situation: the target makes half or more, or more than the members; the members most
    const bool target_holds = has_target && f.has_shares && (f.target_share.lo >= 50 || f.target_share.lo > f.alliance_share.hi);
    const bool members_hold = !target_holds && f.has_shares && f.alliance_share.lo >= 50;
    h.situation = !has_target || members_hold ? Situation::MembersHold : target_holds ? Situation::TargetHolds : Situation::Neither;
    if (!f.has_shares && built) h.situation = Situation::MembersHold;  // told through its inputs: what the target gets

    // the measures that can act in this scenario: worked out on first need, once for every line
    ActiveMeasures active_store;
    bool active_ready = false;
    const auto active = [&]() -> const ActiveMeasures& {
        if (!active_ready) active_measures(ds, s, active_store);
        active_ready = true;
        return active_store;
    };

    // the denial line, in the mode on screen, with its date
    const std::string date = scenario_date_words(s);
    const std::string access = plain_percent(f.target_access);
    const auto denial_line = [&](bool brief) {
        std::string line;
        switch (s.deny_mode) {
            case DenialMode::Everything:
                line = brief ? "If " + (single ? names : std::string("the alliance")) + " denied " + target + " everything " +
                                   (single ? "it makes" : "its members make") + ", " + target + " would still have " + access
                             : "If " + (built ? names : they) + " denied " + target + " everything " + they + (single ? " makes" : " make") +
                                   ", " + target + " could still get " + access;
                break;
            case DenialMode::Controls:
                // with no sentence before it to name them, the members are named here; one member by name
                line = built    ? "Under the controls in force " + std::string(s.date == 0 ? "" : "on ") + date + " issued by " + names + ", " +
                                   target + " can get " + access
                       : single ? "Under " + possessive(names) + " controls in force " + (s.date == 0 ? "" : "on ") + date + ", " + target +
                                   " can get " + access
                                : denial_clause(ds, s) + " " + access;
                break;
            case DenialMode::RulesInForce: line = denial_clause(ds, s) + " " + access; break;
        }
        if (built) line += " of it, as far as its inputs allow";
        // the rules in force: name the issuers outside the alliance whose rules deny part of it
        if (s.deny_mode == DenialMode::RulesInForce && f.has_shares && f.target_denied.hi > 0) {
            NodeControls c;
            node_controls(ds, n, active(), ControlSide::Denial, c);
            std::vector<int> outside;
            for (const NodeControls::Issuer& i : c.issuers)
                if (!s.is_member(i.country) && i.level != ControlLevel::None) outside.push_back(i.country);
            if (!outside.empty())
                line += " (" + (outside.size() == 1 ? possessive(country_in_sentence(ds.countries[size_t(outside[0])].name)) + " rules"
                                                     : "the rules of " + country_list(ds, outside, 4)) +
                        " count too, though " + (outside.size() == 1 ? "it is not a member" : "they are not members") + ")";
        }
        // a reason when the target gets less than it makes itself: the input that limits it
        if (f.has_shares && f.target_access.hi + 0.05 < f.target_share.lo) {
            if (f.target_bottleneck >= 0) {
                const Node& b = d->nodes[size_t(f.target_bottleneck)];
                line += ": not even the " + own + " it makes itself, because making it needs " + in_sentence(b.name) + ", of which " +
                        target + " can get only " + plain_percent(df.nodes[size_t(f.target_bottleneck)].target_access);
            } else {
                line += ": not even the " + own + " it makes itself, because its own production needs inputs it is denied";
            }
            h.names_bottleneck = true;
        }
        // no control of the data denies any of it on that date: say why, rather than let 100% surprise
        if (counts_measures(s.deny_mode) && f.target_denied.hi <= 0 && !built && f.target_access.lo >= 99.95)
        {
            // a rule in force that this mode leaves out because a non-member issued it is named as such
            std::vector<int> others;  // issuers outside the alliance of a rule in force on it
            bool members_rule = false;  // a member's rule in force on it (it reaches only what members make)
            for (const NodeMeasure& nm : n.measures) {
                const Measure& me = ds.measures[size_t(nm.measure)];
                const MeasureState st = me.state_on(scenario_date(s));
                if (!((st == MeasureState::InForce || st == MeasureState::Unknown) && me.kind != MeasureKind::Agreement && me.kind != MeasureKind::Entities &&
                      me.issuer != s.target && me.targets_country(s.target)))
                    continue;
                if (s.is_member(me.issuer)) members_rule = true;
                else if (std::find(others.begin(), others.end(), me.issuer) == others.end()) others.push_back(me.issuer);
            }
            const std::string theirs = others.empty() ? std::string()
                                       : others.size() == 1 ? possessive(country_in_sentence(ds.countries[size_t(others[0])].name)) + " rule on it counts"
                                                            : "the rules of " + country_list(ds, others, 4) + " on it count";
            if (n.measures.empty()) line += " (the data records no control on it)";
            else if (!others.empty())
                line += std::string(" (") + (members_rule ? "the members' controls reach only what members make; " : "the data records no member's control on it; ") +
                        theirs + " only under the rules in force)";
            else if (members_rule) line += " (the members' controls on it reach only what members make)";
            else line += " (none of the controls on it is in force then)";
        }
        if (wide(f.target_access)) {
            RangeReasons why{ds, *d, s, df, ControlSide::Denial, active(), {}};
            const std::string r = why.at(node);
            line += ". It is a range because " + (r.empty() ? std::string("some of the figures it rests on are unknown") : r);
            h.explains_range = true;
        }
        return line + ".";
    };
    // the cut-off line: what the alliance could still get if the target cut it off
    const auto cutoff_line = [&]() {
        const std::string got = plain_percent(f.alliance_access);
        std::string line = cutoff_clause(ds, s) + " " + got;
        if (wide(f.alliance_access)) {
            RangeReasons why{ds, *d, s, df, ControlSide::Retaliation, active(), {}};
            const std::string r = why.at(node);
            line += " (a range because " + (r.empty() ? std::string("some of the figures it rests on are unknown") : r) + ")";
        }
        return line + ".";
    };

    if (h.situation == Situation::TargetHolds) {
        // the title already says the target makes most of it when it is the largest holder: the
        // sentence then compares, rather than says the same figure twice
        const bool title_says_it = top && top->country == s.target;
        if (title_says_it)
            h.sentence = sentence_start(single ? names + " makes " : std::string("the members make ")) + held + year + ".";
        else
            h.sentence = sentence_start(target) + " makes " + own + year + (single ? "; " + names + " makes " : "; the members make ") + held + ".";
        if (s.retaliation) h.sentence += " " + cutoff_line();
        if (s.deny) h.sentence += " " + denial_line(true);
        return h;
    }
    if (!built) {
        h.sentence = who + (single ? " holds " : " hold ") + held + year;
        if (h.situation == Situation::Neither && f.target_share.hi > 0) h.sentence += "; " + target + " makes " + own;
        h.sentence += ".";
    }
    if (has_target && s.deny) h.sentence += (h.sentence.empty() ? "" : " ") + denial_line(false);
    else if (has_target && !s.deny && s.retaliation && h.situation == Situation::Neither) h.sentence += " " + cutoff_line();
    return h;
}

}  // namespace techmap
