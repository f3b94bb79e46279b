#include "server/service/queue.h"

#include <atomic>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::service {
namespace {

using ::testing::HasSubstr;

TEST(WorkQueueTest, RunsEveryAcceptedTask) {
  std::atomic<int> ran{0};
  {
    WorkQueue queue(2, 100);
    for (int i = 0; i < 50; ++i) {
      ASSERT_TRUE(queue.TrySubmit([&] { ++ran; }).ok());
    }
    EXPECT_TRUE(queue.WaitUntilIdle(absl::Now() + absl::Seconds(30)));
  }
  EXPECT_EQ(ran, 50);
}

TEST(WorkQueueTest, RefusesAtOncePastMaxWaiting) {
  WorkQueue queue(1, 2);
  absl::Notification started, release;
  std::atomic<int> ran{0};
  ASSERT_TRUE(queue
                  .TrySubmit([&] {
                    started.Notify();
                    release.WaitForNotification();
                    ++ran;
                  })
                  .ok());
  started.WaitForNotification();  // the one worker is busy
  EXPECT_TRUE(queue.TrySubmit([&] { ++ran; }).ok());
  EXPECT_TRUE(queue.TrySubmit([&] { ++ran; }).ok());
  absl::Status refused = queue.TrySubmit([&] { ran += 100; });
  EXPECT_EQ(refused.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(refused.message(), HasSubstr("--max_queue"));
  QueueStats stats = queue.Stats();
  EXPECT_EQ(stats.waiting, 2);
  EXPECT_EQ(stats.running, 1);
  EXPECT_EQ(stats.refused, 1);

  release.Notify();
  EXPECT_TRUE(queue.WaitUntilIdle(absl::Now() + absl::Seconds(30)));
  EXPECT_EQ(ran, 3);  // the refused task never ran
  // Room again once the waiting tasks have run.
  EXPECT_TRUE(queue.TrySubmit([&] { ++ran; }).ok());
}

TEST(WorkQueueTest, WaitUntilIdleGivesUpAtTheDeadline) {
  WorkQueue queue(1, 1);
  absl::Notification release;
  ASSERT_TRUE(queue.TrySubmit([&] { release.WaitForNotification(); }).ok());
  EXPECT_FALSE(queue.WaitUntilIdle(absl::Now() + absl::Milliseconds(50)));
  release.Notify();
  EXPECT_TRUE(queue.WaitUntilIdle(absl::Now() + absl::Seconds(30)));
}

}  // namespace
}  // namespace lede::service
