// platform_web.cpp — the browser as the app's platform (see platform_web.h): the WebGL2 context,
// and the page's events handed to Dear ImGui's input queue and to the app. Written on Emscripten's
// HTML5 API in place of SDL2, whose Emscripten backend the app used for nothing more.
//
// [SECTION] page hooks: cursor, clipboard
// [SECTION] keys: the DOM's KeyboardEvent to ImGuiKey
// [SECTION] the app's event list
// [SECTION] keyboard, mouse, wheel, touch, focus
// [SECTION] setup and frame
#include "app/platform_web.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace techmap {
namespace {

// [SECTION] page hooks: cursor, clipboard ---------------------------------------------------------
EM_JS(void, js_set_cursor, (const char* canvas, const char* css), {
    const c = document.querySelector(UTF8ToString(canvas));
    if (c) c.style.cursor = UTF8ToString(css);
});
// ImGui's copy also reaches the system's clipboard where the browser allows it (a key press is
// the user's gesture). The browser hands a page the clipboard's text only in a paste event: a
// paste key that reaches the map is let through to the browser, and its paste event brings the
// text (techmap_paste); ImGui hears the key then.
EM_JS(void, js_copy_to_clipboard, (const char* text), {
    const s = UTF8ToString(text);
    try { if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(s).catch(() => {}); } catch (e) {}
});
EM_JS(void, js_listen_for_paste, (), {
    window.addEventListener('paste', (e) => {
        const s = e.clipboardData ? e.clipboardData.getData('text/plain') : "";
        const n = lengthBytesUTF8(s) + 1, p = _malloc(n);
        if (!p) return;
        stringToUTF8(s, p, n);
        if (_techmap_paste(p, !!e.clipboardData)) e.preventDefault();
        _free(p);
    });
});

std::string g_canvas;
std::string g_clipboard;
double g_paste_asked_ms = -1;  // when a paste key reached the map and its paste event is awaited

const char* get_clipboard(void*) { return g_clipboard.c_str(); }
void set_clipboard(void*, const char* text) {
    g_clipboard = text ? text : "";
    js_copy_to_clipboard(g_clipboard.c_str());
}
// ImGui's paste shortcut, once the text is known (or the browser gave none in time)
void paste_now() {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    g_paste_asked_ms = -1;
}

const char* css_cursor(ImGuiMouseCursor c) {
    switch (c) {
        case ImGuiMouseCursor_None: return "none";
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

// [SECTION] keys: the DOM's KeyboardEvent to ImGuiKey ---------------------------------------------
struct KeyName {
    const char* name;
    ImGuiKey key;
};
// KeyboardEvent.key of the keys that do not type
const KeyName kNamedKeys[] = {
    {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}, {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace}, {"Enter", ImGuiKey_Enter},
    {"Escape", ImGuiKey_Escape}, {"CapsLock", ImGuiKey_CapsLock}, {"ScrollLock", ImGuiKey_ScrollLock},
    {"NumLock", ImGuiKey_NumLock}, {"PrintScreen", ImGuiKey_PrintScreen}, {"Pause", ImGuiKey_Pause},
    {"ContextMenu", ImGuiKey_Menu}, {"BrowserBack", ImGuiKey_AppBack}, {"BrowserForward", ImGuiKey_AppForward},
    {"AltGraph", ImGuiKey_RightAlt},
};
// KeyboardEvent.code (the key's place): the keypad, and keys whose character the layout or Shift changed
const KeyName kKeyCodes[] = {
    {"NumpadDecimal", ImGuiKey_KeypadDecimal}, {"NumpadDivide", ImGuiKey_KeypadDivide},
    {"NumpadMultiply", ImGuiKey_KeypadMultiply}, {"NumpadSubtract", ImGuiKey_KeypadSubtract},
    {"NumpadAdd", ImGuiKey_KeypadAdd}, {"NumpadEnter", ImGuiKey_KeypadEnter}, {"NumpadEqual", ImGuiKey_KeypadEqual},
    {"Quote", ImGuiKey_Apostrophe}, {"Comma", ImGuiKey_Comma}, {"Minus", ImGuiKey_Minus}, {"Period", ImGuiKey_Period},
    {"Slash", ImGuiKey_Slash}, {"Semicolon", ImGuiKey_Semicolon}, {"Equal", ImGuiKey_Equal},
    {"BracketLeft", ImGuiKey_LeftBracket}, {"Backslash", ImGuiKey_Backslash}, {"BracketRight", ImGuiKey_RightBracket},
    {"Backquote", ImGuiKey_GraveAccent}, {"Space", ImGuiKey_Space},
};
// the characters of the keys above, as KeyboardEvent.key gives them unshifted
const char kPunctuation[] = "',-./;=[\\]` ";
const ImGuiKey kPunctuationKeys[] = {ImGuiKey_Apostrophe, ImGuiKey_Comma, ImGuiKey_Minus, ImGuiKey_Period, ImGuiKey_Slash,
                                     ImGuiKey_Semicolon, ImGuiKey_Equal, ImGuiKey_LeftBracket, ImGuiKey_Backslash,
                                     ImGuiKey_RightBracket, ImGuiKey_GraveAccent, ImGuiKey_Space};

ImGuiKey find_key(const KeyName* table, size_t n, const char* name) {
    for (size_t i = 0; i < n; ++i)
        if (std::strcmp(table[i].name, name) == 0) return table[i].key;
    return ImGuiKey_None;
}

ImGuiKey by_code(const char* code) {
    if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && !code[4]) return ImGuiKey(ImGuiKey_A + (code[3] - 'A'));
    if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && !code[6]) return ImGuiKey(ImGuiKey_0 + (code[5] - '0'));
    if (std::strncmp(code, "Numpad", 6) == 0 && code[6] >= '0' && code[6] <= '9' && !code[7]) return ImGuiKey(ImGuiKey_Keypad0 + (code[6] - '0'));
    return find_key(kKeyCodes, sizeof kKeyCodes / sizeof kKeyCodes[0], code);
}

// The key as ImGui names it: by its meaning (the layout's letter, for shortcuts), else by its place.
ImGuiKey imgui_key(const EmscriptenKeyboardEvent& e) {
    if (!std::strcmp(e.key, "Process")) return ImGuiKey_None;  // an input method's own key, not the key's
    const bool right = e.location == DOM_KEY_LOCATION_RIGHT;
    if (!std::strcmp(e.key, "Shift")) return right ? ImGuiKey_RightShift : ImGuiKey_LeftShift;
    if (!std::strcmp(e.key, "Control")) return right ? ImGuiKey_RightCtrl : ImGuiKey_LeftCtrl;
    if (!std::strcmp(e.key, "Alt")) return right ? ImGuiKey_RightAlt : ImGuiKey_LeftAlt;
    if (!std::strcmp(e.key, "Meta")) return right ? ImGuiKey_RightSuper : ImGuiKey_LeftSuper;
    if (e.location == DOM_KEY_LOCATION_NUMPAD) {
        const ImGuiKey k = by_code(e.code);
        if (k != ImGuiKey_None) return k;
    }
    if (const ImGuiKey k = find_key(kNamedKeys, sizeof kNamedKeys / sizeof kNamedKeys[0], e.key); k != ImGuiKey_None) return k;
    if (e.key[0] == 'F' && e.key[1] >= '1' && e.key[1] <= '9') {
        const int n = std::atoi(e.key + 1);
        if (n >= 1 && n <= 24) return ImGuiKey(ImGuiKey_F1 + n - 1);
    }
    if (e.key[0] && !e.key[1]) {
        const char c = e.key[0];
        if (c >= 'a' && c <= 'z') return ImGuiKey(ImGuiKey_A + (c - 'a'));
        if (c >= 'A' && c <= 'Z') return ImGuiKey(ImGuiKey_A + (c - 'A'));
        if (c >= '0' && c <= '9') return ImGuiKey(ImGuiKey_0 + (c - '0'));
        if (const char* p = std::strchr(kPunctuation, c)) return kPunctuationKeys[p - kPunctuation];
    }
    return by_code(e.code);
}

// [SECTION] the app's event list ------------------------------------------------------------------
std::vector<PageInput> g_queue;
size_t g_next = 0;

void push(const PageInput& e) {
    if (g_queue.size() - g_next < 4096) g_queue.push_back(e);  // (a stalled page drops what comes beyond)
}

// [SECTION] keyboard, mouse, wheel, touch, focus -------------------------------------------------
void send_modifiers(const EmscriptenKeyboardEvent& e) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, e.ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e.shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e.altKey);
    io.AddKeyEvent(ImGuiMod_Super, e.metaKey);
}

