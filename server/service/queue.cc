#include "server/service/queue.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"

namespace lede::service {

absl::Status QueueFullError(int max_waiting) {
  return absl::ResourceExhaustedError(absl::StrCat(
      "the server is busy: ", max_waiting,
      " requests are already waiting for a worker (--max_queue); retry on "
      "another replica or later"));
}

WorkQueue::WorkQueue(int threads, int max_waiting)
    : max_waiting_(std::max(1, max_waiting)) {
  for (int i = 0; i < std::max(1, threads); ++i) {
    workers_.emplace_back([this] { Work(); });
  }
}

WorkQueue::~WorkQueue() {
  {
    absl::MutexLock lock(&mutex_);
    stopping_ = true;
  }
  for (std::thread& worker : workers_) worker.join();
}

absl::Status WorkQueue::TrySubmit(std::function<void()> task) {
  absl::MutexLock lock(&mutex_);
  if (static_cast<int>(tasks_.size()) >= max_waiting_) {
    ++refused_;
    return QueueFullError(max_waiting_);
  }
  tasks_.push_back(std::move(task));
  return absl::OkStatus();
}

void WorkQueue::Work() {
  while (true) {
    std::function<void()> task;
    {
      absl::MutexLock lock(&mutex_);
      mutex_.Await(absl::Condition(
          +[](WorkQueue* queue) ABSL_EXCLUSIVE_LOCKS_REQUIRED(queue->mutex_) {
            return queue->stopping_ || !queue->tasks_.empty();
          },
          this));
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
      ++running_;
    }
    task();
    task = nullptr;  // what it holds goes before the queue can say idle
    absl::MutexLock lock(&mutex_);
    --running_;
  }
}

bool WorkQueue::WaitUntilIdle(absl::Time deadline) {
  absl::MutexLock lock(&mutex_);
  return mutex_.AwaitWithDeadline(
      absl::Condition(
          +[](WorkQueue* queue) ABSL_EXCLUSIVE_LOCKS_REQUIRED(queue->mutex_) {
            return queue->tasks_.empty() && queue->running_ == 0;
          },
          this),
      deadline);
}

QueueStats WorkQueue::Stats() {
  absl::MutexLock lock(&mutex_);
  return {static_cast<int>(tasks_.size()), running_, refused_};
}

}  // namespace lede::service
