// dataset_measures.cpp — dated measures (export controls, bans, licences, agreements): issuer,
// targets, dates, suspensions, kind and the nodes they cover (resolved once every file is read).
#include "core/dataset_reader.h"

namespace techmap::loader {

void Reader::read_measures(const json& root) {
    const json* a = arr(root, "measures");
    if (!a) return;
    for (const json& j : a->GetArray()) {
        Measure m;
        m.id = str(j, "id");
        const std::string rec = "measure '" + m.id + "'";
        if (m.id.empty()) { error(rec, "no id"); continue; }
        if (ds.find_measure(m.id) >= 0) { error(rec, "duplicate id"); continue; }
        m.name = str(j, "name");
        m.scope = str(j, "scope");
        m.note = str(j, "note");
        m.mapping = str(j, "mapping");
        m.check = str(j, "check");
        m.lapse_default = str(j, "lapseDefault");
        if (m.name.empty()) error(rec, "no name");
        const std::string issuer = str(j, "issuer");
        m.issuer = issuer.empty() ? -1 : country(issuer, rec, "issuer");
        if (issuer.empty()) error(rec, "no issuer");
        // targets: "*" (everyone), a code, a list of codes, or {"allBut": [codes]}
        const json* t = json_find(j, "targets");
        const auto codes = [&](const json& list, std::vector<int>& into) {
            for (const json& x : list.GetArray()) {
                const int c = x.IsString() ? country(json_string(x), rec, "targets") : -1;
                if (!x.IsString()) error(rec, "a target is not a country code");
                if (c >= 0) into.push_back(c);
            }
        };
        if (!t) {
            error(rec, "no targets");
        } else if (t->IsString() && json_string(*t) == "*") {
            m.targets = Measure::Targets::All;
        } else if (t->IsString()) {
            const int c = country(json_string(*t), rec, "targets");
            if (c >= 0) m.target_list.push_back(c);
        } else if (t->IsArray()) {
            codes(*t, m.target_list);
            if (m.target_list.empty()) error(rec, "an empty list of targets");
        } else if (const json* but = t->IsObject() ? arr(*t, "allBut") : nullptr) {
            m.targets = Measure::Targets::AllBut;
            codes(*but, m.target_list);
        } else {
            error(rec, "targets must be \"*\", a country code, a list of codes or {\"allBut\": [codes]}");
        }
        m.announced = date(j, "announced", rec);
        m.in_force = date(j, "inForce", rec);
        m.ended = date(j, "ended", rec);
        m.unknown_from = date(j, "unknownFrom", rec);
        if (!m.announced && !m.in_force) error(rec, "no date: give 'announced' or 'inForce'");
        const int start = m.in_force ? m.in_force : m.announced;
        if (m.ended && start && m.ended <= start) error(rec, "ends before it is in force");
        if (const json* sus = arr(j, "suspended")) {
            for (const json& w : sus->GetArray()) {
                Measure::Window win{date(w, "from", rec), date(w, "until", rec)};
                if (!win.from || !win.until) { error(rec, "a suspension needs 'from' and 'until' dates"); continue; }
                if (win.until < win.from) { error(rec, "a suspension ends before it begins"); continue; }
                if (start && win.from < m.announced) error(rec, "suspended before it was announced");
                m.suspended.push_back(win);
            }
        }
        if (m.unknown_from && start && m.unknown_from <= start) error(rec, "'unknownFrom' is not after the measure begins");
        if (!m.lapse_default.empty() && m.suspended.empty()) error(rec, "'lapseDefault' without a suspension that could lapse");
        if (const json* steps = arr(j, "steps")) {
            for (const json& x : steps->GetArray()) {
                Measure::Step st{date(x, "date", rec), str(x, "what")};
                if (!st.date || st.what.empty()) { error(rec, "a step needs a 'date' and a 'what'"); continue; }
                m.steps.push_back(std::move(st));
            }
        }
        const std::string kind = str(j, "kind");
        if (kind == "ban") m.kind = MeasureKind::Ban;
        else if (kind == "licence") m.kind = MeasureKind::Licence;
        else if (kind == "agreement") m.kind = MeasureKind::Agreement;
        else if (kind == "entities") m.kind = MeasureKind::Entities;
        else error(rec, "kind must be \"ban\", \"licence\", \"agreement\" or \"entities\"");
        if (const json* fm = json_find(j, "foreignMade")) {
            if (fm->IsBool()) m.foreign_made = fm->GetBool();
            else error(rec, "'foreignMade' is not true/false");
        }
        if (const json* srcs = arr(j, "sources")) {
            for (const json& x : srcs->GetArray()) {
                if (!x.IsString()) { error(rec, "a source is not a source id"); continue; }
                auto it = local_sources.find(json_string(x));
                if (it == local_sources.end()) error(rec, "unknown source id '" + json_string(x) + "'");
                else m.sources.push_back(it->second);
            }
        }
        if (m.sources.empty()) error(rec, "no source");
        const int index = int(ds.measures.size());
        const json* cov = arr(j, "covers");
        if ((!cov || cov->Empty()) && m.mapping.empty())
            error(rec, "covers no node: say why in 'mapping'");
        if (cov && covers) {
            for (const json& c : cov->GetArray()) {
                PendingCover p;
                p.measure = index;
                p.ref = str(c, "node");
                p.file = file;
                p.record = rec;
                const std::string coverage = str(c, "coverage");
                if (coverage == "part") p.whole = false;
                else if (!coverage.empty() && coverage != "all") error(rec, "coverage must be \"all\" or \"part\"");
                covers->push_back(std::move(p));
            }
        }
        ds.measures.push_back(std::move(m));
    }
}

}  // namespace techmap::loader
