// timeline_words.cpp — one measure in words: its label on the timeline's strip (on hover and on
// keyboard focus) and its explanation under the strip (see timeline.h).
#include <imgui.h>

#include <string>

#include "core/report.h"
#include "core/scenario_link.h"
#include "ui/timeline.h"
#include "ui/widgets.h"

namespace techmap {
namespace {

std::string issuer_name(const Dataset& ds, const Measure& me) {
    return me.issuer >= 0 ? ds.countries[size_t(me.issuer)].name : std::string("?");
}

std::string targets_text(const Dataset& ds, const Measure& me) {
    std::string list;
    for (int c : me.target_list) list += (list.empty() ? "" : ", ") + ds.countries[size_t(c)].name;
    switch (me.targets) {
        case Measure::Targets::All: return "every destination";
        case Measure::Targets::AllBut: return "every destination but " + list;
        case Measure::Targets::Listed: return list.empty() ? "no listed destination" : list;
    }
    return list;
}

}  // namespace

const char* measure_state_words(MeasureState st) {
    // the core's words, and for an unknown status why it is unknown
    return st == MeasureState::Unknown ? "status unknown (the sources end here)" : to_string(st);
}

const char* measure_kind_words(MeasureKind k) {
    switch (k) {
        case MeasureKind::Ban: return "a ban";
        case MeasureKind::Licence: return "a licence requirement";
        case MeasureKind::Agreement: return "an agreement";
        case MeasureKind::Entities: return "aims at firms";
    }
    return "";
}

std::string measure_dates_words(const Measure& me) {
    std::string dates;
    if (me.announced) dates += "announced " + pretty_date(me.announced);
    if (me.in_force) dates += (dates.empty() ? "" : ", ") + std::string("in force ") + pretty_date(me.in_force);
    // told against today: a suspension that has run out says so, and where the sources end
    for (const Measure::Window& w : me.suspended)
        dates += ", suspended " + pretty_date(w.from) + " to " + pretty_date(w.until) + (w.until < today() ? " (run out by today)" : "");
    if (me.unknown_from)
        dates += ", status unknown from " + pretty_date(me.unknown_from) + " (the sources end there; " +
                 (!me.lapse_default.empty() ? me.lapse_default
                  : me.suspended.empty()   ? std::string("by its own text it stays in force")
                                           : std::string("by its own text it applies again once the suspension runs out")) + ")";
    for (const Measure::Step& st : me.steps) dates += "; " + pretty_date(st.date) + ": " + st.what;
    if (me.ended) dates += ", ended " + pretty_date(me.ended);
    return dates;
}

std::string measure_label(const Dataset& ds, const Measure& me, int date) {
    std::string kind = measure_kind_words(me.kind);
    if (me.kind == MeasureKind::Entities) kind += " (named firms, not products)";
    std::string s = me.name + "\n" + issuer_name(ds, me) + " · " + kind + " · against " + targets_text(ds, me) + "\n";
    const std::string dates = measure_dates_words(me);
    if (!dates.empty()) s += dates + "\n";
    s += "On " + pretty_date(date) + ": " + measure_state_words(me.state_on(date)) + ".";
    return s;
}

void measure_explanation(const Model& m, const Measure& me) {
    const Dataset& ds = m.data();
    const int date = scenario_date(m.scenario());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34.0f);
    ImGui::TextUnformatted(me.name.c_str());
    ImGui::TextDisabled("%s · issued by %s · against %s", me.id.c_str(), issuer_name(ds, me).c_str(), targets_text(ds, me).c_str());
    ImGui::TextUnformatted(measure_dates_words(me).c_str());
    ImGui::Text("On %s: %s.", pretty_date(date).c_str(), measure_state_words(me.state_on(date)));
    const char* kind = "";
    switch (me.kind) {
        case MeasureKind::Ban: kind = "A ban: what it covers is denied."; break;
        case MeasureKind::Licence:
            kind = "A licence requirement, not a ban: some licences may be granted, so what it covers counts as a range "
                   "(none denied to all denied).";
            break;
        case MeasureKind::Agreement: kind = "An agreement without published rules of its own: it denies nothing."; break;
        case MeasureKind::Entities:
            kind = "Aims at firms: it names firms (an entity list), not products. The data gives no firm's share of what "
                   "the target buys, so it moves no figure of the map; it is listed here and in the \"why\".";
            break;
    }
    ImGui::TextUnformatted(kind);
    if (me.foreign_made) ImGui::TextUnformatted("Reaches foreign-made items (a foreign direct product rule): counted with the third-country rule.");
    if (!me.scope.empty()) ImGui::Text("Scope: %s", me.scope.c_str());
    std::string covers;
    int shown = 0;
    for (const MeasureCover& c : me.covers) {
        if (c.domain < 0 || c.node < 0) continue;
        const Node& n = ds.domains[size_t(c.domain)].nodes[size_t(c.node)];
        if (n.link >= 0) continue;  // a linked copy: listed in its own domain
        if (shown++ < 8) covers += (covers.empty() ? "" : "; ") + n.name + (c.whole ? "" : " (part)");
    }
    if (shown > 8) covers += "; and " + std::to_string(shown - 8) + " more";
    if (!covers.empty()) ImGui::Text("Inputs it covers: %s.", covers.c_str());
    if (!me.mapping.empty()) ImGui::TextDisabled("How it is mapped: %s", me.mapping.c_str());
    if (!me.note.empty()) ImGui::TextDisabled("%s", me.note.c_str());
    if (!me.check.empty()) ImGui::TextColored(im_color(theme::text_caveat), "Caveat: %s.", me.check.c_str());
    const std::string src = source_list(ds, me.sources);
    if (!src.empty()) ImGui::TextDisabled("Sources: %s", src.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace techmap
