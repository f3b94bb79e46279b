// The bounded work queue both doors (gRPC, HTTP) share: a fixed set of
// worker threads runs the engine, and at most `max_waiting` tasks wait for
// one. Past that a task is refused at once instead of queued, so a burst
// costs the callers a fast RESOURCE_EXHAUSTED (and a retry elsewhere), not
// memory and deadlines spent waiting.
#ifndef LEDE_SERVER_SERVICE_QUEUE_H_
#define LEDE_SERVER_SERVICE_QUEUE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace lede::service {

// What the queue holds at one moment, and what it has refused so far.
struct QueueStats {
  int waiting = 0;
  int running = 0;
  int64_t refused = 0;
};

class WorkQueue {
 public:
  // Starts `threads` workers (at least one); at most `max_waiting` tasks
  // (at least one) wait for a free worker.
  WorkQueue(int threads, int max_waiting);
  // Runs every accepted task, then joins the workers.
  ~WorkQueue();
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  // Accepts `task` to run on a worker, or refuses it at once with
  // RESOURCE_EXHAUSTED (the message names --max_queue) when `max_waiting`
  // tasks are already waiting. A refused task is dropped unrun: the caller
  // answers its own request with the status. Thread-safe; never blocks on
  // a worker.
  absl::Status TrySubmit(std::function<void()> task);

  // Blocks until no task is waiting or running, or until `deadline`.
  // Returns whether the queue is idle.
  bool WaitUntilIdle(absl::Time deadline);

  QueueStats Stats();
  int threads() const { return static_cast<int>(workers_.size()); }
  int max_waiting() const { return max_waiting_; }

 private:
  void Work();

  const int max_waiting_;
  absl::Mutex mutex_;
  std::deque<std::function<void()>> tasks_ ABSL_GUARDED_BY(mutex_);
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  int running_ ABSL_GUARDED_BY(mutex_) = 0;
  int64_t refused_ ABSL_GUARDED_BY(mutex_) = 0;
  std::vector<std::thread> workers_;
};

// The status a request gets when the queue refuses it: RESOURCE_EXHAUSTED,
// saying the server is busy and naming --max_queue.
absl::Status QueueFullError(int max_waiting);

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_QUEUE_H_
