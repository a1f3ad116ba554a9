// text.cpp — strict UTF-8 validation and cleaning (see text.h).
#include "core/text.h"

#include <cctype>

namespace techmap {
namespace {

// Length of the well-formed UTF-8 sequence at s[i] and its code point; 0 if ill-formed
// (RFC 3629 table 3-7: the second byte's range depends on the first, which rules out overlong
// forms, surrogates and code points above U+10FFFF).
size_t sequence(std::string_view s, size_t i, char32_t& cp) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) { cp = c; return 1; }
    size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
    else if (c == 0xE0) { n = 3; lo = 0xA0; cp = c & 0x0F; }
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) { n = 3; cp = c & 0x0F; }
    else if (c == 0xED) { n = 3; hi = 0x9F; cp = c & 0x0F; }
    else if (c == 0xF0) { n = 4; lo = 0x90; cp = c & 0x07; }
    else if (c >= 0xF1 && c <= 0xF3) { n = 4; cp = c & 0x07; }
    else if (c == 0xF4) { n = 4; hi = 0x8F; cp = c & 0x07; }
    else return 0;
    if (s.size() - i < n) return 0;
    for (size_t k = 1; k < n; ++k) {
        const unsigned char x = b(k);
        if (k == 1 ? (x < lo || x > hi) : (x < 0x80 || x > 0xBF)) return 0;
        cp = (cp << 6) | (x & 0x3F);
    }
    return n;
}

bool is_control(char32_t cp, Lines lines) {
    if (lines == Lines::Many && (cp == '\t' || cp == '\n')) return false;
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

// Length of the run of printable ASCII at s[i] (the common case, checked without decoding).
size_t printable_ascii(std::string_view s, size_t i) {
    size_t k = i;
    while (k < s.size() && static_cast<unsigned char>(s[k]) - 0x20u < 0x5Fu) ++k;
    return k - i;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        if (const size_t run = printable_ascii(s, i)) { i += run; continue; }
        char32_t cp = 0;
        const size_t n = sequence(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

bool is_clean_text(std::string_view s, size_t max_bytes, Lines lines) {
    if (s.size() > max_bytes) return false;
    for (size_t i = 0; i < s.size();) {
        if (const size_t run = printable_ascii(s, i)) { i += run; continue; }
        char32_t cp = 0;
        const size_t n = sequence(s, i, cp);
        if (n == 0 || is_control(cp, lines)) return false;
        i += n;
    }
    return true;
}

CleanText clean_text(std::string_view s, size_t max_bytes, Lines lines) {
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
    CleanText r;
    if (s.size() <= max_bytes && printable_ascii(s, 0) == s.size()) {
        r.text = std::string(s);
        return r;
    }
    r.text.reserve(s.size() < max_bytes ? s.size() : max_bytes);
    for (size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        size_t n = sequence(s, i, cp);
        std::string_view piece;
        if (n == 0) {
            // one replacement for a maximal ill-formed prefix: skip continuation bytes after it
            n = 1;
            while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80 && n < 4) ++n;
            piece = kReplacement;
            r.replaced = true;
        } else if (is_control(cp, lines)) {
            r.replaced = true;
            i += n;
            continue;
        } else {
            piece = s.substr(i, n);
        }
        if (r.text.size() + piece.size() > max_bytes) { r.cut = true; break; }
        r.text += piece;
        i += n;
    }
    return r;
}

std::string replace_ill_formed(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        size_t n = sequence(s, i, cp);
        if (n > 0) {
            out.append(s.substr(i, n));
        } else {  // one replacement for a maximal ill-formed prefix, as in clean_text
            n = 1;
            while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80 && n < 4) ++n;
            out += "\xEF\xBF\xBD";
        }
        i += n;
    }
    return out;
}

std::string text_notice(const CleanText& c, std::string_view field, size_t max_bytes) {
    std::string msg;
    if (c.replaced) msg = std::string(field) + " had characters that are not valid text; they were replaced";
    if (c.cut) msg += (msg.empty() ? std::string(field) + " was" : std::string(", and it was")) + " cut to " + std::to_string(max_bytes) + " bytes";
    return msg;
}

int match_rank(std::string_view name, std::string_view query) {
    if (query.empty()) return 0;
    const auto lower = [](char c) { return char(std::tolower(static_cast<unsigned char>(c))); };
    if (query.size() > name.size()) return -1;
    int best = -1;
    for (size_t i = 0; i + query.size() <= name.size(); ++i) {
        size_t k = 0;
        while (k < query.size() && lower(name[i + k]) == lower(query[k])) ++k;
        if (k < query.size()) continue;
        const int rank = i == 0 ? 0 : (name[i - 1] == ' ' || name[i - 1] == '-' || name[i - 1] == '(') ? 1 : 2;
        if (best < 0 || rank < best) best = rank;
        if (best == 0) break;
    }
    return best;
}

}  // namespace techmap
