#include "server/service/dispatcher.h"

#include <atomic>
#include <string>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace lede::service {
namespace {

constexpr char kPage[] =
    "<html><head><title>A page</title></head><body><article><p>Some text "
    "of an article, long enough to be read as its body.</p></article>"
    "</body></html>";

// One worker, a dispatcher whose heap trims are counted, and `documents`
// requests of kPage.
class TrimTest : public ::testing::Test {
 protected:
  void Start(int64_t trim_after_bytes) {
    ServiceOptions options;
    options.malloc_trim_after_bytes = trim_after_bytes;
    options.trim_heaps = [this] { ++trims_; };
    dispatcher_ =
        std::make_unique<Dispatcher>(options, &queue_, nullptr, &metrics_);
  }

  // Holds the one worker until the returned notification is notified.
  std::unique_ptr<absl::Notification> HoldWorker() {
    auto release = std::make_unique<absl::Notification>();
    absl::Notification started;
    EXPECT_TRUE(queue_
                    .TrySubmit([&started, release = release.get()] {
                      started.Notify();
                      release->WaitForNotification();
                    })
                    .ok());
    started.WaitForNotification();
    return release;
  }

  // Queues `count` parses of kPage; each answer counts in `answered_`.
  void QueueParses(int count) {
    for (int i = 0; i < count; ++i) {
      auto request = std::make_unique<v1::ParseRequest>();
      request->set_content(kPage);
      dispatcher_->Parse(Method::kParse, Transport::kGrpc, request.get(),
                         absl::InfiniteFuture(),
                         [this](absl::StatusOr<v1::ParseResponse> result) {
                           EXPECT_TRUE(result.ok()) << result.status();
                           ++answered_;
                         });
      requests_.push_back(std::move(request));
    }
  }

  void WaitUntilIdle() {
    ASSERT_TRUE(queue_.WaitUntilIdle(absl::Now() + absl::Seconds(30)));
  }

  Metrics metrics_{{"1.0", "test"}};
  WorkQueue queue_{1, 16};
  std::unique_ptr<Dispatcher> dispatcher_;
  std::vector<std::unique_ptr<v1::ParseRequest>> requests_;
  std::atomic<int> trims_{0};
  std::atomic<int> answered_{0};
};

TEST_F(TrimTest, TrimsOnceTheQueueIsEmptyNotAfterEveryDocument) {
  Start(0);
  std::unique_ptr<absl::Notification> release = HoldWorker();
  QueueParses(5);
  release->Notify();
  WaitUntilIdle();
  EXPECT_EQ(answered_, 5);
  EXPECT_EQ(trims_, 1);

  // Alone in the queue, a document is followed by a trim.
  QueueParses(1);
  WaitUntilIdle();
  EXPECT_EQ(trims_, 2);
}

TEST_F(TrimTest, OnlyDocumentsOfTheSizeGiven) {
  Start(sizeof(kPage));  // one byte more than the page
  QueueParses(3);
  WaitUntilIdle();
  EXPECT_EQ(answered_, 3);
  EXPECT_EQ(trims_, 0);
}

TEST_F(TrimTest, NegativeNeverTrims) {
  Start(-1);
  QueueParses(3);
  WaitUntilIdle();
  EXPECT_EQ(answered_, 3);
  EXPECT_EQ(trims_, 0);
}

TEST_F(TrimTest, ALargeDocumentIsTrimmedAfterTheSmallOnesBehindIt) {
  Start(sizeof(kPage) - 1);  // the page's size
  std::unique_ptr<absl::Notification> release = HoldWorker();
  QueueParses(1);
  auto small = std::make_unique<v1::ParseRequest>();
  small->set_content("<p>short</p>");
  dispatcher_->Parse(
      Method::kParse, Transport::kGrpc, small.get(), absl::InfiniteFuture(),
      [this](absl::StatusOr<v1::ParseResponse>) { ++answered_; });
  release->Notify();
  WaitUntilIdle();
  EXPECT_EQ(answered_, 2);
  EXPECT_EQ(trims_, 1);
}

}  // namespace
}  // namespace lede::service
