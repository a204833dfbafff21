#include "CCurl.h"

#if defined(__linux__)

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

// libcurl's ABI values (include/curl/curl.h, stable since the options were introduced).
enum {
    OPT_WRITEDATA = 10001,
    OPT_URL = 10002,
    OPT_WRITEFUNCTION = 20011,
    OPT_POSTFIELDS = 10015,
    OPT_HTTPHEADER = 10023,
    OPT_HEADERDATA = 10029,
    OPT_CUSTOMREQUEST = 10036,
    OPT_NOBODY = 44,
    OPT_POST = 47,
    OPT_FOLLOWLOCATION = 52,
    OPT_HTTPGET = 80,
    OPT_NOSIGNAL = 99,
    OPT_HEADERFUNCTION = 20079,
    OPT_ACCEPT_ENCODING = 10102,
    OPT_POSTFIELDSIZE_LARGE = 30120,
    OPT_TIMEOUT_MS = 155,
    OPT_CONNECTTIMEOUT_MS = 156,
    OPT_UPLOAD = 46,
    OPT_READFUNCTION = 20012,
    OPT_READDATA = 10009,
    OPT_INFILESIZE_LARGE = 30115,
    OPT_PROTOCOLS = 181,
    OPT_PROTOCOLS_STR = 10318,
    INFO_RESPONSE_CODE = 0x200000 + 2,
    MSG_DONE = 1,
    GLOBAL_ALL = 3,
    PROTO_HTTP = 1,
    PROTO_HTTPS = 2,
};

struct message {
    int msg;
    void *easy;
    union {
        void *whatever;
        int result;
    } data;
};

static struct {
    int (*global_init)(long);
    void *(*easy_init)(void);
    void (*easy_reset)(void *);
    void (*easy_cleanup)(void *);
    int (*easy_setopt)(void *, int, ...);
    int (*easy_getinfo)(void *, int, ...);
    int (*easy_pause)(void *, int);
    const char *(*easy_strerror)(int);
    void *(*slist_append)(void *, const char *);
    void (*slist_free_all)(void *);
    void *(*multi_init)(void);
    int (*multi_cleanup)(void *);
    int (*multi_add_handle)(void *, void *);
    int (*multi_remove_handle)(void *, void *);
    int (*multi_perform)(void *, int *);
    int (*multi_poll)(void *, void *, unsigned int, int, int *);
    int (*multi_wakeup)(void *);
    struct message *(*multi_info_read)(void *, int *);
} curl;

static int loaded = -1;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) return;
#define RESOLVE(field, name) \
    if (!(*(void **)&curl.field = dlsym(library, name))) return;
    RESOLVE(global_init, "curl_global_init")
    RESOLVE(easy_init, "curl_easy_init")
    RESOLVE(easy_reset, "curl_easy_reset")
    RESOLVE(easy_cleanup, "curl_easy_cleanup")
    RESOLVE(easy_setopt, "curl_easy_setopt")
    RESOLVE(easy_getinfo, "curl_easy_getinfo")
    RESOLVE(easy_pause, "curl_easy_pause")
    RESOLVE(easy_strerror, "curl_easy_strerror")
    RESOLVE(slist_append, "curl_slist_append")
    RESOLVE(slist_free_all, "curl_slist_free_all")
    RESOLVE(multi_init, "curl_multi_init")
    RESOLVE(multi_cleanup, "curl_multi_cleanup")
    RESOLVE(multi_add_handle, "curl_multi_add_handle")
    RESOLVE(multi_remove_handle, "curl_multi_remove_handle")
    RESOLVE(multi_perform, "curl_multi_perform")
    RESOLVE(multi_poll, "curl_multi_poll")
    RESOLVE(multi_wakeup, "curl_multi_wakeup")
    RESOLVE(multi_info_read, "curl_multi_info_read")
