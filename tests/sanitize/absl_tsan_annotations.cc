// ThreadSanitizer builds only (`make test-tsan`): Debian's Abseil is not
// instrumented, so TSan does not see absl::Mutex, absl::CondVar or
// absl::Notification order anything, and reports every access they guard
// as a race. This file interposes their exported entry points (the
// executable's definitions win over libabsl_synchronization.so's), calls
// the real ones through dlsym(RTLD_NEXT) and tells TSan of the
// happens-before edge each makes: a lock or a return from a wait (Mutex's
// or CondVar's) acquires the mutex, an unlock or the start of a wait
// releases it; Notify releases the notification, a wait that sees it
// acquires it. Mutual exclusion itself is not checked; ordering is, so a
// real race between two threads that share no mutex is still found.
#include <sanitizer/tsan_interface.h>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "tests/sanitize/interpose.h"

namespace {

using ::lede::sanitize::Real;

// A condition evaluated inside the library (by the waiter, or by the thread
// that unlocks) reads what the mutex guards: it acquires and releases the
// mutex around the caller's condition.
struct AnnotatedCondition {
  const absl::Condition* condition;
  void* mutex;
  static bool Eval(AnnotatedCondition* self) {
    __tsan_acquire(self->mutex);
    const bool met = self->condition->Eval();
    __tsan_release(self->mutex);
    return met;
  }
};

}  // namespace

namespace absl {
ABSL_NAMESPACE_BEGIN

void Mutex::Lock() {
  static auto real = Real<void (*)(Mutex*)>("_ZN4absl7debian35Mutex4LockEv");
  real(this);
  __tsan_acquire(this);
}

void Mutex::ReaderLock() {
  static auto real =
      Real<void (*)(Mutex*)>("_ZN4absl7debian35Mutex10ReaderLockEv");
  real(this);
  __tsan_acquire(this);
}

bool Mutex::TryLock() {
  static auto real = Real<bool (*)(Mutex*)>("_ZN4absl7debian35Mutex7TryLockEv");
  const bool locked = real(this);
  if (locked) __tsan_acquire(this);
  return locked;
}

void Mutex::Unlock() {
  static auto real = Real<void (*)(Mutex*)>("_ZN4absl7debian35Mutex6UnlockEv");
  __tsan_release(this);
  real(this);
}

void Mutex::ReaderUnlock() {
  static auto real =
      Real<void (*)(Mutex*)>("_ZN4absl7debian35Mutex12ReaderUnlockEv");
  __tsan_release(this);
  real(this);
}

void Mutex::Await(const Condition& condition) {
  static auto real = Real<void (*)(Mutex*, const Condition&)>(
      "_ZN4absl7debian35Mutex5AwaitERKNS0_9ConditionE");
  AnnotatedCondition annotated{&condition, this};
  __tsan_release(this);
  real(this, Condition(&AnnotatedCondition::Eval, &annotated));
  __tsan_acquire(this);
}

bool Mutex::AwaitWithDeadline(const Condition& condition, Time deadline) {
  static auto real = Real<bool (*)(Mutex*, const Condition&, Time)>(
      "_ZN4absl7debian35Mutex17AwaitWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  AnnotatedCondition annotated{&condition, this};
  __tsan_release(this);
  const bool met =
      real(this, Condition(&AnnotatedCondition::Eval, &annotated), deadline);
  __tsan_acquire(this);
  return met;
}

void Mutex::LockWhen(const Condition& condition) {
  static auto real = Real<void (*)(Mutex*, const Condition&)>(
      "_ZN4absl7debian35Mutex8LockWhenERKNS0_9ConditionE");
  AnnotatedCondition annotated{&condition, this};
  real(this, Condition(&AnnotatedCondition::Eval, &annotated));
  __tsan_acquire(this);
}

bool Mutex::LockWhenWithDeadline(const Condition& condition, Time deadline) {
  static auto real = Real<bool (*)(Mutex*, const Condition&, Time)>(
      "_ZN4absl7debian35Mutex20LockWhenWithDeadlineERKNS0_9ConditionENS0_"
      "4TimeE");
  AnnotatedCondition annotated{&condition, this};
  const bool met =
      real(this, Condition(&AnnotatedCondition::Eval, &annotated), deadline);
  __tsan_acquire(this);  // held on return, whether the condition was met
  return met;
}

// A wait releases the mutex and holds it again when it returns, inside the
// library (gRPC's executor and timer threads wait so for their queues).
void CondVar::Wait(Mutex* mutex) {
  static auto real = Real<void (*)(CondVar*, Mutex*)>(
      "_ZN4absl7debian37CondVar4WaitEPNS0_5MutexE");
  __tsan_release(mutex);
  real(this, mutex);
  __tsan_acquire(mutex);
}

bool CondVar::WaitWithTimeout(Mutex* mutex, Duration timeout) {
  static auto real = Real<bool (*)(CondVar*, Mutex*, Duration)>(
      "_ZN4absl7debian37CondVar15WaitWithTimeoutEPNS0_5MutexENS0_8DurationE");
  __tsan_release(mutex);
  const bool timed_out = real(this, mutex, timeout);
  __tsan_acquire(mutex);
  return timed_out;
}

bool CondVar::WaitWithDeadline(Mutex* mutex, Time deadline) {
  static auto real = Real<bool (*)(CondVar*, Mutex*, Time)>(
      "_ZN4absl7debian37CondVar16WaitWithDeadlineEPNS0_5MutexENS0_4TimeE");
  __tsan_release(mutex);
  const bool timed_out = real(this, mutex, deadline);
  __tsan_acquire(mutex);
  return timed_out;
}

void Notification::Notify() {
  static auto real =
      Real<void (*)(Notification*)>("_ZN4absl7debian312Notification6NotifyEv");
  __tsan_release(this);
  real(this);
}

void Notification::WaitForNotification() const {
  static auto real = Real<void (*)(const Notification*)>(
      "_ZNK4absl7debian312Notification19WaitForNotificationEv");
  real(this);
  __tsan_acquire(const_cast<Notification*>(this));
}

ABSL_NAMESPACE_END
}  // namespace absl
