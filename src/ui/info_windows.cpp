// info_windows.cpp — the small windows opened from the panel's footer: sources and credits, the glossary, help, about.
#include "ui/windows.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/glossary.h"
#include "ui/widgets.h"

namespace techmap {

// Sources and credits, help, about: small windows opened from the panel's footer.
void info_windows(const Model& m, UiState& ui, float width, float height, UiActions& actions) {
    const Dataset& ds = m.data();
    const float w = std::min(620.0f * ui.scale, width - 24.0f);
    auto open = [&](const char* title, bool* shown) {
        // below the caption's band, so that its close button is never under the caption
        const float top = std::min(height * 0.3f, std::max(ui.caption_bottom, 0.0f) + 8.0f);
        ImGui::SetNextWindowPos(ImVec2(width * 0.5f, top), ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, std::max(120.0f, height - top - 16.0f)));
        return ImGui::Begin(title, shown, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize);
    };
    if (ui.show_sources) {
        if (open("Sources and credits", &ui.show_sources)) {
            ImGui::PushTextWrapPos(0.0f);
            for (const DatasetInfo& f : ds.files) {
                ImGui::Text("%s (version %s)", f.file.c_str(), f.version.c_str());
                ImGui::TextDisabled("Licence: %s. %s", f.licence.c_str(), f.attribution.c_str());
            }
            ImGui::Separator();
            ImGui::TextUnformatted("Map: Natural Earth (public domain) via world-atlas; lakes © OpenStreetMap contributors (ODbL 1.0) "
                                   "via geo-maps. Country names and codes: world-countries (ODbL 1.0). Font: DejaVu Sans.");
            ImGui::TextUnformatted("Software: Dear ImGui (MIT), GLM (MIT), RapidJSON (MIT), earcut (ISC).");
            ImGui::Separator();
            // a source cited by two files is listed once
            std::vector<const Source*> distinct;
            for (const Source& s : ds.sources)
                if (std::none_of(distinct.begin(), distinct.end(), [&](const Source* x) { return x->title == s.title && x->url == s.url; }))
                    distinct.push_back(&s);
            ImGui::Text("The %zu sources cited by the figures:", distinct.size());
            // each with its address and its date (or that the source gives none), a dataset's licence
            // and terms, and what makes a weak source weak
            for (const Source* s : distinct) {
                ImGui::Bullet();
                const std::string line = s->title + " — " + (s->url.empty() ? "address not given" : s->url) + " — " +
                                         (s->published.empty() ? "date not given" : "published " + s->published) +
                                         (s->licence.empty() ? "" : " — licence: " + s->licence) + (s->terms.empty() ? "" : " — terms: " + s->terms) +
                                         (s->weak.empty() ? "" : " — weak source: " + s->weak) + (s->caveat.empty() ? "" : " — caveat: " + s->caveat);
                ImGui::TextWrapped("%s", line.c_str());
            }
            if (!ds.not_shown.empty()) {
                ImGui::Separator();
                ImGui::TextWrapped("Not shown: %s", ds.not_shown.c_str());
            }
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
    }
    if (ui.show_help) {
        if (open("Help", &ui.show_help)) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted("Click or tap a country for its card (\"Add to the alliance\" is on it); with the Alliance "
                                   "section open, a click adds or removes it at once. Hover a country for its card.");
            ImGui::TextUnformatted("Presenting (Share & present): the arrow keys, Space, Page Up and Page Down step the guided tour, "
                                   "as a clicker sends them; Escape leaves.");
            ImGui::TextUnformatted("Drag to pan; wheel, pinch or double-click to zoom.");
            ImGui::TextUnformatted("Keys on the map: + and - zoom, arrows pan, 0 resets the view; Ctrl+Z undoes and Ctrl+Y "
                                   "redoes a change of members; Tab moves between a window's controls and Ctrl+Tab between "
                                   "the windows (the panel, the timeline, the story); Escape closes the top window.");
            ImGui::TextUnformatted("The input list's search finds inputs, stages and firms (\"ASML\", \"Tokyo Electron\"); a firm "
                                   "counts for the country of its headquarters, not where its factories stand.");
            ImGui::TextUnformatted("Ranges such as 0.0–78.9% mean the data leaves some shares unknown: the figure lies "
                                   "somewhere in the range. \"why?\" under the map's caption shows the rows behind the selected input.");
            ImGui::PopTextWrapPos();
            if (ImGui::Button("A guide for teachers")) actions.push_back("open-teachers");
            remember(ui, "help-teachers");
        }
        ImGui::End();
    }
    if (ui.show_glossary) {
        if (open("Glossary", &ui.show_glossary)) {
            remember_window(ui, "glossary-window");
            ImGui::PushTextWrapPos(0.0f);
            for (const GlossaryEntry& e : glossary()) {
                ImGui::TextUnformatted(std::string(e.term).c_str());
                ImGui::Indent();
                ImGui::TextDisabled("%.*s", int(e.definition.size()), e.definition.data());
                ImGui::Unindent();
            }
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
    }
    if (ui.show_about) {
        if (open("About", &ui.show_about)) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted("Techno-alliance map: what a coalition of countries controls in a technology's supply chain, "
                                   "what a rival can still obtain under export controls, and what the coalition loses if the "
                                   "rival retaliates. Every figure is computed from published shares, with its year and source.");
            muted_wrapped(("Data version: " + data_version_words(ds.version()) + ".").c_str());
            ImGui::PopTextWrapPos();
            // the method as a page of the site, in a new tab (as the teachers' guide)
            if (ImGui::Button("How the figures are computed")) actions.push_back("open-model");
            remember(ui, "about-model");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("The method, with worked examples, on a page of its own (opens in a new tab)");
        }
        ImGui::End();
    }
}

}  // namespace techmap
