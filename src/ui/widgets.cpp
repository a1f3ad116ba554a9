// widgets.cpp — the small shared widgets (see widgets.h).
#include "ui/widgets.h"

#include <cstdlib>

#include <imgui_internal.h>

#include <cstdio>

#include <algorithm>
#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <string>

#include "core/glossary.h"
#include "view/text_wrap.h"

namespace techmap {

const PlainHeadline& headline_of(const Model& m, UiState& ui, int node) {
    if (ui.headline.revision != m.revision() || ui.headline.node != node) {
        ui.headline.words = plain_headline(m, node);
        ui.headline.revision = m.revision();
        ui.headline.node = node;
    }
    return ui.headline.words;
}

void remember(UiState& ui, const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ui.items[name] = {a.x, a.y, b.x, b.y};
    if (ImGui::IsItemFocused()) ui.focused = name;
}

void remember_window(UiState& ui, const char* name) {
    const ImVec2 p = ImGui::GetWindowPos(), z = ImGui::GetWindowSize();
    ui.items[name] = {p.x, p.y, p.x + z.x, p.y + z.y};
}

void remember_text(UiState& ui, const char* name, const std::string& text) {
    remember(ui, name);
    ui.texts[name] = text;
}

bool contains_text(const std::string& text, const char* needle) {
    std::string n = needle ? needle : "", hay = text;
    if (n.empty()) return true;
    auto lower = [](std::string& x) { std::transform(x.begin(), x.end(), x.begin(), [](unsigned char ch) { return char(std::tolower(ch)); }); };
    lower(n);
    lower(hay);
    return hay.find(n) != std::string::npos;
}


void same_line_if_fits(const char* next) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float need = ImGui::CalcTextSize(next).x + st.FramePadding.x * 2 + st.ItemSpacing.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + need > right) ImGui::NewLine();
}

bool small_button(const UiState& ui, const char* label) { return ui.touch ? ImGui::Button(label) : ImGui::SmallButton(label); }

void help_marker(const char* text) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize("(?)").x <= right) ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void glossary_marker(const char* term) {
    const std::string_view d = define(term);
    if (d.empty()) return;
    const std::string text = std::string(term) + ": " + std::string(d);
    help_marker(text.c_str());
}

bool search_field(UiState& ui, char* buf, size_t size, const char* field_id, const char* hint, bool refocus) {
    const bool appearing = ImGui::IsWindowAppearing();
    if (appearing) buf[0] = 0;
    // keys typed while the list opens, before the field has the keyboard, are the field's: they
    // are added to it, and the field, once it has the keyboard, selects nothing (a keyboard focus
    // selects all, and the next key would replace the first)
    static int taking_keys = 0;  // frames left in which typed keys go to the field about to be focused
    const ImGuiID id = ImGui::GetID(field_id);
    const bool active = ImGui::GetActiveID() == id;
    if ((appearing || refocus) && !ui.touch) {
        ImGui::SetKeyboardFocusHere();
        taking_keys = 3;
    }
    ImGuiIO& io = ImGui::GetIO();
    if (!active && taking_keys > 0 && !io.InputQueueCharacters.empty()) {
        std::string typed = buf;
        for (ImWchar c : io.InputQueueCharacters) {
            char utf8[5] = {0};
            ImTextStrToUtf8(utf8, sizeof utf8, &c, &c + 1);
            typed += utf8;
        }
        io.InputQueueCharacters.resize(0);
        std::snprintf(buf, size, "%s", typed.c_str());
    }
    static bool unselect = false;
    if (!active) unselect = true;
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint(field_id, hint, buf, size, ImGuiInputTextFlags_CallbackAlways, [](ImGuiInputTextCallbackData* d) {
        if (unselect) {
            d->ClearSelection();
            d->CursorPos = d->BufTextLen;
            unselect = false;
        }
        return 0;
    });
    if (ImGui::IsItemActive() || taking_keys > 0) --taking_keys;
    remember_text(ui, field_id, buf);
    return appearing;
}

std::string data_version_words(const std::string& version) {
    // "world-2026-12+eto-2026-08+..." -> "world Dec 2026, eto Aug 2026, ...": each file's version
    // is a name and the month its data was collected; any other form is shown as it is
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static const std::pair<const char*, const char*> names[] = {
        {"world", "countries and groupings"}, {"eto", "chip supply chain (ETO)"}, {"sf", "other figures"}, {"measures", "measures"}};
    std::string out;
    size_t start = 0;
    while (start <= version.size()) {
        const size_t end = std::min(version.find('+', start), version.size());
        const std::string part = version.substr(start, end - start);
        std::string words = part;
        const size_t dash = part.find('-');
        if (dash != std::string::npos && part.size() == dash + 8 && part[dash + 5] == '-') {
            const int year = std::atoi(part.substr(dash + 1, 4).c_str()), month = std::atoi(part.substr(dash + 6, 2).c_str());
            if (year > 1900 && month >= 1 && month <= 12) {
                std::string name = part.substr(0, dash);
                for (const auto& n : names) if (name == n.first) name = n.second;
                words = name + " of " + months[month - 1] + " " + std::to_string(year);
            }
        }
        if (!part.empty()) out += (out.empty() ? "" : ", ") + words;
        start = end + 1;
    }
    return out;
}

std::string fit_line(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    // the longest start that ends at a space and fits with the ellipsis
    std::string best = "…";
    for (size_t sp = text.find(' '); sp != std::string::npos; sp = text.find(' ', sp + 1)) {
        const std::string cut = text.substr(0, sp) + "…";
        if (ImGui::CalcTextSize(cut.c_str()).x > width) break;
        best = cut;
    }
    return best;
}

void wrapped(const char* text, float width) {
    // ImGui's own wrapping may break after a full stop or a comma, inside "10.9%": break only
    // at spaces (and at newlines), measuring whole words (view/text_wrap)
    if (width <= 0) width = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    for (std::string_view line : wrap_at_spaces(text, width, [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; }))
        ImGui::TextUnformatted(line.data(), line.data() + line.size());
}

void muted_wrapped(const char* text, float width) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    wrapped(text, width);
    ImGui::PopStyleColor();
}

void bullet(const char* fmt, ...) {
    char buf[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    ImGui::Bullet();
    ImGui::BeginGroup();
    wrapped(buf);
    ImGui::EndGroup();
}

void bullet_term(const char* term, const char* fmt, ...) {
    char buf[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    const std::string_view d = define(term);
    const std::string text = std::string(buf) + (d.empty() ? "" : " (?)");
    ImGui::Bullet();
    ImGui::BeginGroup();
    wrapped(text.c_str());
    ImGui::EndGroup();
    if (!d.empty() && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
        ImGui::Text("%s: %.*s", term, int(d.size()), d.data());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void range_bar(const Range& r, float width) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight() * 0.7f, y = p.y + ImGui::GetTextLineHeight() * 0.15f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + width, y + h), IM_COL32(70, 74, 84, 255), 2.0f);
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + width * float(r.hi / 100), y + h), IM_COL32(0, 114, 178, 110), 2.0f);
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + width * float(r.lo / 100), y + h), IM_COL32(0, 114, 178, 255), 2.0f);
    ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
}

}  // namespace techmap