// Keys are heard on the window (the page's own controls stop theirs first: web/app.js). What the
// browser would do with them is kept, except for the keys that move its focus or scroll the page
// (Tab, arrows, Backspace, F-keys) and Ctrl shortcuts; a key that types is left to type, so that
// its keypress (the character, after the layout and dead keys) follows.
EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    send_modifiers(*e);
    const ImGuiKey key = imgui_key(*e);
    const bool paste = down && key == ImGuiKey_V && e->ctrlKey && !e->altKey && !e->metaKey && !e->shiftKey;
    if (paste) g_paste_asked_ms = emscripten_get_now();  // the browser's paste event follows
    else if (key != ImGuiKey_None) ImGui::GetIO().AddKeyEvent(key, down);
    PageInput in;
    in.kind = down ? PageInput::Kind::KeyDown : PageInput::Kind::Other;
    std::strncpy(in.key, e->key, sizeof in.key - 1);
    in.ctrl = e->ctrlKey;
    in.shift = e->shiftKey;
    in.alt = e->altKey;
    in.meta = e->metaKey;
    push(in);
    if (!down) return EM_TRUE;
    const bool moves_focus = key == ImGuiKey_Tab || key == ImGuiKey_Backspace || key == ImGuiKey_LeftArrow ||
                             key == ImGuiKey_RightArrow || key == ImGuiKey_UpArrow || key == ImGuiKey_DownArrow ||
                             (key >= ImGuiKey_F1 && key <= ImGuiKey_F15);
    return moves_focus || (e->ctrlKey && !paste);
}

