#include "server/fetch/address_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/fetch/address_rules.h"

namespace lede::fetch {
namespace {

using boost::asio::ip::address;
using boost::asio::ip::address_v4;
using boost::asio::ip::address_v6;
using boost::asio::ip::network_v4;
using boost::asio::ip::network_v6;

bool Contains(const network_v4& range, const address_v4& candidate) {
  return network_v4(candidate, range.prefix_length()).network() ==
         range.network();
}

bool Contains(const network_v6& range, const address_v6& candidate) {
  return network_v6(candidate, range.prefix_length()).network() ==
         range.network();
}

// "10.0.0.0/8", "fd00::/8", or a bare address: a range of one.
template <typename Network, typename Address>
std::optional<Network> ParseRange(
    absl::string_view text,
    Address (*parse_address)(const std::string&, boost::system::error_code&),
    Network (*parse_network)(const std::string&, boost::system::error_code&),
    unsigned short bits) {
  boost::system::error_code error;
  if (text.find('/') == absl::string_view::npos) {
    Address single = parse_address(std::string(text), error);
    if (error) return std::nullopt;
    return Network(single, bits);
  }
  Network range = parse_network(std::string(text), error);
  if (error) return std::nullopt;
  return range.canonical();
}

std::optional<network_v4> ParseRangeV4(absl::string_view text) {
  return ParseRange<network_v4, address_v4>(
      text, &boost::asio::ip::make_address_v4,
      &boost::asio::ip::make_network_v4, 32);
}

std::optional<network_v6> ParseRangeV6(absl::string_view text) {
  return ParseRange<network_v6, address_v6>(
      text, &boost::asio::ip::make_address_v6,
      &boost::asio::ip::make_network_v6, 128);
}

struct RuleV4 {
  network_v4 range;
  const RefusedRange* rule;
};
struct RuleV6 {
  network_v6 range;
  const RefusedRange* rule;
};
struct Embedding {
  network_v6 range;
  const EmbeddingRange* rule;
};

// The tables of address_rules.h, parsed once.
struct Rules {
  std::vector<RuleV4> v4;
  std::vector<RuleV6> v6;
  std::vector<Embedding> embedding;
  network_v6 global_unicast;
};

const Rules& TheRules() {
  static const Rules* const rules = [] {
    auto* built = new Rules;
    for (const RefusedRange& rule : kRefusedIpv4) {
      built->v4.push_back({*ParseRangeV4(rule.cidr), &rule});
    }
    for (const RefusedRange& rule : kRefusedIpv6) {
      built->v6.push_back({*ParseRangeV6(rule.cidr), &rule});
    }
    for (const EmbeddingRange& rule : kEmbeddingIpv6) {
      built->embedding.push_back({*ParseRangeV6(rule.cidr), &rule});
    }
    built->global_unicast = *ParseRangeV6(kGlobalUnicastIpv6);
    return built;
  }();
  return *rules;
}

absl::Status Refused(const address& refused, absl::string_view why,
                     const address& to_allow) {
  return absl::PermissionDeniedError(absl::StrCat(
      "refused to connect to ", refused.to_string(), ": ", why,
      "; lede fetches only from public addresses (--fetch_allow_cidrs=",
      to_allow.to_string(), to_allow.is_v4() ? "/32" : "/128",
      " would allow this one)"));
}

absl::Status RefusedByRule(const address& refused, const RefusedRange& rule) {
  return Refused(refused, absl::StrCat("it is in ", rule.cidr, ", ", rule.kind),
                 refused);
}

address_v4 EmbeddedV4(const address_v6& carrier, int offset) {
  address_v6::bytes_type bytes = carrier.to_bytes();
  address_v4::bytes_type v4;
  std::memcpy(v4.data(), bytes.data() + offset, v4.size());
  return address_v4(v4);
}

}  // namespace

absl::StatusOr<AddressPolicy> AddressPolicy::Create(
    absl::Span<const std::string> allow_cidrs,
    absl::Span<const int> allowed_ports) {
  AddressPolicy policy;
  for (const std::string& cidr : allow_cidrs) {
    if (std::optional<network_v4> v4 = ParseRangeV4(cidr)) {
      policy.allowed_v4_.push_back(*v4);
    } else if (std::optional<network_v6> v6 = ParseRangeV6(cidr)) {
      policy.allowed_v6_.push_back(*v6);
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("--fetch_allow_cidrs: '", cidr,
                       "' is not an IP range such as 10.0.0.0/8 or fd00::/8"));
    }
  }
  for (int port : allowed_ports) {
    if (port < 1 || port > 65535) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--fetch_allow_ports: ", port, " is not a TCP port (1-65535)"));
    }
    policy.allowed_ports_.push_back(port);
  }
  if (policy.allowed_ports_.empty()) {
    policy.allowed_ports_.assign(std::begin(kDefaultAllowedPorts),
                                 std::end(kDefaultAllowedPorts));
  }
  std::sort(policy.allowed_ports_.begin(), policy.allowed_ports_.end());
  policy.allowed_ports_.erase(
      std::unique(policy.allowed_ports_.begin(), policy.allowed_ports_.end()),
      policy.allowed_ports_.end());
  return policy;
}

