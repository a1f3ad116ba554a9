// json.cpp — parsing and writing JSON over RapidJSON (see json.h for the rules).
#include "core/json.h"

#include <rapidjson/internal/dtoa.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <cstring>
#include <utility>

#include "core/text.h"

namespace techmap {
namespace {

// Passes every event on to the document, refusing a string that RapidJSON's escapes let through
// although it is not valid text: a lone low surrogate "\udc00" (written as ED B0 80). Bytes in
// the file itself were validated already (kParseValidateEncodingFlag).
struct StrictText {
    rapidjson::Document& d;
    static bool ok(const char* s, rapidjson::SizeType n) {
        for (rapidjson::SizeType i = 0; i + 1 < n; ++i)
            if (static_cast<unsigned char>(s[i]) == 0xED && static_cast<unsigned char>(s[i + 1]) >= 0xA0) return false;
        return true;
    }
    bool Null() { return d.Null(); }
    bool Bool(bool b) { return d.Bool(b); }
    bool Int(int i) { return d.Int(i); }
    bool Uint(unsigned i) { return d.Uint(i); }
    bool Int64(int64_t i) { return d.Int64(i); }
    bool Uint64(uint64_t i) { return d.Uint64(i); }
    bool Double(double x) { return d.Double(x); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) { return d.RawNumber(s, n, copy); }
    bool String(const char* s, rapidjson::SizeType n, bool copy) { return ok(s, n) && d.String(s, n, copy); }
    bool StartObject() { return d.StartObject(); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return ok(s, n) && d.Key(s, n, copy); }
    bool EndObject(rapidjson::SizeType n) { return d.EndObject(n); }
    bool StartArray() { return d.StartArray(); }
    bool EndArray(rapidjson::SizeType n) { return d.EndArray(n); }
};

constexpr unsigned kParseFlags =
    rapidjson::kParseValidateEncodingFlag | rapidjson::kParseFullPrecisionFlag | rapidjson::kParseIterativeFlag;

void write(const Json& v, rapidjson::Writer<rapidjson::StringBuffer>& w) {
    switch (v.GetType()) {
        case rapidjson::kNullType: w.Null(); break;
        case rapidjson::kFalseType: w.Bool(false); break;
        case rapidjson::kTrueType: w.Bool(true); break;
        case rapidjson::kNumberType: {
            // integers through std::to_string, which the app has anyway (smaller than the Writer's own)
            const std::string n = v.IsInt64()    ? std::to_string(v.GetInt64())
                                  : v.IsUint64() ? std::to_string(v.GetUint64())
                                                 : json_number(v.GetDouble());
            w.RawValue(n.data(), n.size(), rapidjson::kNumberType);
            break;
        }
        case rapidjson::kStringType: {
            const std::string_view s(v.GetString(), v.GetStringLength());
            if (is_valid_utf8(s)) {
                w.String(s.data(), rapidjson::SizeType(s.size()));
            } else {
                const std::string t = replace_ill_formed(s);
                w.String(t.data(), rapidjson::SizeType(t.size()));
            }
            break;
        }
        case rapidjson::kArrayType:
            w.StartArray();
            for (const Json& x : v.GetArray()) write(x, w);
            w.EndArray();
            break;
        case rapidjson::kObjectType: {
            // keys in byte order, as a std::map kept them; an insertion sort (objects are small,
            // and std::sort's code would cost the download more than it saves in time)
            std::vector<const Json::Member*> members;
            members.reserve(v.MemberCount());
            const auto key = [](const Json::Member* m) { return std::string_view(m->name.GetString(), m->name.GetStringLength()); };
            for (const Json::Member& m : v.GetObject()) {
                members.push_back(&m);
                for (size_t k = members.size() - 1; k > 0 && key(members[k]) < key(members[k - 1]); --k) std::swap(members[k], members[k - 1]);
            }
            w.StartObject();
            for (const Json::Member* m : members) {
                write(m->name, w);
                write(m->value, w);
            }
            w.EndObject();
            break;
        }
    }
}

}  // namespace

bool parse_json(std::string_view text, JsonDoc& out) {
    out.error_offset = 0;
    // a NUL byte outside a string ends the text, inside one it is an error (as before RapidJSON)
    rapidjson::MemoryStream ms(text.data(), text.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(ms);  // skips a byte order mark
    rapidjson::ParseResult result;
    auto generate = [&](rapidjson::Document& d) {
        rapidjson::Reader reader;
        StrictText handler{d};
        result = reader.Parse<kParseFlags>(in, handler);
        return !result.IsError();
    };
    out.doc.Populate(generate);
    if (result.IsError()) {
        out.error_offset = result.Offset();
        out.doc.SetNull();
        return false;
    }
    return true;
}

const Json* json_find(const Json& o, const char* key) {
    if (!o.IsObject()) return nullptr;
    const size_t n = std::strlen(key);
    const Json* found = nullptr;
    for (const Json::Member& m : o.GetObject())
        if (m.name.GetStringLength() == n && std::memcmp(m.name.GetString(), key, n) == 0) found = &m.value;
    return found;
}

std::string json_string(const Json& v) { return v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : std::string(); }

std::string json_text(const Json& v) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    write(v, w);
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string json_number(double d) {
    if (!std::isfinite(d)) return "null";
    std::string s;
    if (std::signbit(d)) { s = "-"; d = -d; }
    if (d == 0) return s + "0.0";
    char digits[32];
    int k = 0, exp10 = 0;
    rapidjson::internal::Grisu2(d, digits, &k, &exp10);
    const int n = k + exp10;  // where the decimal point goes, from the first digit
    const std::string_view ds(digits, size_t(k));
    if (k <= n && n <= 15) return s.append(ds).append(size_t(n - k), '0') + ".0";
    if (0 < n && n <= 15) return s.append(ds.substr(0, size_t(n))).append(".").append(ds.substr(size_t(n)));
    if (-4 < n && n <= 0) return s.append("0.").append(size_t(-n), '0').append(ds);
    s += ds[0];
    if (k > 1) s.append(".").append(ds.substr(1));
    const int e = n - 1;
    s += e < 0 ? "e-" : "e+";
    const int a = e < 0 ? -e : e;
    if (a < 10) s += '0';
    return s + std::to_string(a);
}

}  // namespace techmap