EM_BOOL on_keypress(int, const EmscriptenKeyboardEvent* e, void*) {
    // (one UTF-16 unit, or a whole code point beyond the first plane, as browsers give it)
    if (e->charCode > 0xFFFF) ImGui::GetIO().AddInputCharacter(unsigned(e->charCode));
    else if (e->charCode >= 0x20 && e->charCode != 0x7f) ImGui::GetIO().AddInputCharacterUTF16(ImWchar16(e->charCode));
    push(PageInput{});
    return EM_TRUE;
}

struct Mouse {
    int x = 0, y = 0;
    int origin_x = 0, origin_y = 0;  // the canvas's top left in client coordinates
    int buttons = 0;                 // ImGui's buttons held down (bits)
    double last_down_ms = -1e9;      // for double clicks (as SDL counted them: 500 ms, 32 px)
    int last_down_x = 0, last_down_y = 0, clicks = 0;
} g_mouse;

int count_clicks(int x, int y) {
    const double now = emscripten_get_now();
    Mouse& m = g_mouse;
    if (now - m.last_down_ms > 500 || std::abs(x - m.last_down_x) > 32 || std::abs(y - m.last_down_y) > 32) m.clicks = 0;
    ++m.clicks;
    m.last_down_ms = now;
    m.last_down_x = x;
    m.last_down_y = y;
    return m.clicks;
}

void pointer_to(int x, int y, bool touch) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(float(x), float(y));
    g_mouse.x = x;
    g_mouse.y = y;
    PageInput in;
    in.kind = PageInput::Kind::PointerMove;
    in.x = x;
    in.y = y;
    in.touch = touch;
    push(in);
}

// the left button (0), the right (1), the middle (2): ImGui's numbering; a finger is the left
void pointer_button(int button, bool down, bool touch) {
    const int bit = 1 << button;
    if (!down && !(g_mouse.buttons & bit)) return;  // a release that began outside the canvas
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
    io.AddMouseButtonEvent(button, down);
    g_mouse.buttons = down ? (g_mouse.buttons | bit) : (g_mouse.buttons & ~bit);
    PageInput in;
    in.kind = down ? PageInput::Kind::PointerDown : PageInput::Kind::PointerUp;
    in.x = g_mouse.x;
    in.y = g_mouse.y;
    in.left = button == 0;
    in.touch = touch;
    if (down) in.clicks = count_clicks(in.x, in.y);
    push(in);
}

