// libFuzzer target: Engine::Parse on any bytes, in every framing. The first
// byte picks the declared content type and URL, so the fuzzer reaches each
// framing (HTML page and fragment, Markdown with front matter, Markdown
// with HTML, text) and each decoding path; the rest is the content.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/time/clock.h"
#include "server/engine/engine.h"

namespace {

constexpr const char* kContentTypes[] = {"",
                                         "text/html",
                                         "text/html; charset=gbk",
                                         "text/plain",
                                         "text/markdown",
                                         "text/html; charset=shift_jis",
                                         "application/xhtml+xml",
                                         "text/html; charset=windows-1251"};
constexpr const char* kUrls[] = {"", "https://example.com/2024/05/28/a-story",
                                 "https://news.example.cn/a/20231005/x.html",
                                 "not a url"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const lede::engine::Engine* engine = new lede::engine::Engine();
  if (size == 0) return 0;
  lede::v1::ParseRequest request;
  request.set_content_type(kContentTypes[data[0] % std::size(kContentTypes)]);
  request.set_url(kUrls[(data[0] >> 3) % std::size(kUrls)]);
  request.set_content(reinterpret_cast<const char*>(data + 1), size - 1);
  engine->Parse(request, absl::Now() + absl::Seconds(20)).IgnoreError();
  return 0;
}
