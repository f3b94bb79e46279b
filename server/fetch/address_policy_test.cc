// The SSRF rules on a table of addresses. Nothing here opens a socket.
#include "server/fetch/address_policy.h"

#include <netdb.h>

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::fetch {
namespace {

using ::testing::HasSubstr;

AddressPolicy Policy(const std::vector<std::string>& allow_cidrs = {},
                     const std::vector<int>& ports = {}) {
  absl::StatusOr<AddressPolicy> policy =
      AddressPolicy::Create(allow_cidrs, ports);
  EXPECT_TRUE(policy.ok()) << policy.status();
  return *std::move(policy);
}

struct Case {
  const char* address;
  // Empty: allowed. Otherwise a piece of the refusal message.
  const char* refused_as;
};

const Case kDefaultRules[] = {
    // Public addresses.
    {"93.184.216.34", ""},
    {"8.8.8.8", ""},
    {"1.1.1.1", ""},
    {"100.63.255.255", ""},  // just below CGNAT
    {"100.128.0.0", ""},     // just above CGNAT
    {"172.15.255.255", ""},  // just below 172.16/12
    {"172.32.0.0", ""},      // just above it
    {"192.0.1.1", ""},
    {"192.31.196.1", ""},  // AS112, globally reachable
    {"223.255.255.255", ""},
    {"2606:2800:220:1:248:1893:25c8:1946", ""},
    {"2a00:1450:4001:81b::200e", ""},
    {"::ffff:93.184.216.34", ""},  // IPv4-mapped public
    {"64:ff9b::5db8:d822", ""},    // NAT64 of 93.184.216.34
    {"2002:5db8:d822::1", ""},     // 6to4 of 93.184.216.34
    // IPv4 that is not public.
    {"0.0.0.0", "0.0.0.0/8, unspecified"},
    {"0.1.2.3", "0.0.0.0/8"},
    {"10.0.0.1", "10.0.0.0/8, private"},
    {"10.255.255.255", "10.0.0.0/8"},
    {"100.64.0.1", "100.64.0.0/10, carrier-grade NAT"},
    {"100.127.255.255", "100.64.0.0/10"},
    {"127.0.0.1", "127.0.0.0/8, loopback"},
    {"127.0.0.2", "127.0.0.0/8, loopback"},
    {"127.255.255.254", "127.0.0.0/8"},
    {"169.254.169.254", "169.254.0.0/16, link-local (cloud metadata"},
    {"169.254.0.1", "169.254.0.0/16"},
    {"172.16.0.1", "172.16.0.0/12, private"},
    {"172.31.255.255", "172.16.0.0/12"},
    {"192.0.0.170", "192.0.0.0/24"},  // NAT64 discovery
    {"192.0.2.1", "192.0.2.0/24, reserved for documentation"},
    {"192.88.99.1", "192.88.99.0/24"},
    {"192.168.1.1", "192.168.0.0/16, private"},
    {"198.18.0.1", "198.18.0.0/15, reserved for benchmarking"},
    {"198.19.255.255", "198.18.0.0/15"},
    {"198.51.100.7", "198.51.100.0/24"},
    {"203.0.113.9", "203.0.113.0/24"},
    {"224.0.0.1", "224.0.0.0/4, multicast"},
    {"239.255.255.250", "224.0.0.0/4, multicast"},
    {"240.0.0.1", "240.0.0.0/4, reserved"},
    {"255.255.255.255", "240.0.0.0/4, reserved (and broadcast)"},
    // IPv6 that is not public.
    {"::", "::/128, unspecified"},
    {"::1", "::1/128, loopback"},
    {"fc00::1", "fc00::/7, unique local"},
    {"fd12:3456:789a::1", "fc00::/7, unique local"},
    {"fe80::1", "fe80::/10, link-local"},
    {"febf:ffff::1", "fe80::/10, link-local"},
    {"fec0::1", "fec0::/10, site-local"},
    {"ff02::1", "ff00::/8, multicast"},
    {"100::1", "100::/64, discard-only"},
    {"2001:db8::1", "2001:db8::/32, reserved for documentation"},
    {"2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::/23"},  // Teredo
    {"3fff::1", "3fff::/20"},
    {"64:ff9b:1::a00:1", "64:ff9b:1::/48, local-use NAT64"},
    {"::127.0.0.1", "not global unicast"},      // IPv4-compatible, deprecated
    {"::ffff:0:7f00:1", "not global unicast"},  // IPv4-translated
    {"4000::1", "not global unicast"},
    {"e000::1", "not global unicast"},
    // IPv4 inside IPv6: judged by the IPv4 address carried.
    {"::ffff:127.0.0.1",
     "IPv4-mapped form of 127.0.0.1, which is in "
     "127.0.0.0/8, loopback"},
    {"::ffff:7f00:1", "IPv4-mapped form of 127.0.0.1"},
    {"::ffff:169.254.169.254", "IPv4-mapped form of 169.254.169.254"},
    {"::ffff:10.1.2.3", "IPv4-mapped form of 10.1.2.3, which is in 10.0.0.0/8"},
    {"::ffff:0.0.0.0", "IPv4-mapped form of 0.0.0.0"},
    {"64:ff9b::7f00:1", "NAT64 form of 127.0.0.1"},
    {"64:ff9b::a9fe:a9fe", "NAT64 form of 169.254.169.254"},
    {"64:ff9b::c0a8:101", "NAT64 form of 192.168.1.1"},
    {"2002:7f00:1::", "6to4 form of 127.0.0.1"},
    {"2002:a9fe:a9fe::1", "6to4 form of 169.254.169.254"},
    {"2002:ac10:1::1", "6to4 form of 172.16.0.1"},
};

TEST(AddressPolicyTest, DefaultRulesOnATableOfAddresses) {
  AddressPolicy policy = Policy();
  for (const Case& test : kDefaultRules) {
    absl::Status status = policy.CheckAddress(test.address);
    if (*test.refused_as == '\0') {
      EXPECT_TRUE(status.ok()) << test.address << ": " << status;
    } else {
      EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied)
          << test.address;
      EXPECT_THAT(status.message(), HasSubstr(test.refused_as)) << test.address;
    }
  }
}

TEST(AddressPolicyTest, RefusalNamesTheAddressAndTheFlagThatAllowsIt) {
  AddressPolicy policy = Policy();
  absl::Status status = policy.CheckAddress("169.254.169.254");
  EXPECT_THAT(status.message(), HasSubstr("refused to connect to "
                                          "169.254.169.254"));
  EXPECT_THAT(status.message(),
              HasSubstr("--fetch_allow_cidrs=169.254.169.254/32"));
  EXPECT_THAT(policy.CheckAddress("fd00::5").message(),
              HasSubstr("--fetch_allow_cidrs=fd00::5/128"));
  // For a form that carries IPv4, allowing the IPv4 address is what helps.
  EXPECT_THAT(policy.CheckAddress("::ffff:10.0.0.1").message(),
              HasSubstr("--fetch_allow_cidrs=10.0.0.1/32"));
}

TEST(AddressPolicyTest, AllowedRangesOpenOnlyThemselves) {
  AddressPolicy policy = Policy({"127.0.0.2/32", "10.1.0.0/16", "fd00::/8"});
  EXPECT_TRUE(policy.CheckAddress("127.0.0.2").ok());
  EXPECT_TRUE(policy.CheckAddress("::ffff:127.0.0.2").ok());
  EXPECT_TRUE(policy.CheckAddress("64:ff9b::7f00:2").ok());
  EXPECT_TRUE(policy.CheckAddress("10.1.200.3").ok());
  EXPECT_TRUE(policy.CheckAddress("fd00::1").ok());
  EXPECT_EQ(policy.CheckAddress("127.0.0.1").code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(policy.CheckAddress("::ffff:127.0.0.1").code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(policy.CheckAddress("10.2.0.1").code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(policy.CheckAddress("fc00::1").code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(policy.CheckAddress("::1").code(),
            absl::StatusCode::kPermissionDenied);
}

TEST(AddressPolicyTest, ABareAddressIsARangeOfOne) {
  AddressPolicy policy = Policy({"192.168.7.7", "fe80::7"});
  EXPECT_TRUE(policy.CheckAddress("192.168.7.7").ok());
  EXPECT_FALSE(policy.CheckAddress("192.168.7.8").ok());
  EXPECT_TRUE(policy.CheckAddress("fe80::7").ok());
  EXPECT_FALSE(policy.CheckAddress("fe80::8").ok());
}

TEST(AddressPolicyTest, HostBitsInARangeAreIgnored) {
  AddressPolicy policy = Policy({"10.9.8.7/8"});
  EXPECT_TRUE(policy.CheckAddress("10.200.0.1").ok());
}

TEST(AddressPolicyTest, BadRangesAndPortsAreInvalidArguments) {
  for (const char* bad : {"10.0.0.0/33", "localhost", "10.0.0", "fd00::/129",
                          "", "10.0.0.0/8/8"}) {
    absl::StatusOr<AddressPolicy> policy =
        AddressPolicy::Create({std::string(bad)}, {});
    EXPECT_EQ(policy.status().code(), absl::StatusCode::kInvalidArgument)
        << bad;
    EXPECT_THAT(policy.status().message(), HasSubstr("--fetch_allow_cidrs"));
  }
  for (int port : {0, -1, 65536}) {
    absl::StatusOr<AddressPolicy> policy = AddressPolicy::Create({}, {port});
    EXPECT_EQ(policy.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(policy.status().message(), HasSubstr("--fetch_allow_ports"));
  }
  EXPECT_EQ(Policy().CheckAddress("example.com").code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(AddressPolicyTest, PortsAre80And443UnlessTheFlagSaysOtherwise) {
  AddressPolicy policy = Policy();
  EXPECT_TRUE(policy.CheckPort(80).ok());
  EXPECT_TRUE(policy.CheckPort(443).ok());
  absl::Status refused = policy.CheckPort(8080);
  EXPECT_EQ(refused.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(refused.message(), HasSubstr("ports 80, 443"));
  EXPECT_THAT(refused.message(), HasSubstr("--fetch_allow_ports=80,443,8080"));

  AddressPolicy only = Policy({}, {8080});
  EXPECT_TRUE(only.CheckPort(8080).ok());
  EXPECT_FALSE(only.CheckPort(80).ok());
  EXPECT_FALSE(only.CheckPort(443).ok());
}

// Judges the socket address of a numeric host and port, made as the
// resolver makes it (numeric only: nothing is looked up).
absl::Status CheckSocket(const AddressPolicy& policy, const char* host,
                         int port) {
  addrinfo hints{};
  hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  EXPECT_EQ(getaddrinfo(host, std::to_string(port).c_str(), &hints, &found), 0)
      << host;
  absl::Status status =
      policy.CheckSocketAddress(found->ai_addr, found->ai_addrlen);
  freeaddrinfo(found);
  return status;
}

TEST(AddressPolicyTest, SocketAddressesAreJudgedOnAddressAndPort) {
  AddressPolicy policy = Policy({"127.0.0.2/32"}, {8080});
  EXPECT_TRUE(CheckSocket(policy, "127.0.0.2", 8080).ok());
  absl::Status wrong_port = CheckSocket(policy, "127.0.0.2", 80);
  EXPECT_EQ(wrong_port.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(wrong_port.message(), HasSubstr("port 80"));
  EXPECT_THAT(wrong_port.message(), HasSubstr("127.0.0.2"));
  EXPECT_THAT(CheckSocket(policy, "127.0.0.1", 8080).message(),
              HasSubstr("refused to connect to 127.0.0.1"));
  EXPECT_TRUE(CheckSocket(policy, "::ffff:127.0.0.2", 8080).ok());
  EXPECT_EQ(CheckSocket(policy, "::1", 8080).code(),
            absl::StatusCode::kPermissionDenied);
  sockaddr unix_socket{};
  unix_socket.sa_family = AF_UNIX;
  EXPECT_EQ(policy.CheckSocketAddress(&unix_socket, sizeof(unix_socket)).code(),
            absl::StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace lede::fetch
