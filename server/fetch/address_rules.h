// Data: the addresses lede never fetches from unless --fetch_allow_cidrs
// opens them, and the IPv6 forms that carry an IPv4 address inside. The
// algorithm that reads these tables is address_policy.cc.
//
// Sources: IANA's IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890
// and its updates). Ranges that are globally reachable there (AS112, AMT,
// ...) are not refused.
#ifndef LEDE_SERVER_FETCH_ADDRESS_RULES_H_
#define LEDE_SERVER_FETCH_ADDRESS_RULES_H_

#include "absl/strings/string_view.h"

namespace lede::fetch {

struct RefusedRange {
  absl::string_view cidr;
  // What the range is, for the refusal message.
  absl::string_view kind;
};

inline constexpr RefusedRange kRefusedIpv4[] = {
    {"0.0.0.0/8", "unspecified ('this network')"},
    {"10.0.0.0/8", "private (RFC 1918)"},
    {"100.64.0.0/10", "carrier-grade NAT (RFC 6598)"},
    {"127.0.0.0/8", "loopback"},
    {"169.254.0.0/16", "link-local (cloud metadata lives here)"},
    {"172.16.0.0/12", "private (RFC 1918)"},
    {"192.0.0.0/24", "reserved for IETF protocols"},
    {"192.0.2.0/24", "reserved for documentation"},
    {"192.88.99.0/24", "reserved (former 6to4 relay anycast)"},
    {"192.168.0.0/16", "private (RFC 1918)"},
    {"198.18.0.0/15", "reserved for benchmarking"},
    {"198.51.100.0/24", "reserved for documentation"},
    {"203.0.113.0/24", "reserved for documentation"},
    {"224.0.0.0/4", "multicast"},
    {"240.0.0.0/4", "reserved (and broadcast)"},
};

// Only global unicast (2000::/3) is fetched from; these name the common
// ranges outside it, and refuse the special ranges inside it.
inline constexpr absl::string_view kGlobalUnicastIpv6 = "2000::/3";
inline constexpr RefusedRange kRefusedIpv6[] = {
    {"::/128", "unspecified"},
    {"::1/128", "loopback"},
    {"64:ff9b:1::/48", "local-use NAT64 (RFC 8215)"},
    {"100::/64", "discard-only"},
    {"2001::/23", "reserved for IETF protocols (Teredo included)"},
    {"2001:db8::/32", "reserved for documentation"},
    {"3fff::/20", "reserved for documentation"},
    {"fc00::/7", "unique local (ULA)"},
    {"fe80::/10", "link-local"},
    {"fec0::/10", "site-local (deprecated)"},
    {"ff00::/8", "multicast"},
};
inline constexpr absl::string_view kNotGlobalUnicastIpv6 =
    "not global unicast (outside 2000::/3)";

// IPv6 addresses that reach an IPv4 address: they are judged by the IPv4
// address they carry, so ::ffff:127.0.0.1 is as loopback as 127.0.0.1.
struct EmbeddingRange {
  absl::string_view cidr;
  absl::string_view form;
  // Where the IPv4 address's four bytes start in the IPv6 address.
  int ipv4_offset;
};

inline constexpr EmbeddingRange kEmbeddingIpv6[] = {
    {"::ffff:0:0/96", "IPv4-mapped", 12},
    {"64:ff9b::/96", "NAT64", 12},
    {"2002::/16", "6to4", 2},
};

// Ports fetched from when --fetch_allow_ports is not given.
inline constexpr int kDefaultAllowedPorts[] = {80, 443};

}  // namespace lede::fetch

#endif  // LEDE_SERVER_FETCH_ADDRESS_RULES_H_
