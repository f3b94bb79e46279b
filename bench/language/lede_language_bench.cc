// Runs lede's DetectLanguage, in process, over texts read from standard
// input, for bench/language/run.mjs.
//
//   lede_language_bench            texts separated by NUL bytes on stdin; one
//                                  line out per text: language TAB confidence
//                                  TAB runners-up; then a line
//                                  "# bytes N seconds S" timing the calls.
//   lede_language_bench --repeat K  the same, every text identified K times
//                                  (for speed; the answers are printed once).
//   lede_language_bench --cld2 [--repeat K]
//                                  the same with CLD2 alone (libcld2, as the
//                                  engine calls it, no script analysis): the
//                                  speed lede's is measured against.
//   lede_language_bench --claims   the languages lede claims, TAB scripts.
//   lede_language_bench --decode FILE...
//                                  decodes each file as the engine does (no
//                                  content type): file TAB charset TAB source
//                                  TAB number of U+FFFD in the UTF-8; the
//                                  UTF-8 itself goes to FILE.lede.
// CLD2's header uses FILE without including <cstdio>.
#include <cstdio>
// clang-format off
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
// clang-format on

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "server/engine/decode.h"
#include "server/engine/engine.h"
#include "server/engine/language.h"

namespace {

int Decode(int argc, char** argv) {
  for (int i = 0; i < argc; ++i) {
    std::ifstream file(argv[i], std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    lede::engine::DecodedText decoded =
        lede::engine::DecodeToUtf8(bytes.str(), "");
    size_t replacements = 0;
    for (size_t at = decoded.utf8.find("\xEF\xBF\xBD"); at != std::string::npos;
         at = decoded.utf8.find("\xEF\xBF\xBD", at + 3)) {
      ++replacements;
    }
    std::ofstream(std::string(argv[i]) + ".lede", std::ios::binary)
        << decoded.utf8;
    std::printf("%s\t%s\t%s\t%zu\n", argv[i], decoded.charset.c_str(),
                decoded.charset_source.c_str(), replacements);
  }
  return 0;
}

// CLD2 alone, called as the engine calls it: plain text, best effort, the
// top three languages with their percentages.
std::string Cld2Language(const std::string& text) {
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                          CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language languages[3];
  int percents[3];
  double scores[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language best = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true,
      &hints, CLD2::kCLDFlagBestEffort, languages, percents, scores,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  return CLD2::LanguageCode(best);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--decode") {
    return Decode(argc - 2, argv + 2);
  }
  int repeat = 1;
  bool cld2 = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--cld2") {
      cld2 = true;
      continue;
    }
    if (arg == "--claims") {
      for (const auto& claim : lede::engine::SupportedLanguages()) {
        std::printf("%s\t%s\n", claim.language.c_str(), claim.scripts.c_str());
      }
      return 0;
    }
    if (arg == "--repeat" && i + 1 < argc &&
        absl::SimpleAtoi(argv[++i], &repeat) && repeat > 0) {
      continue;
    }
    std::fprintf(stderr,
                 "usage: lede_language_bench [--cld2] [--repeat K] | "
                 "--claims | --decode FILE...\n");
    return 2;
  }
  std::string input((std::istreambuf_iterator<char>(std::cin)),
                    std::istreambuf_iterator<char>());
  std::vector<std::string> texts = absl::StrSplit(input, '\0');
  if (!texts.empty() && texts.back().empty()) texts.pop_back();

  lede::engine::Engine engine;
  std::vector<lede::v1::DetectLanguageRequest> requests(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) requests[i].set_text(texts[i]);
  std::vector<std::string> lines(texts.size());
  size_t bytes = 0;
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (size_t i = 0; i < requests.size(); ++i) {
      if (cld2) {
        std::string language = Cld2Language(texts[i]);
        bytes += texts[i].size();
        if (r == 0) lines[i] = language + "\t0\t";
        continue;
      }
      auto response = engine.DetectLanguage(requests[i]);
      bytes += texts[i].size();
      if (r > 0) continue;
      if (!response.ok()) {
        lines[i] = "und\t0\t";
        continue;
      }
      std::string line = response->language() + "\t" +
                         std::to_string(response->confidence()) + "\t";
      for (const auto& candidate : response->candidates()) {
        line += candidate.language() + ":" +
                std::to_string(candidate.confidence()) + " ";
      }
      lines[i] = std::move(line);
    }
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  for (const std::string& line : lines) std::printf("%s\n", line.c_str());
  std::printf("# bytes %zu seconds %.6f\n", bytes, seconds);
  return 0;
}