#undef RESOLVE
    // Reference-counted inside libcurl, so FoundationNetworking's own call is unaffected.
    if (curl.global_init(GLOBAL_ALL) != 0) return;
    loaded = 0;
}

int ccurl_load(void) {
    pthread_once(&load_once, load);
    return loaded;
}

void *ccurl_easy_init(void) { return curl.easy_init(); }
void ccurl_easy_reset(void *easy) { curl.easy_reset(easy); }
void ccurl_easy_cleanup(void *easy) { curl.easy_cleanup(easy); }
const char *ccurl_easy_strerror(int code) { return curl.easy_strerror(code); }

int ccurl_set_url(void *easy, const char *url) { return curl.easy_setopt(easy, OPT_URL, url); }

int ccurl_set_method(void *easy, const char *method) {
    if (strcmp(method, "GET") == 0) return curl.easy_setopt(easy, OPT_HTTPGET, 1L);
    // A custom HEAD would wait for a body that never comes.
    if (strcmp(method, "HEAD") == 0) return curl.easy_setopt(easy, OPT_NOBODY, 1L);
    return curl.easy_setopt(easy, OPT_CUSTOMREQUEST, method);
}

int ccurl_set_body(void *easy, const void *bytes, int64_t length) {
    static const char empty[1] = {0};
    // A null body would make libcurl read the body from standard input.
    if (bytes == NULL) bytes = empty;
    int result = curl.easy_setopt(easy, OPT_POSTFIELDSIZE_LARGE, (int64_t)length);
    if (result != 0) return result;
    return curl.easy_setopt(easy, OPT_POSTFIELDS, bytes);
}

int ccurl_set_headers(void *easy, void *list) { return curl.easy_setopt(easy, OPT_HTTPHEADER, list); }

int ccurl_set_upload(void *easy, ccurl_data_callback read, void *context, int64_t length) {
    int result = curl.easy_setopt(easy, OPT_UPLOAD, 1L);
    if (result == 0) result = curl.easy_setopt(easy, OPT_READFUNCTION, read);
    if (result == 0) result = curl.easy_setopt(easy, OPT_READDATA, context);
    // -1: unknown, sent with chunked transfer encoding.
    if (result == 0) result = curl.easy_setopt(easy, OPT_INFILESIZE_LARGE, (int64_t)length);
    return result;
}

/* CURLPAUSE_CONT: the read callback returned CURL_READFUNC_PAUSE; bytes are ready again. */
int ccurl_easy_unpause(void *easy) { return curl.easy_pause(easy, 0); }

