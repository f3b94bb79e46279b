// ThreadSanitizer builds only (`make test-tsan`): gRPC's contract that a
// batch of operations started on a call happens before the completion event
// that carries the batch's tag, told to TSan. Debian's libgrpc is not
// instrumented, and what orders the two inside it (its call combiner and
// closure queues, plain atomics) is invisible, while the code on both sides
// is in grpcpp's headers and so compiled with TSan into our programs: the
// callback API fills its op set and CallbackWithSuccessTag on the thread
// that calls Finish, Write or Read (a lede-server worker), and gRPC's
// "nexting_thread" reads and destroys them when the event comes. Without
// this edge TSan reports every field of those objects.
//
// As in absl_tsan_annotations.cc, the executable's definitions win over
// libgrpc.so's for the calls libgrpc++ makes (the grpcpp headers reach
// libgrpc through it), the real ones are found with dlsym(RTLD_NEXT), and
// the edge is made on the tag's address: released when the batch starts,
// acquired when an event with that tag is returned. Nothing else is ordered
// by it, so a race between two threads of ours that only gRPC's unrelated
// calls separate is still found.
#include <grpc/grpc.h>
#include <sanitizer/tsan_interface.h>

#include "tests/sanitize/interpose.h"

namespace {

using ::lede::sanitize::Real;

grpc_event Acquired(grpc_event event) {
  if (event.type == GRPC_OP_COMPLETE) __tsan_acquire(event.tag);
  return event;
}

}  // namespace

extern "C" {

grpc_call_error grpc_call_start_batch(grpc_call* call, const grpc_op* ops,
                                      size_t nops, void* tag, void* reserved) {
  static auto real =
      Real<grpc_call_error (*)(grpc_call*, const grpc_op*, size_t, void*,
                               void*)>("grpc_call_start_batch");
  __tsan_release(tag);
  return real(call, ops, nops, tag, reserved);
}

grpc_event grpc_completion_queue_next(grpc_completion_queue* cq,
                                      gpr_timespec deadline, void* reserved) {
  static auto real =
      Real<grpc_event (*)(grpc_completion_queue*, gpr_timespec, void*)>(
          "grpc_completion_queue_next");
  return Acquired(real(cq, deadline, reserved));
}

grpc_event grpc_completion_queue_pluck(grpc_completion_queue* cq, void* tag,
                                       gpr_timespec deadline, void* reserved) {
  static auto real =
      Real<grpc_event (*)(grpc_completion_queue*, void*, gpr_timespec, void*)>(
          "grpc_completion_queue_pluck");
  return Acquired(real(cq, tag, deadline, reserved));
}

}  // extern "C"
