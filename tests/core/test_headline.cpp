// The headline grammar (headline.h): a table of situations on the real data, each with the
// sentence shape it must have, and properties over random scenarios and every input: every number
// is one of the core's figures, a target that makes half or more is never led by "can still get",
// every access below the target's own share names its bottleneck, every wide range says why.
#include <doctest/doctest.h>

#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/headline.h"
#include "core/model.h"
#include "core/report.h"
#include "helpers.h"

using namespace techmap;
using namespace techmap::test;

namespace {

struct Case {
    const char* what;
    std::vector<const char*> members;
    const char* domain;
    const char* node;
    DenialMode mode;
    int date;  // 0 = today
    Situation situation;
    std::vector<const char*> has;      // fragments the sentence must contain
    std::vector<const char*> has_not;  // and must not
    bool retaliation_controls = false;
    bool deny = true;
};

const std::vector<const char*> kThree{"USA", "JPN", "NLD"};
const std::vector<const char*> kSix{"USA", "JPN", "NLD", "KOR", "TWN", "DEU"};
const std::vector<const char*> kG7{"USA", "JPN", "DEU", "FRA", "ITA", "GBR", "CAN"};
constexpr DenialMode kAll = DenialMode::Everything, kMembers = DenialMode::Controls, kRules = DenialMode::RulesInForce;
constexpr Situation kHold = Situation::MembersHold, kTarget = Situation::TargetHolds, kNeither = Situation::Neither;

const std::vector<Case>& cases() {
    static const std::vector<Case> c = {
        // members hold it: what the target can still get, in each mode
        {"EUV, three, what if", kThree, "semiconductors", "N20", kAll, 0, kHold,
         {"hold 100% (2025)", "If they denied China everything they make, China could still get 0%."}, {"can get", "rules"}},
        {"EUV, three, members' controls today", kThree, "semiconductors", "N20", kMembers, 0, kHold,
         {"Under the members' controls in force today (", "China can get 0%"}, {"what if", "could still"}},
        {"EUV, three, rules in force today", kThree, "semiconductors", "N20", kRules, 0, kHold,
         {"Under the rules in force today (", "whoever issued them, China can get 0%"}, {"count too"}},
        {"EUV, three, controls before 2020", kThree, "semiconductors", "N20", kMembers, 20190601, kHold,
         {"on 1 Jun 2019", "China can get 100% (none of the controls on it is in force then)"}, {}},
        {"EUV, three, rules in 2021", kThree, "semiconductors", "N20", kRules, 20210110, kHold, {"on 10 Jan 2021", "China can get 0%"}, {}},
        {"EUV, Netherlands alone, what if", {"NLD"}, "semiconductors", "N20", kAll, 0, kHold,
         {"The Netherlands holds 100%", "If it denied China everything it makes"}, {"they"}},
        {"EUV, Netherlands alone, controls 2023", {"NLD"}, "semiconductors", "N20", kMembers, 20230901, kHold,
         {"Under the Netherlands' controls in force on 1 Sep 2023, China can get 0%"}, {}},
        {"ArF immersion, three, controls 2023: a licence", kThree, "semiconductors", "N22", kMembers, 20230901, kHold,
         {"China can get 0–100%", "It is a range because exports need a licence that may be granted or refused"}, {}},
        {"ArF immersion, six, rules today: a licence", kSix, "semiconductors", "N22", kRules, 0, kHold,
         {"0–100%", "licence"}, {}},
        {"ArF immersion, six, what if", kSix, "semiconductors", "N22", kAll, 0, kHold, {"the 6 members hold 100%", "could still get 0%"}, {}},
        {"deposition, three, controls 2023", kThree, "semiconductors", "N36", kMembers, 20230901, kHold, {"15–100%", "licence"}, {}},
        {"deposition, three, controls 10 Jan 2021", kThree, "semiconductors", "N36", kMembers, 20210110, kHold,
         {"China can get 100% (none of the controls on it is in force then)"}, {"range"}},
        {"deposition, three, what if", kThree, "semiconductors", "N36", kAll, 0, kHold, {"hold 85% (2025)", "could still get 15%"}, {}},
        {"logic design, three, what if: unknown shares", kThree, "semiconductors", "N6", kAll, 0, kHold, {"68–82%", "could still get 18–32%"}, {}},
        // the bottleneck: the target gets less than it makes itself, and the sentence says why
        {"wafers, six, what if: bottleneck", kSix, "semiconductors", "N26", kAll, 0, kHold,
         {"could still get 0%: not even the 4% it makes itself, because making it needs crystal growing furnaces, of which China can get only 0%"}, {}},
        {"wafers, six, rules today: no control on wafers", kSix, "semiconductors", "N26", kRules, 0, kHold,
         {"China can get 100% (the data records no control on it)"}, {"less than"}},
        {"wafers, three, what if: more than it makes, no bottleneck to name", kThree, "semiconductors", "N26", kAll, 0, kHold,
         {"hold 56% (2019)", "China could still get 40%"}, {"makes itself"}},
        // the target holds it: its share first, then the cut-off, then the denial, shorter
        {"rare-earth separation, three, what if", kThree, "rare_earths", "RE-SEP", kAll, 0, kTarget,
         {"Rare-earth separation and refining (2023): China makes 92% of world supply", "The members make 0–2%.",
          "If China cut the alliance off, the members could still get", "China would still have 98–100%"},
         {"could still get 98"}},
        {"rare-earth separation, three, rules today", kThree, "rare_earths", "RE-SEP", kRules, 0, kTarget, {"China makes 92%", "rules in force"},
         {"China makes 92%"}},
        {"rare-earth separation, six, members' controls", kSix, "rare_earths", "RE-SEP", kMembers, 0, kTarget, {"China makes"}, {}},
        {"rare-earth separation, China's measures in force", kThree, "rare_earths", "RE-SEP", kAll, 0, kTarget,
         {"Under China's measures in force today (", "the alliance can get"}, {}, true},
        {"gallium, three, what if", kThree, "chip_materials", "GA", kAll, 0, kTarget,
         {"China makes 99% of world supply (2025)", "The members make 0.3% (2025).", "the members could still get 1%", "China would still have 100%"},
         {"China makes 99% (2025)"}},
        {"gallium, China's measures in force: a licence range", kThree, "chip_materials", "GA", kAll, 0, kTarget,
         {"the alliance can get 1–100% (a range because exports need a licence that may be granted or refused"}, {}, true},
        {"gallium, China's measures in 2022: none yet", kThree, "chip_materials", "GA", kAll, 20220101, kTarget,
         {"Under China's measures in force on 1 Jan 2022, the alliance can get 100%"}, {"range"}, true},
        {"gallium, G7, rules today", kG7, "chip_materials", "GA", kRules, 0, kTarget, {"China makes 99%"}, {}},
        {"gallium, no denial", kThree, "chip_materials", "GA", kAll, 0, kTarget, {"China makes 99%", "the members could still get 1%"},
         {"denied"}, false, false},
        // neither holds most
        {"EUV, G7, what if: the members hold nothing", kG7, "semiconductors", "N20", kAll, 0, kNeither,
         {"the 7 members hold 0%", "China could still get 100%"}, {"China makes 0%"}},
        {"EUV, G7, members' controls: the Dutch rule is not counted", kG7, "semiconductors", "N20", kMembers, 0, kNeither,
         {"China can get 100% (the members' controls reach only what members make; the Netherlands' rule on it counts only under the rules in force)"}, {}},
        {"EUV, G7, rules in force: the Dutch rule counts", kG7, "semiconductors", "N20", kRules, 0, kNeither,
         {"China can get 0% (the Netherlands' rules count too, though it is not a member)"}, {}},
        {"EUV, US alone, what if", {"USA"}, "semiconductors", "N20", kAll, 0, kNeither, {"The United States holds 0%", "If it denied China"}, {}},
        {"advanced CPUs, three: unknown shares", kThree, "semiconductors", "N1", kAll, 0, kNeither,
         {"0–100%", "It is a range because the data leaves 100% of world supply to suppliers whose shares are unknown"}, {}},
        {"advanced CPUs, rules: a licence and unknown shares", kThree, "semiconductors", "N1", kRules, 0, kNeither,
         {"licence", "suppliers whose shares are unknown"}, {}},
        {"EUV, China as a member is not counted", {"USA", "JPN", "NLD", "CHN"}, "semiconductors", "N20", kAll, 0, kHold,
         {"Japan, the Netherlands and the United States hold 100%"}, {"China hold"}},
        // an input told through its inputs (no shares of its own)
        {"EDA and core IP, three, controls 2024", kThree, "semiconductors", "N7", kMembers, 20241202, kHold,
         {"Under the controls in force on 2 Dec 2024 issued by Japan, the Netherlands and the United States, China can get", "as far as its inputs allow"}, {}},
        {"EDA and core IP, three, what if", kThree, "semiconductors", "N7", kAll, 0, kHold,
         {"If Japan, the Netherlands and the United States denied China everything they make", "as far as its inputs allow"}, {}},
        {"EDA and core IP, rules today", kThree, "semiconductors", "N7", kRules, 0, kHold, {"Under the rules in force today", "as far as its inputs allow"}, {}},
        // demand and shares of an activity: as before, buying is buying
        {"chip demand: buying", {"USA"}, "chip_demand", "SALES-2021", kAll, 0, Situation::Demand,
         {"The United States buys", "China buys", "denying it also loses a customer"}, {"can get", "supply"}},
        {"chip demand, three", kThree, "chip_demand", "SALES-2021", kRules, 0, Situation::Demand, {"Together, ", " buy "}, {"can get"}},
        {"AI investment: accounts for", kThree, "ai", "AI-VC", kAll, 0, Situation::Activity, {" account for "}, {"deny", "can get"}},
        {"AI investment, one member", {"USA"}, "ai", "AI-VC", kRules, 0, Situation::Activity, {"The United States accounts for"}, {"deny"}},
        // no alliance: an invitation
        {"no members", {}, "semiconductors", "N20", kAll, 0, Situation::NoAlliance, {"No alliance yet"}, {"%"}},
        {"no members, rules", {}, "rare_earths", "RE-SEP", kRules, 0, Situation::NoAlliance, {"No alliance yet"}, {}},
        // retaliation off, denial on: no cut-off line
        {"rare earths, denial only", kThree, "rare_earths", "RE-SEP", kAll, 0, kTarget, {"China makes"}, {}, false, true},
    };
    return c;
}

Model model_for(const Case& c) {
    static const Model base = [] {
        Model m;
        REQUIRE(m.load(default_files()).ok());
        return m;
    }();
    Model m = base;
    std::vector<int> members;
    for (const char* code : c.members) members.push_back(m.data().find_country(code));
    m.set_members(members, "case");
    m.set_target(m.data().find_country("CHN"));
    REQUIRE(m.select_domain(c.domain));
    m.select_node(m.domain()->find_node(c.node));
    REQUIRE(m.selected_node() >= 0);
    m.set_deny_mode(c.mode);
    m.set_retaliation_mode(c.retaliation_controls ? DenialMode::Controls : DenialMode::Everything);
    m.set_deny(c.deny);
    m.set_date(c.date);
    return m;
}

// The numbers a headline may quote for one input: its figures as plain_percent writes them, the
// data year, the date's day and year, the member count, and digits of names it quotes.
std::set<std::string> allowed_numbers(const Model& m, int node) {
    std::set<std::string> out;
    const auto add_text = [&](const std::string& t) {
        static const std::regex num(R"(\d+(?:\.\d+)?)");
        for (auto it = std::sregex_iterator(t.begin(), t.end(), num); it != std::sregex_iterator(); ++it) out.insert(it->str());
    };
    const auto add = [&](const Range& r) { add_text(plain_percent(r.lo, r.lo) + " " + plain_percent(r.hi, r.hi)); };
    const Domain& d = *m.domain();
    const Node& n = d.nodes[size_t(node)];
    const NodeFigures& f = m.figures().nodes[size_t(node)];
    for (const Range& r : {f.alliance_share, f.target_share, f.target_access, f.alliance_access}) add(r);
    if (f.target_bottleneck >= 0) add(m.figures().nodes[size_t(f.target_bottleneck)].target_access);
    // a reason may quote the published rows of this input or of one it needs (upstream)
    std::vector<int> up{node};
    std::set<int> seen{node};
    while (!up.empty()) {
        const Node& x = d.nodes[size_t(up.back())];
        up.pop_back();
        if (x.residual > 0) add({x.residual, x.residual});
        for (const ShareRow& r : x.shares)
            if (is_known(r.share)) add({r.share, r.share});
        for (const std::vector<int>* v : {&x.inputs, &x.subtypes})
            for (int in : *v)
                if (seen.insert(in).second) up.push_back(in);
    }
    add_text(std::to_string(n.year()) + " " + pretty_date(scenario_date(m.scenario())) + " " + std::to_string(m.scenario().member_count()));
    for (const Node& x : d.nodes) add_text(x.name);
    return out;
}

std::vector<std::string> numbers_in(const std::string& t) {
    static const std::regex num(R"(\d+(?:\.\d+)?)");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(t.begin(), t.end(), num); it != std::sregex_iterator(); ++it) out.push_back(it->str());
    return out;
}

}  // namespace

