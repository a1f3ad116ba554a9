// supply_chain_window.cpp — the "Supply chain" window: the domain's chain as a graph (boxes filled
// by the alliance's share, choke points framed) or as a tree; a click shows an input on the map.
#include "ui/windows.h"

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "ui/widgets.h"

namespace techmap {
namespace {

// The supply chain as a tree, from the finished product down through what goes into each step
// and the kinds of each input; each line shows the alliance's share and marks choke points.
void chain_node(Model& m, int idx, int depth) {
    const Domain& d = *m.domain();
    const Node& n = d.nodes[size_t(idx)];
    const NodeFigures& f = m.figures().nodes[size_t(idx)];
    const bool leaf = n.inputs.empty() && n.subtypes.empty();
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
    if (leaf) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
    if (idx == m.selected_node()) flags |= ImGuiTreeNodeFlags_Selected;
    if (depth < 2) flags |= ImGuiTreeNodeFlags_DefaultOpen;
    std::string label = n.name;
    if (f.has_shares) label += "  " + percent_text(f.alliance_share);
    if (f.choke == Choke::Yes) label += "  [choke point]";
    else if (f.choke == Choke::Possible) label += "  [possible]";
    if (f.choke == Choke::Yes) ImGui::PushStyleColor(ImGuiCol_Text, im_color(theme::text_warning));
    const bool open = ImGui::TreeNodeEx((void*)(intptr_t)(idx * 64 + depth), flags, "%s", label.c_str());
    if (f.choke == Choke::Yes) ImGui::PopStyleColor();
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) m.select_node(idx);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s (%s)%s", n.name.c_str(), to_string(n.kind), n.market.empty() ? "" : ("\nmarket: " + n.market).c_str());
    if (leaf || !open) return;
    if (depth < 12) {
        for (int in : n.inputs) chain_node(m, in, depth + 1);
        if (!n.subtypes.empty()) {
            ImGui::TextDisabled("kinds:");
            for (int sub : n.subtypes) chain_node(m, sub, depth + 1);
        }
    }
    ImGui::TreePop();
}

// The chain as a graph: boxes in columns (production flows left to right), filled by the
// alliance's share (grey = none, blue = all), choke points framed in orange and marked "choke",
// the selected box in white with its inputs and outputs highlighted. Click a box to select it.
void chain_graph_view(Model& m, UiState& ui) {
    const Domain& d = *m.domain();
    if (ui.chain_domain != m.domain_index()) {
        ui.chain = layout_chain(d);
        ui.chain_domain = m.domain_index();
    }
    const ChainGraph& g = ui.chain;
    const DomainFigures& figs = m.figures();
    const float sc = ui.scale, bw = 196 * sc, bh = 46 * sc, gx = 34 * sc, gy = 10 * sc;
    const ImVec2 canvas(float(g.columns) * (bw + gx) + 8, float(g.rows) * (bh + gy) + 8 + (g.unlinked_row >= 0 ? 20.0f : 0.0f));
    ImGui::BeginChild("##graph", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f), true, ImGuiWindowFlags_HorizontalScrollbar);
    remember(ui, "chain-graph");
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto box_min = [&](const ChainGraph::Box& b) {
        const float band = (g.unlinked_row >= 0 && b.row >= g.unlinked_row) ? 20.0f : 0.0f;
        return ImVec2(origin.x + 4 + float(b.column) * (bw + gx), origin.y + 4 + float(b.row) * (bh + gy) + band);
    };
    const int sel_box = m.selected_node() >= 0 ? g.box_of_node[size_t(m.selected_node())] : -1;
    std::vector<char> near(g.boxes.size(), 0);
    for (const ChainGraph::Link& l : g.links)
        if (l.from == sel_box || l.to == sel_box) near[size_t(l.from)] = near[size_t(l.to)] = 1;
    // links first, under the boxes; the selected box's in front and brighter
    for (int pass = 0; pass < 2; ++pass)
        for (const ChainGraph::Link& l : g.links) {
            const bool hot = l.from == sel_box || l.to == sel_box;
            if (hot != (pass == 1)) continue;
            const ImVec2 a0 = box_min(g.boxes[size_t(l.from)]), b0 = box_min(g.boxes[size_t(l.to)]);
            const ImVec2 a(a0.x + bw, a0.y + bh * 0.5f), b(b0.x, b0.y + bh * 0.5f);
            const float dx = std::max(20.0f, (b.x - a.x) * 0.5f);
            dl->AddBezierCubic(a, ImVec2(a.x + dx, a.y), ImVec2(b.x - dx, b.y), b,
                               hot ? IM_COL32(255, 255, 255, 230) : IM_COL32(150, 160, 175, 90), hot ? 2.5f : 1.2f);
            dl->AddTriangleFilled(ImVec2(b.x, b.y), ImVec2(b.x - 6, b.y - 4), ImVec2(b.x - 6, b.y + 4),
                                  hot ? IM_COL32(255, 255, 255, 230) : IM_COL32(150, 160, 175, 140));
        }
    if (g.unlinked_row >= 0)
        dl->AddText(ImVec2(origin.x + 4, origin.y + 4 + float(g.unlinked_row) * (bh + gy)), IM_COL32(170, 170, 170, 255),
                    "Whole stages and inputs with no link in the data:");
    for (size_t i = 0; i < g.boxes.size(); ++i) {
        const ChainGraph::Box& b = g.boxes[i];
        const Node& n = d.nodes[size_t(b.node)];
        const NodeFigures& f = figs.nodes[size_t(b.node)];
        const ImVec2 p0 = box_min(b), p1(p0.x + bw, p0.y + bh);
        ImGui::SetCursorScreenPos(p0);
        ImGui::PushID(int(i));
        if (ImGui::InvisibleButton("##box", ImVec2(bw, bh))) m.select_node(b.node);
        remember(ui, ("box:" + n.id).c_str());
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        // fill: grey -> member blue with the alliance's (lower-bound) share; no data: dark
        ImU32 fill = IM_COL32(60, 62, 68, 255);
        if (f.has_shares) {
            const float t = float(std::clamp(f.alliance_share.lo / 100.0, 0.0, 1.0));
            const glm::u8vec4 a = palette::kOther, c = palette::kMember;
            fill = IM_COL32(int(a.r + (c.r - a.r) * t), int(a.g + (c.g - a.g) * t), int(a.b + (c.b - a.b) * t), 255);
        }
        if (n.link >= 0 && !m.scenario().links) fill = (fill & 0x00FFFFFFu) | (IM_COL32_A_MASK & IM_COL32(0, 0, 0, 110));  // a link, off
        dl->AddRectFilled(p0, p1, fill, 4.0f);
        const bool light = f.has_shares && f.alliance_share.lo < 45.0;
        const ImU32 ink = light ? IM_COL32(20, 20, 24, 255) : IM_COL32(245, 245, 245, 255);
        if (f.choke == Choke::Yes) dl->AddRect(p0, p1, IM_COL32(255, 170, 40, 255), 4.0f, 0, 3.0f);
        else if (f.choke == Choke::Possible) dl->AddRect(p0, p1, IM_COL32(255, 170, 40, 200), 4.0f, 0, 1.5f);
        if (int(i) == sel_box) dl->AddRect(ImVec2(p0.x - 3, p0.y - 3), ImVec2(p1.x + 3, p1.y + 3), IM_COL32(255, 255, 255, 255), 6.0f, 0, 2.5f);
        else if (near[i] || hovered) dl->AddRect(ImVec2(p0.x - 2, p0.y - 2), ImVec2(p1.x + 2, p1.y + 2), IM_COL32(255, 255, 255, 150), 5.0f, 0, 1.5f);
        const ImVec4 clip(p0.x + 4, p0.y, p1.x - 4, p1.y);
        dl->AddText(nullptr, 0.0f, ImVec2(p0.x + 6, p0.y + 4), ink, n.name.c_str(), nullptr, 0.0f, &clip);
        std::string line2 = f.has_shares ? percent_text(f.alliance_share) : std::string("no shares");
        if (f.choke == Choke::Yes) line2 += "  choke";
        else if (f.choke == Choke::Possible) line2 += "  choke?";
        if (b.kinds > 0) line2 += "  +" + std::to_string(b.kinds);
        if (n.link >= 0) line2 += m.scenario().links ? "  linked" : "  linked (off)";
        dl->AddText(nullptr, 0.0f, ImVec2(p0.x + 6, p0.y + 6 + ImGui::GetTextLineHeight()), ink, line2.c_str(), nullptr, 0.0f, &clip);
        if (hovered) {
            ImGui::BeginTooltip();
            ImGui::Text("%s (%s)", n.name.c_str(), to_string(n.kind));
            if (f.has_shares) ImGui::Text("alliance holds %s of world supply", percent_text(f.alliance_share).c_str());
            else ImGui::TextDisabled("no shares of its own in the data");
            if (b.kinds > 0) ImGui::TextDisabled("%d kinds: select it to list them", b.kinds);
            ImGui::EndTooltip();
        }
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(canvas);
    ImGui::EndChild();
    // the selected box's kinds, to pick one (e.g. EUV among lithography tools)
    if (sel_box >= 0) {
        const int top = g.boxes[size_t(sel_box)].node;
        const Node& tn = d.nodes[size_t(top)];
        if (!tn.subtypes.empty()) {
            ImGui::TextDisabled("Kinds of %s:", tn.name.c_str());
            ImGui::SameLine();
            if (ImGui::BeginCombo("##kinds", m.selected_node() != top ? d.nodes[size_t(m.selected_node())].name.c_str() : "choose a kind…")) {
                std::vector<int> stack(tn.subtypes.rbegin(), tn.subtypes.rend());
                while (!stack.empty()) {
                    const int k = stack.back();
                    stack.pop_back();
                    const NodeFigures& f = figs.nodes[size_t(k)];
                    const std::string label = d.nodes[size_t(k)].name + (f.has_shares ? "  " + percent_text(f.alliance_share) : "") +
                                              (f.choke == Choke::Yes ? "  choke" : "") + "##k" + d.nodes[size_t(k)].id;
                    if (ImGui::Selectable(label.c_str(), k == m.selected_node())) m.select_node(k);
                    const std::vector<int>& sub = d.nodes[size_t(k)].subtypes;
                    stack.insert(stack.end(), sub.rbegin(), sub.rend());
                }
                ImGui::EndCombo();
            }
            remember(ui, "chain-kinds");
        }
    }
    ImGui::TextDisabled("Fill: the alliance's share (grey none, blue all). Orange frame: choke point. Arrows: goes into.");
}

}  // namespace

