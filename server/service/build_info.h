// Which build this server is: its version and commit, for lede_build_info
// and the playground's footer.
#ifndef LEDE_SERVER_SERVICE_BUILD_INFO_H_
#define LEDE_SERVER_SERVICE_BUILD_INFO_H_

#include "server/service/metrics.h"

namespace lede::service {

// The version (CMake's PROJECT_VERSION) and the git commit the binary was
// built from ("unknown" when neither git nor -DLEDE_COMMIT told).
BuildInfo CurrentBuild();

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_BUILD_INFO_H_