TEST_CASE("headline grammar: the sentence each situation gets (real data, three modes, dates before and after measures)") {
    REQUIRE(cases().size() >= 40);
    for (const Case& c : cases()) {
        CAPTURE(c.what);
        const Model m = model_for(c);
        const PlainHeadline h = plain_headline(m, m.selected_node());
        CAPTURE(h.sentence);
        CHECK(h.situation == c.situation);
        const std::string both = h.title + " | " + h.sentence;  // what is read together
        for (const char* frag : c.has) CHECK_MESSAGE(both.find(frag) != std::string::npos, frag);
        for (const char* frag : c.has_not) CHECK_MESSAGE(h.sentence.find(frag) == std::string::npos, frag);
        // every number in it is one of the core's figures for this input
        const std::set<std::string> ok = allowed_numbers(m, m.selected_node());
        for (const std::string& x : numbers_in(h.sentence)) CHECK_MESSAGE(ok.count(x), x);
    }
}

TEST_CASE("headline properties over random scenarios and every input") {
    Model m;
    REQUIRE(m.load(default_files()).ok());
    const Dataset& ds = m.data();
    std::mt19937 rng(20261206);
    const char* pool[] = {"USA", "JPN", "NLD", "KOR", "TWN", "DEU", "FRA", "GBR", "CAN", "ITA", "CHN", "IND", "SGP", "ISR", "AUS", "MYS"};
    const int dates[] = {0, 20190601, 20210110, 20221007, 20230901, 20241202, 20250415, 20261130};
    int sentences = 0, bottlenecks = 0, ranges = 0, target_led = 0;
    for (int round = 0; round < 24; ++round) {
        std::vector<int> members;
        for (const char* code : pool)
            if (std::string(code) != "CHN" && rng() % 3 == 0) members.push_back(ds.find_country(code));
        if (members.empty()) members.push_back(ds.find_country("USA"));
        m.set_members(members, "random");
        m.set_target(ds.find_country(rng() % 5 == 0 ? "RUS" : "CHN"));
        m.set_deny_mode(DenialMode(rng() % 3));
        m.set_retaliation_mode(rng() % 2 ? DenialMode::Controls : DenialMode::Everything);
        m.set_date(dates[rng() % (sizeof dates / sizeof *dates)]);
        m.set_third_country_rule(rng() % 4 == 0);
        for (const Domain& d : ds.domains) {
            REQUIRE(m.select_domain(d.id));
            const DomainFigures& f = m.figures();
            for (int i = 0; i < int(d.nodes.size()); ++i) {
                const PlainHeadline h = plain_headline(m, i);
                if (h.sentence.empty()) continue;
                ++sentences;
                CAPTURE(d.nodes[size_t(i)].name);
                CAPTURE(h.sentence);
                const std::set<std::string> ok = allowed_numbers(m, i);
                for (const std::string& x : numbers_in(h.sentence)) CHECK_MESSAGE(ok.count(x), x);
                const NodeFigures& nf = f.nodes[size_t(i)];
                if (d.measures != Measures::Supply || m.scenario().target < 0) continue;
                // a target that makes half or more is never led by what it "can still get"
                if (nf.has_shares && nf.target_share.lo >= 50) {
                    ++target_led;
                    CHECK(h.situation == Situation::TargetHolds);
                    // led by the target's share: in the title (the largest holder) or first in the sentence
                    const std::string who = country_in_sentence(ds.countries[size_t(m.scenario().target)].name);
                    CHECK((h.sentence.find(sentence_start(who) + " makes") == 0 || h.title.find(": " + who + " makes") != std::string::npos));
                    CHECK(h.sentence.find("can still get") == std::string::npos);
                }
                // every access below the target's own share names what limits it
                if (nf.has_shares && nf.target_access.hi + 0.05 < nf.target_share.lo) {
                    ++bottlenecks;
                    CHECK(h.names_bottleneck);
                    CHECK(h.sentence.find("makes itself") != std::string::npos);
                }
                // every range wider than 20 points says why
                if (nf.target_access.hi - nf.target_access.lo > 20) {
                    ++ranges;
                    CHECK(h.explains_range);
                    CHECK(h.sentence.find("range because") != std::string::npos);
                }
            }
        }
    }
    MESSAGE(sentences << " headlines, " << target_led << " led by the target, " << bottlenecks << " bottlenecks, " << ranges << " wide ranges");
    CHECK(sentences > 1000);
    CHECK(bottlenecks > 0);
    CHECK(ranges > 0);
    CHECK(target_led > 0);
}
