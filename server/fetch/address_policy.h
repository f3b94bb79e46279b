// Which addresses and ports lede may connect to when it fetches a page: the
// SSRF rules. Decided on the address a socket is about to connect to (after
// DNS, on every redirect hop), never on a host name.
#ifndef LEDE_SERVER_FETCH_ADDRESS_POLICY_H_
#define LEDE_SERVER_FETCH_ADDRESS_POLICY_H_

#include <sys/socket.h>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace lede::fetch {

class AddressPolicy {
 public:
  // `allow_cidrs` opens ranges the rules refuse (e.g. "10.0.0.0/8",
  // "fd00::/8", or "127.0.0.2" for one address); `allowed_ports` are the
  // only ports connected to (empty: 80 and 443). INVALID_ARGUMENT names a
  // range or port that does not parse.
  static absl::StatusOr<AddressPolicy> Create(
      absl::Span<const std::string> allow_cidrs,
      absl::Span<const int> allowed_ports);

  // OK when lede may connect to `address`, written as text ("10.0.0.1",
  // "::ffff:10.0.0.1"). PERMISSION_DENIED says what the address is and
  // which --fetch_allow_cidrs value would allow it; INVALID_ARGUMENT when
  // the text is not an IP address.
  absl::Status CheckAddress(absl::string_view address) const;

  // OK when `port` is allowed; PERMISSION_DENIED naming --fetch_allow_ports
  // otherwise.
  absl::Status CheckPort(int port) const;

  // Both checks, on the socket address a connection is about to open.
  // PERMISSION_DENIED for a family other than IPv4 and IPv6.
  absl::Status CheckSocketAddress(const sockaddr* address,
                                  socklen_t length) const;

  const std::vector<int>& allowed_ports() const { return allowed_ports_; }

 private:
  AddressPolicy() = default;
  absl::Status Check(const boost::asio::ip::address& address) const;
  bool Allowed(const boost::asio::ip::address& address) const;

  std::vector<boost::asio::ip::network_v4> allowed_v4_;
  std::vector<boost::asio::ip::network_v6> allowed_v6_;
  std::vector<int> allowed_ports_;
};

}  // namespace lede::fetch

#endif  // LEDE_SERVER_FETCH_ADDRESS_POLICY_H_