int ccurl_set_streaming_timeouts(void *easy, long connect_timeout_ms) {
    int result = curl.easy_setopt(easy, OPT_TIMEOUT_MS, 0L);
    if (result == 0) result = curl.easy_setopt(easy, OPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
    return result;
}

int ccurl_set_callbacks(void *easy, ccurl_data_callback body, ccurl_data_callback header, void *context) {
    int result = curl.easy_setopt(easy, OPT_WRITEFUNCTION, body);
    if (result == 0) result = curl.easy_setopt(easy, OPT_WRITEDATA, context);
    if (result == 0) result = curl.easy_setopt(easy, OPT_HEADERFUNCTION, header);
    if (result == 0) result = curl.easy_setopt(easy, OPT_HEADERDATA, context);
    return result;
}

int ccurl_set_defaults(void *easy, long timeout_ms) {
    int result = curl.easy_setopt(easy, OPT_FOLLOWLOCATION, 0L);
    if (result == 0) result = curl.easy_setopt(easy, OPT_NOSIGNAL, 1L);
    if (result == 0) result = curl.easy_setopt(easy, OPT_TIMEOUT_MS, timeout_ms);
    // "" offers and decodes every encoding libcurl was built with, as FoundationNetworking does.
    if (result == 0) result = curl.easy_setopt(easy, OPT_ACCEPT_ENCODING, "");
    if (result == 0 && curl.easy_setopt(easy, OPT_PROTOCOLS_STR, "http,https") != 0) {
        // libcurl before 7.85 has only the bit mask.
        result = curl.easy_setopt(easy, OPT_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    }
    return result;
}

long ccurl_response_code(void *easy) {
    long code = 0;
    if (curl.easy_getinfo(easy, INFO_RESPONSE_CODE, &code) != 0) return 0;
    return code;
}

void *ccurl_slist_append(void *list, const char *line) { return curl.slist_append(list, line); }
void ccurl_slist_free_all(void *list) { curl.slist_free_all(list); }

void *ccurl_multi_init(void) { return curl.multi_init(); }
void ccurl_multi_cleanup(void *multi) { curl.multi_cleanup(multi); }
int ccurl_multi_add(void *multi, void *easy) { return curl.multi_add_handle(multi, easy); }
int ccurl_multi_remove(void *multi, void *easy) { return curl.multi_remove_handle(multi, easy); }
int ccurl_multi_perform(void *multi, int *running) { return curl.multi_perform(multi, running); }

int ccurl_multi_poll(void *multi, int timeout_ms) {
    int ready = 0;
    return curl.multi_poll(multi, NULL, 0, timeout_ms, &ready);
}

int ccurl_multi_wakeup(void *multi) { return curl.multi_wakeup(multi); }

int ccurl_multi_done(void *multi, int *result) {
    int queued = 0;
    struct message *message;
    while ((message = curl.multi_info_read(multi, &queued)) != NULL) {
        if (message->msg == MSG_DONE) {
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}

#else

int ccurl_load(void) { return -1; }
void *ccurl_easy_init(void) { return 0; }
void ccurl_easy_reset(void *easy) { (void)easy; }
void ccurl_easy_cleanup(void *easy) { (void)easy; }
const char *ccurl_easy_strerror(int code) { (void)code; return "libcurl is not used on this platform"; }
int ccurl_set_url(void *easy, const char *url) { (void)easy; (void)url; return -1; }
int ccurl_set_method(void *easy, const char *method) { (void)easy; (void)method; return -1; }
int ccurl_set_body(void *easy, const void *bytes, int64_t length) { (void)easy; (void)bytes; (void)length; return -1; }
int ccurl_set_headers(void *easy, void *list) { (void)easy; (void)list; return -1; }
int ccurl_set_upload(void *easy, ccurl_data_callback read, void *context, int64_t length) {
    (void)easy; (void)read; (void)context; (void)length; return -1;
}
int ccurl_set_streaming_timeouts(void *easy, long connect_timeout_ms) { (void)easy; (void)connect_timeout_ms; return -1; }
int ccurl_easy_unpause(void *easy) { (void)easy; return -1; }
int ccurl_set_callbacks(void *easy, ccurl_data_callback body, ccurl_data_callback header, void *context) {
    (void)easy; (void)body; (void)header; (void)context; return -1;
}
int ccurl_set_defaults(void *easy, long timeout_ms) { (void)easy; (void)timeout_ms; return -1; }
long ccurl_response_code(void *easy) { (void)easy; return 0; }
void *ccurl_slist_append(void *list, const char *line) { (void)list; (void)line; return 0; }
void ccurl_slist_free_all(void *list) { (void)list; }
void *ccurl_multi_init(void) { return 0; }
void ccurl_multi_cleanup(void *multi) { (void)multi; }
int ccurl_multi_add(void *multi, void *easy) { (void)multi; (void)easy; return -1; }
int ccurl_multi_remove(void *multi, void *easy) { (void)multi; (void)easy; return -1; }
int ccurl_multi_perform(void *multi, int *running) { (void)multi; *running = 0; return -1; }
int ccurl_multi_poll(void *multi, int timeout_ms) { (void)multi; (void)timeout_ms; return -1; }
int ccurl_multi_wakeup(void *multi) { (void)multi; return -1; }
int ccurl_multi_done(void *multi, int *result) { (void)multi; (void)result; return 0; }

#endif