int imgui_button(unsigned short dom_button) { return dom_button == 0 ? 0 : dom_button == 2 ? 1 : dom_button == 1 ? 2 : -1; }

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    if (type != EMSCRIPTEN_EVENT_MOUSEUP) {  // the canvas's own events: their target is the canvas
        g_mouse.origin_x = int(e->clientX - e->targetX);
        g_mouse.origin_y = int(e->clientY - e->targetY);
    }
    const int x = int(e->clientX) - g_mouse.origin_x, y = int(e->clientY) - g_mouse.origin_y;
    switch (type) {
        case EMSCRIPTEN_EVENT_MOUSEMOVE: pointer_to(x, y, false); return EM_FALSE;
        case EMSCRIPTEN_EVENT_MOUSEENTER: pointer_to(x, y, false); return EM_TRUE;
        case EMSCRIPTEN_EVENT_MOUSELEAVE:
            pointer_to(x, y, false);
            if (!g_mouse.buttons) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // nothing hovered
            return EM_TRUE;
        default: break;
    }
    const int button = imgui_button(e->button);
    if (button < 0) return EM_FALSE;
    const bool down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
    if (down && (x != g_mouse.x || y != g_mouse.y)) pointer_to(x, y, false);
    pointer_button(button, down, false);
    // the release is heard on the whole page (a drag may end outside the canvas): only the
    // canvas's own are the app's to keep from the page
    double w = 0, h = 0;
    emscripten_get_element_css_size(g_canvas.c_str(), &w, &h);
    return x >= 0 && y >= 0 && x < w && y < h;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // one notch is one step: 100 pixels, 3 lines or 1/80 page of scrolling
    const double per_step = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0 / 80.0;
    const double dx = -e->deltaX / per_step, dy = -e->deltaY / per_step;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMouseWheelEvent(float(dx), float(dy));
    PageInput in;
    in.kind = PageInput::Kind::Wheel;
    in.x = g_mouse.x;
    in.y = g_mouse.y;
    in.wheel_y = dy;
    push(in);
    return EM_TRUE;  // the page does not scroll under the map
}

// Fingers: the first one down is the pointer (ImGui's left button, the map's drag and tap) until
// it lifts; with two down, their spread zooms (a pinch).
struct Finger {
    long id;
    int x, y;
};
struct Touches {
    std::vector<Finger> down;
    long pointer = -1;   // the finger that is the pointer; -1: none
    double spread = 0;   // the distance between the first two fingers when last seen
} g_touch;

double finger_spread(int& cx, int& cy) {
    const Finger &a = g_touch.down[0], &b = g_touch.down[1];
    cx = (a.x + b.x) / 2;
    cy = (a.y + b.y) / 2;
    return std::hypot(double(a.x - b.x), double(a.y - b.y));
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    for (int i = 0; i < e->numTouches && i < 32; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged) continue;
        const int x = int(t.targetX), y = int(t.targetY);
        auto it = g_touch.down.begin();
        while (it != g_touch.down.end() && it->id != t.identifier) ++it;
        PageInput in;
        in.x = x;
        in.y = y;
        in.touch = true;
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
            if (it != g_touch.down.end()) continue;
            if (g_touch.pointer < 0) {
                g_touch.pointer = t.identifier;
                pointer_to(x, y, true);
                pointer_button(0, true, true);
            }
            g_touch.down.push_back({t.identifier, x, y});
            in.kind = PageInput::Kind::FingerDown;
        } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
            if (it == g_touch.down.end()) continue;
            it->x = x;
            it->y = y;
            if (t.identifier == g_touch.pointer) pointer_to(x, y, true);
            continue;
        } else {  // end, cancel
            if (it == g_touch.down.end()) continue;
            if (t.identifier == g_touch.pointer) {
                pointer_to(x, y, true);
                pointer_button(0, false, true);
                // a lifted finger points at nothing: no tooltip or highlight stays where it was
                // (ImGui's queue sees the release there first, so the tap is still a click)
                ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
                g_touch.pointer = -1;
            }
            g_touch.down.erase(it);
            in.kind = PageInput::Kind::FingerUp;
        }
        in.fingers = int(g_touch.down.size());
        push(in);
    }
    if (g_touch.down.size() >= 2) {
        int cx = 0, cy = 0;
        const double spread = finger_spread(cx, cy);
        if (type == EMSCRIPTEN_EVENT_TOUCHMOVE && g_touch.spread > 1 && spread > 1) {
            PageInput in;
            in.kind = PageInput::Kind::Pinch;
            in.x = cx;
            in.y = cy;
            in.touch = true;
            in.spread = spread / g_touch.spread;
            in.fingers = int(g_touch.down.size());
            push(in);
        }
        g_touch.spread = spread;
    } else {
        g_touch.spread = 0;
    }
    // no scrolling or zooming of the page, and no mouse events made up from the touches
    return type != EMSCRIPTEN_EVENT_TOUCHMOVE;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);  // losing it releases every key
    push(PageInput{});
    return EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    push(PageInput{});  // the frame follows the canvas's new size (main.cpp)
    return EM_FALSE;
}

}  // namespace