void supply_chain_window(Model& m, UiState& ui, float width, float height) {
    const Domain* d = m.domain();
    if (!ui.show_chain || !d) return;
    ImGui::SetNextWindowPos(ImVec2(width * 0.5f, height * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(900.0f * ui.scale, width - 16), std::min(620.0f * ui.scale, height * 0.8f)), ImGuiCond_Appearing);
    ImGui::SetNextWindowBgAlpha(0.98f);
    if (ImGui::Begin("Supply chain", &ui.show_chain, ImGuiWindowFlags_NoCollapse)) {
        remember(ui, "chain-window");
        ImGui::RadioButton("graph", &ui.chain_tab, 0);
        remember(ui, "chain-tab-graph");
        ImGui::SameLine();
        ImGui::RadioButton("tree", &ui.chain_tab, 1);
        remember(ui, "chain-tab-tree");
        ImGui::SameLine();
        ImGui::TextDisabled("click an input to show it on the map; shares are the alliance's");
        if (ui.chain_tab == 0) {
            chain_graph_view(m, ui);
        } else {
            for (int o : m.figures().outputs) chain_node(m, o, 0);
            ImGui::Separator();
            ImGui::TextDisabled("Stages (whole-stage shares):");
            for (size_t i = 0; i < d->nodes.size(); ++i)
                if (d->nodes[i].inputs.empty() && d->nodes[i].outputs.empty() && d->nodes[i].parent < 0 && d->nodes[i].subtypes.empty())
                    chain_node(m, int(i), 0);
        }
    }
    ImGui::End();
}

}  // namespace techmap
