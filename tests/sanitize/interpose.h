// TSan builds only: the definition an interposed function stands in front
// of (tests/sanitize/*_tsan_annotations.cc).
#ifndef LEDE_TESTS_SANITIZE_INTERPOSE_H_
#define LEDE_TESTS_SANITIZE_INTERPOSE_H_

#include <dlfcn.h>

#include <cstdlib>

namespace lede::sanitize {

// The next definition of the symbol named `name` (mangled, for C++) after
// the executable's own: the shared library's. Aborts when there is none.
template <typename Function>
Function Real(const char* name) {
  void* symbol = dlsym(RTLD_NEXT, name);
  if (symbol == nullptr) std::abort();
  return reinterpret_cast<Function>(symbol);
}

}  // namespace lede::sanitize

#endif  // LEDE_TESTS_SANITIZE_INTERPOSE_H_
