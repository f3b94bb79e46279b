// A fixed pool of worker threads for the engine's CPU work, so gRPC's own
// callback threads never block on a parse.
#ifndef LEDE_SERVER_SERVICE_THREAD_POOL_H_
#define LEDE_SERVER_SERVICE_THREAD_POOL_H_

#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace lede::service {

class ThreadPool {
 public:
  // Starts `threads` workers (at least one).
  explicit ThreadPool(int threads);
  // Runs every queued task, then joins the workers.
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Queues `task` to run on a worker.
  void Schedule(std::function<void()> task);

  // Blocks until no task is queued or running, or until `deadline`. Returns
  // whether the pool is idle.
  bool WaitUntilIdle(absl::Time deadline);

 private:
  void Work();

  absl::Mutex mutex_;
  std::deque<std::function<void()>> tasks_ ABSL_GUARDED_BY(mutex_);
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  int running_ ABSL_GUARDED_BY(mutex_) = 0;
  std::vector<std::thread> workers_;
};

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_THREAD_POOL_H_
