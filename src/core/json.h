// json.h — the app's one JSON seam, over RapidJSON (header-only, MIT; Debian's rapidjson-dev).
//
// How to use:
//   reading   JsonDoc d; if (!parse_json(text, d)) ... d.error_offset ...; const Json& root = d.root();
//             const Json* v = json_find(root, "key");   // nullptr: no such key, or root is no object
//             if (v && v->IsString()) std::string s = json_string(*v);
//             for (const Json& x : v->GetArray()) ...   // after checking v->IsArray()
//   writing   JsonOut out; Json o = out.object(); out.set(o, "id", name); out.set(o, "share", 0.5);
//             Json a = out.array(); out.push(a, 1); out.set(o, "list", std::move(a));
//             std::string text = json_text(o);
//
// Reading is strict RFC 8259 and never throws or aborts: ill-formed UTF-8 (also a lone
// surrogate escape such as "\udc00") is a syntax error, a NUL byte ends the text (inside a
// string: an error), a UTF-8 byte order mark is skipped, nesting depth costs no stack (iterative parser), numbers are read to full
// precision. A key written twice reads as its last value. Writing is total: text that is not
// valid UTF-8 has each ill-formed sequence replaced by U+FFFD, a NaN or infinity is written as
// null, and the keys of every object come out in byte order (what the page and tests have
// always read), numbers in the shortest form that reads back exactly (json_number).
#pragma once
#include <rapidjson/document.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace techmap {

using Json = rapidjson::Value;

namespace detail {
template <class T, class = void> struct is_string_map : std::false_type {};
template <class T>
struct is_string_map<T, std::void_t<typename T::mapped_type>> : std::is_same<T, std::map<std::string, typename T::mapped_type>> {};
}  // namespace detail

// [SECTION] reading ----------------------------------------------------------------------------
struct JsonDoc {
    rapidjson::Document doc;
    size_t error_offset = 0;  // where a syntax error is (bytes from the start of the text)
    const Json& root() const { return doc; }
};
bool parse_json(std::string_view text, JsonDoc& out);  // false: a syntax error at out.error_offset

// The value of `key` in object `o` (the last one when a key is written twice); nullptr when `o`
// is not an object or has no such key.
const Json* json_find(const Json& o, const char* key);
// The text of a string value (may hold NUL characters); "" for any other value.
std::string json_string(const Json& v);

// [SECTION] writing ----------------------------------------------------------------------------
// Owns the memory of the values it makes: they must not outlive it.
class JsonOut {
public:
    Json object() { return Json(rapidjson::kObjectType); }
    Json array() { return Json(rapidjson::kArrayType); }
    Json copy(const Json& v) { return Json(v, alloc_); }  // a deep copy (e.g. of a parsed value)

    template <class T>
    Json value(T&& x) {
        using U = std::decay_t<T>;
        if constexpr (std::is_same_v<U, Json>) return Json(std::move(x));
        else if constexpr (std::is_same_v<U, std::nullptr_t>) return Json();
        else if constexpr (std::is_same_v<U, bool>) return Json(x);
        else if constexpr (std::is_integral_v<U> && std::is_signed_v<U>) return Json(int64_t(x));
        else if constexpr (std::is_integral_v<U>) return Json(uint64_t(x));
        else if constexpr (std::is_floating_point_v<U>) return Json(double(x));
        else if constexpr (std::is_same_v<U, std::string> || std::is_same_v<U, std::string_view>)
            return Json(x.data(), rapidjson::SizeType(x.size()), alloc_);
        else if constexpr (std::is_convertible_v<U, const char*>) return value(std::string_view(x));
        else if constexpr (detail::is_string_map<U>::value) {
            Json o = object();
            for (const auto& [k, v] : x) set(o, k, v);
            return o;
        } else {  // a sequence: std::vector, std::array
            Json a = array();
            for (const auto& e : x) push(a, e);
            return a;
        }
    }
    // Adds key: value to object `o` (keys are unique: each is set once).
    template <class T>
    void set(Json& o, std::string_view key, T&& x) {
        o.AddMember(Json(key.data(), rapidjson::SizeType(key.size()), alloc_), value(std::forward<T>(x)), alloc_);
    }
    template <class T>
    void push(Json& a, T&& x) { a.PushBack(value(std::forward<T>(x)), alloc_); }

private:
    rapidjson::MemoryPoolAllocator<> alloc_;
};

std::string json_text(const Json& v);
// A number as the writer writes it (as nlohmann_json did before): the shortest digits that read
// back (Grisu2), "1.0" for a whole number, an exponent below 1e-4 and from 1e15 ("1e-05",
// "1e+15"), "null" for NaN or infinity.
std::string json_number(double d);

}  // namespace techmap
