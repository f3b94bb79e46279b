#include "client/cpp/json.h"

#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>

#include <random>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

using google::protobuf::util::MessageDifferencer;

// What protobuf's own parser makes of `json`: the reference FromJson keeps.
absl::StatusOr<v1::ParseRequest> ProtobufReads(const std::string& json) {
  v1::ParseRequest request;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status =
      google::protobuf::util::JsonStringToMessage(json, &request, options);
  if (!status.ok()) return absl::InvalidArgumentError(status.ToString());
  return request;
}

// FromJson answers as protobuf's parser does: the same message, or an
// InvalidArgument error where protobuf refuses.
void ExpectSameAsProtobuf(const std::string& json) {
  SCOPED_TRACE(json.substr(0, 200));
  absl::StatusOr<v1::ParseRequest> expected = ProtobufReads(json);
  v1::ParseRequest request;
  absl::Status status = FromJson(json, &request);
  ASSERT_EQ(status.ok(), expected.ok()) << status << " / " << expected.status();
  if (!status.ok()) {
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    return;
  }
  EXPECT_TRUE(MessageDifferencer::Equals(request, *expected))
      << request.DebugString() << "\nprotobuf:\n"
      << expected->DebugString();
}

TEST(FromJsonTest, ReadsWhatToJsonPrints) {
  v1::ParseRequest request;
  request.set_id("page-1");
  request.set_url("https://example.com/a?b=c&d=\xc3\xa9");
  request.set_content(std::string("<p>caf\xc3\xa9\0\xff</p>", 14));
  request.set_content_type("text/html; charset=utf-8");
  request.mutable_options()->set_include_comments(true);
  request.mutable_options()->add_formats(v1::FORMAT_MARKDOWN);
  v1::ParseRequest read;
  ASSERT_TRUE(FromJson(ToJson(request), &read).ok());
  EXPECT_TRUE(MessageDifferencer::Equals(read, request));
}

TEST(FromJsonTest, BytesFieldsAsProtobufReadsThem) {
  const std::string html = "<html><body><p>Hello, world?>></p></body></html>";
  const std::string standard = absl::Base64Escape(html);
  const std::string web_safe = absl::WebSafeBase64Escape(html);
  ASSERT_NE(standard, web_safe);  // the text has both alphabets' characters
  const std::vector<std::string> contents = {
      standard,
      web_safe,
      standard.substr(0, standard.find('=')),  // unpadded
      absl::StrCat(standard.substr(0, 8), "\\n", standard.substr(8)),
      absl::StrCat(standard.substr(0, 8), " ", standard.substr(8)),
      absl::StrCat(standard.substr(0, 8), "\\/", standard.substr(8)),
      absl::StrCat(standard.substr(0, 8), "=", standard.substr(8)),
      absl::StrCat(standard.substr(0, 8), "*", standard.substr(8)),
      standard.substr(0, 5),  // one character past a whole group
      "",
      "====",
  };
  for (const std::string& content : contents) {
    ExpectSameAsProtobuf(
        absl::StrCat(R"({"id":"a","content":")", content, R"("})"));
  }
}

TEST(FromJsonTest, OtherFieldsAndErrorsAsProtobufReadsThem) {
  const std::string content = absl::Base64Escape("<p>x</p>");
  for (const std::string& json : std::vector<std::string>{
           absl::StrCat(R"({"content":")", content, R"(","contentType":"t"})"),
           absl::StrCat(R"({"content":")", content, R"(","content_type":"t"})"),
           absl::StrCat(R"({"url":"h\u00e9\"","content":")", content, "\"}"),
           absl::StrCat(R"({"content":")", content,
                        R"(","options":{"formats":["FORMAT_TEXT",2]}})"),
           absl::StrCat(R"({"content":")", content, R"(","content":"eA=="})"),
           absl::StrCat(R"({"content":")", content, R"(","unknown":1})"),
           absl::StrCat(R"({"content":")", content, R"("} trailing)"),
           absl::StrCat(R"(["content",")", content, R"("])"),
           R"({"content":null,"id":"n"})",
           R"({"content":12})",
           R"({"id":12})",
           R"({})",
           R"({"id":"\ud800"})",
           "",
           "{",
       }) {
    ExpectSameAsProtobuf(json);
  }
}

TEST(FromJsonTest, NearlyPlainBase64AsProtobufReadsThem) {
  // Each next to base64's plainest form: padding short, long or inside,
  // stray bits in the last group, both alphabets, a length no bytes encode
  // to, white space.
  for (const char* base64 :
       {"",     "QQ",   "QQ==", "QQ=",  "QQ===",    "Q===",  "====",  "QR==",
        "QR",   "QUI",  "QUI=", "QUJ=", "QUJD",     "QUJD=", "Q",     "QUJDR",
        "+/+/", "-_-_", "+_+_", "-/",   "QQ==QQ==", "Q Q=",  "QUJD\n"}) {
    ExpectSameAsProtobuf(
        absl::StrCat(R"({"id":"r","content":")", base64, R"("})"));
  }
}

TEST(FromJsonTest, RandomBytesAsProtobufReadsThem) {
  std::mt19937 random(7);
  for (int i = 0; i < 20000; ++i) {
    std::string bytes(random() % 64, '\0');
    for (char& byte : bytes) byte = static_cast<char>(random());
    std::string base64 = random() % 2 ? absl::Base64Escape(bytes)
                                      : absl::WebSafeBase64Escape(bytes);
    if (random() % 4 == 0 && !base64.empty()) {
      base64[random() % base64.size()] = "+/-_= A"[random() % 7];
    }
    if (random() % 4 == 0) {  // padding taken off or added
      while (!base64.empty() && base64.back() == '=') base64.pop_back();
      base64.append(random() % 4, '=');
    }
    ExpectSameAsProtobuf(absl::StrCat(R"({"id":"r","content":")", base64,
                                      R"(","url":"https://x/"})"));
  }
}

}  // namespace
}  // namespace lede
