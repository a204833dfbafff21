#ifndef CCURL_H
#define CCURL_H

// The few libcurl calls the Linux transport makes, behind plain (non-variadic) C functions Swift can call.
//
// libcurl is not linked: `ccurl_load` opens the libcurl.so.4 that FoundationNetworking itself links (already
// in the process on Linux), so building needs no curl headers and no -dev package. Option and info numbers
// are libcurl's stable ABI values, defined in CCurl.c. Elsewhere than Linux every call fails.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Loads libcurl and initialises it once; 0 on success, -1 when it is not available.
int ccurl_load(void);

/// Callbacks of a transfer: body bytes and header lines. Return `size * count` to go on, anything else to abort.
typedef size_t (*ccurl_data_callback)(char *bytes, size_t size, size_t count, void *context);

void *ccurl_easy_init(void);
void ccurl_easy_reset(void *easy);
void ccurl_easy_cleanup(void *easy);
const char *ccurl_easy_strerror(int code);

int ccurl_set_url(void *easy, const char *url);
int ccurl_set_method(void *easy, const char *method);
/// The request body (not copied: it must live until the transfer ends); `length` bytes, possibly 0.
int ccurl_set_body(void *easy, const void *bytes, int64_t length);
int ccurl_set_headers(void *easy, void *list);
/// Sends the body from `read` (called with the transfer's buffer; returns bytes copied, 0 at the end,
/// 0x10000000 to abort); `length` -1 when unknown (chunked).
int ccurl_set_upload(void *easy, ccurl_data_callback read, void *context, int64_t length);
/// No limit on the whole transfer (a streamed body takes as long as its reader), only on connecting.
int ccurl_set_streaming_timeouts(void *easy, long connect_timeout_ms);
/// Resumes sending after the read callback paused it (CURL_READFUNC_PAUSE); call on the transfer's thread.
int ccurl_easy_unpause(void *easy);
int ccurl_set_callbacks(void *easy, ccurl_data_callback body, ccurl_data_callback header, void *context);
/// Never follow redirects, only http and https, no signals, decode gzip/deflate, whole-transfer timeout.
int ccurl_set_defaults(void *easy, long timeout_ms);

long ccurl_response_code(void *easy);

void *ccurl_slist_append(void *list, const char *line);
void ccurl_slist_free_all(void *list);

void *ccurl_multi_init(void);
void ccurl_multi_cleanup(void *multi);
int ccurl_multi_add(void *multi, void *easy);
int ccurl_multi_remove(void *multi, void *easy);
/// Runs what can run now; `*running` is the number of transfers still going.
int ccurl_multi_perform(void *multi, int *running);
/// Waits up to `timeout_ms` for activity or a wakeup.
int ccurl_multi_poll(void *multi, int timeout_ms);
/// Interrupts a `ccurl_multi_poll` from another thread.
int ccurl_multi_wakeup(void *multi);
/// The result of the finished transfer, if one finished: 1 and `*result` set, else 0.
int ccurl_multi_done(void *multi, int *result);

#ifdef __cplusplus
}
#endif

#endif