// The browser's paste event (js_listen_for_paste): the system clipboard's text, for the paste key
// that reached the map. True when the page's default paste is to be cancelled.
extern "C" EMSCRIPTEN_KEEPALIVE int techmap_paste(const char* text, int has_text) {
    if (g_paste_asked_ms < 0) return 0;  // a paste into one of the page's own fields
    if (has_text) g_clipboard = text ? text : "";
    paste_now();
    return 1;
}

namespace {
double g_last_frame_ms = 0;
ImGuiMouseCursor g_cursor = ImGuiMouseCursor_COUNT;

}  // namespace

// [SECTION] setup and frame -------------------------------------------------------------------------
bool platform_init(const char* canvas, std::string& error) {
    g_canvas = canvas;
    // web/app.js creates this context while the files download, with these attributes: keep both alike
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.alpha = EM_FALSE;  // an opaque canvas (the page's background never shows through the map)
    attrs.depth = EM_TRUE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.enableExtensionsByDefault = EM_FALSE;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context(canvas, &attrs);
    if (gl <= 0 || emscripten_webgl_make_context_current(gl) != EMSCRIPTEN_RESULT_SUCCESS) {
        error = "This browser could not create a WebGL 2 context.";
        return false;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "techmap_platform_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;

    const char* window = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_keydown_callback(window, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(window, nullptr, EM_FALSE, on_key);
    emscripten_set_keypress_callback(window, nullptr, EM_FALSE, on_keypress);
    emscripten_set_mousedown_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseenter_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_focus_callback(window, nullptr, EM_FALSE, on_focus);
    emscripten_set_blur_callback(window, nullptr, EM_FALSE, on_focus);
    emscripten_set_resize_callback(window, nullptr, EM_FALSE, on_resize);
    js_listen_for_paste();
    return true;
}

bool platform_next_input(PageInput& out) {
    if (g_next >= g_queue.size()) {
        g_queue.clear();
        g_next = 0;
        return false;
    }
    out = g_queue[g_next++];
    return true;
}

bool platform_input_pending() { return g_next < g_queue.size(); }

void platform_new_frame(int css_w, int css_h) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(css_w), float(css_h));
    // ImGui draws in CSS pixels onto the canvas's own pixels (a picture's frame has twice the screen's)
    int fb_w = 0, fb_h = 0;
    emscripten_get_canvas_element_size(g_canvas.c_str(), &fb_w, &fb_h);
    if (css_w > 0 && css_h > 0) io.DisplayFramebufferScale = ImVec2(float(fb_w) / float(css_w), float(fb_h) / float(css_h));
    const double now = emscripten_get_now();
    if (g_paste_asked_ms >= 0 && now - g_paste_asked_ms > 250) paste_now();  // no paste event came: ImGui's own copy
    io.DeltaTime = g_last_frame_ms > 0 && now > g_last_frame_ms ? float((now - g_last_frame_ms) / 1000.0) : 1.0f / 60.0f;
    g_last_frame_ms = now;
    const ImGuiMouseCursor cursor = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (cursor != g_cursor) {
        g_cursor = cursor;
        js_set_cursor(g_canvas.c_str(), css_cursor(cursor));
    }
}

}  // namespace techmap