bool AddressPolicy::Allowed(const address& candidate) const {
  if (candidate.is_v4()) {
    return std::any_of(allowed_v4_.begin(), allowed_v4_.end(),
                       [&](const network_v4& range) {
                         return Contains(range, candidate.to_v4());
                       });
  }
  return std::any_of(allowed_v6_.begin(), allowed_v6_.end(),
                     [&](const network_v6& range) {
                       return Contains(range, candidate.to_v6());
                     });
}

absl::Status AddressPolicy::Check(const address& candidate) const {
  if (Allowed(candidate)) return absl::OkStatus();
  const Rules& rules = TheRules();
  if (candidate.is_v4()) {
    for (const RuleV4& rule : rules.v4) {
      if (Contains(rule.range, candidate.to_v4())) {
        return RefusedByRule(candidate, *rule.rule);
      }
    }
    return absl::OkStatus();
  }
  address_v6 v6 = candidate.to_v6();
  v6.scope_id(0);
  for (const Embedding& embedding : rules.embedding) {
    if (!Contains(embedding.range, v6)) continue;
    const address_v4 carried = EmbeddedV4(v6, embedding.rule->ipv4_offset);
    if (Allowed(carried)) return absl::OkStatus();
    for (const RuleV4& rule : rules.v4) {
      if (Contains(rule.range, carried)) {
        return Refused(
            candidate,
            absl::StrCat("it is the ", embedding.rule->form, " form of ",
                         carried.to_string(), ", which is in ", rule.rule->cidr,
                         ", ", rule.rule->kind),
            carried);
      }
    }
    return absl::OkStatus();
  }
  for (const RuleV6& rule : rules.v6) {
    if (Contains(rule.range, v6)) return RefusedByRule(candidate, *rule.rule);
  }
  if (!Contains(rules.global_unicast, v6)) {
    return Refused(candidate, absl::StrCat("it is ", kNotGlobalUnicastIpv6),
                   candidate);
  }
  return absl::OkStatus();
}

absl::Status AddressPolicy::CheckAddress(absl::string_view text) const {
  boost::system::error_code error;
  address candidate = boost::asio::ip::make_address(std::string(text), error);
  if (error) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text, "' is not an IP address"));
  }
  return Check(candidate);
}

absl::Status AddressPolicy::CheckPort(int port) const {
  if (std::binary_search(allowed_ports_.begin(), allowed_ports_.end(), port)) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(absl::StrCat(
      "refused to connect to port ", port, ": lede fetches only from port",
      allowed_ports_.size() == 1 ? " " : "s ",
      absl::StrJoin(allowed_ports_, ", "), " (--fetch_allow_ports=",
      absl::StrJoin(allowed_ports_, ","), ",", port, " would allow this one)"));
}

absl::Status AddressPolicy::CheckSocketAddress(const sockaddr* socket_address,
                                               socklen_t length) const {
  address candidate;
  int port = 0;
  if (socket_address->sa_family == AF_INET && length >= sizeof(sockaddr_in)) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(socket_address);
    candidate = address_v4(ntohl(v4->sin_addr.s_addr));
    port = ntohs(v4->sin_port);
  } else if (socket_address->sa_family == AF_INET6 &&
             length >= sizeof(sockaddr_in6)) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(socket_address);
    address_v6::bytes_type bytes;
    std::memcpy(bytes.data(), v6->sin6_addr.s6_addr, bytes.size());
    candidate = address_v6(bytes);
    port = ntohs(v6->sin6_port);
  } else {
    return absl::PermissionDeniedError(absl::StrCat(
        "refused to connect over address family ", socket_address->sa_family,
        ": lede fetches over IPv4 and IPv6 only"));
  }
  if (absl::Status checked = Check(candidate); !checked.ok()) return checked;
  if (absl::Status checked = CheckPort(port); !checked.ok()) {
    return absl::PermissionDeniedError(absl::StrCat(
        checked.message(), " (the address was ", candidate.to_string(), ")"));
  }
  return absl::OkStatus();
}

}  // namespace lede::fetch
