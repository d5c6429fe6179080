#include "CMosquitto.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// The soname of libmosquitto 1.x and 2.x (Debian's libmosquitto1 package).
#define GLUTE_MOSQUITTO_LIBRARY "libmosquitto.so.1"

// One pointer per function used, typed from the library's own declarations.
#define GLUTE_MOSQUITTO_FUNCTIONS(X) \
    X(mosquitto_lib_init) X(mosquitto_new) X(mosquitto_destroy) X(mosquitto_username_pw_set) \
    X(mosquitto_will_set) X(mosquitto_tls_set) X(mosquitto_max_inflight_messages_set) \
    X(mosquitto_connect_callback_set) X(mosquitto_publish_callback_set) X(mosquitto_connect) \
    X(mosquitto_disconnect) X(mosquitto_loop) X(mosquitto_publish) X(mosquitto_strerror) \
    X(mosquitto_connack_string)

#define GLUTE_DECLARE(name) static __typeof__(name) *p_##name;
GLUTE_MOSQUITTO_FUNCTIONS(GLUTE_DECLARE)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int load_result = -1;
static char load_error[512] = "libmosquitto was not loaded";

static void load(void) {
    void *library = dlopen(GLUTE_MOSQUITTO_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(load_error, sizeof load_error, "cannot load %s (%s); install it (Debian/Ubuntu: apt install libmosquitto1)",
                 GLUTE_MOSQUITTO_LIBRARY, dlerror());
        return;
    }
#define GLUTE_RESOLVE(name) \
    p_##name = (__typeof__(name) *)dlsym(library, #name); \
    if (p_##name == NULL) { \
        snprintf(load_error, sizeof load_error, "%s lacks %s; it is too old (1.6 or later is needed)", \
                 GLUTE_MOSQUITTO_LIBRARY, #name); \
        return; \
    }
    GLUTE_MOSQUITTO_FUNCTIONS(GLUTE_RESOLVE)
    int rc = p_mosquitto_lib_init();
    if (rc != MOSQ_ERR_SUCCESS) {
        snprintf(load_error, sizeof load_error, "libmosquitto failed to initialise (error %d)", rc);
        return;
    }
    load_result = 0;
}

int glute_mosquitto_load(void) {
    pthread_once(&once, load);
    return load_result;
}

const char *glute_mosquitto_error(void) { return load_error; }

// Callers reach these only after glute_mosquitto_load() returned 0.
struct mosquitto *glute_mosquitto_new(const char *id, bool clean_session, void *obj) {
    return p_mosquitto_new(id, clean_session, obj);
}
void glute_mosquitto_destroy(struct mosquitto *mosq) { p_mosquitto_destroy(mosq); }
int glute_mosquitto_username_pw_set(struct mosquitto *mosq, const char *username, const char *password) {
    return p_mosquitto_username_pw_set(mosq, username, password);
}
int glute_mosquitto_will_set(struct mosquitto *mosq, const char *topic, int payloadlen, const void *payload, int qos,
                             bool retain) {
    return p_mosquitto_will_set(mosq, topic, payloadlen, payload, qos, retain);
}
int glute_mosquitto_tls_set(struct mosquitto *mosq, const char *cafile, const char *capath, const char *certfile,
                            const char *keyfile, int (*pw_callback)(char *buf, int size, int rwflag, void *userdata)) {
    return p_mosquitto_tls_set(mosq, cafile, capath, certfile, keyfile, pw_callback);
}
int glute_mosquitto_max_inflight_messages_set(struct mosquitto *mosq, unsigned int max_inflight_messages) {
    return p_mosquitto_max_inflight_messages_set(mosq, max_inflight_messages);
}
void glute_mosquitto_connect_callback_set(struct mosquitto *mosq, void (*on_connect)(struct mosquitto *, void *, int)) {
    p_mosquitto_connect_callback_set(mosq, on_connect);
}
void glute_mosquitto_publish_callback_set(struct mosquitto *mosq, void (*on_publish)(struct mosquitto *, void *, int)) {
    p_mosquitto_publish_callback_set(mosq, on_publish);
}
int glute_mosquitto_connect(struct mosquitto *mosq, const char *host, int port, int keepalive) {
    return p_mosquitto_connect(mosq, host, port, keepalive);
}
int glute_mosquitto_disconnect(struct mosquitto *mosq) { return p_mosquitto_disconnect(mosq); }
int glute_mosquitto_loop(struct mosquitto *mosq, int timeout, int max_packets) {
    return p_mosquitto_loop(mosq, timeout, max_packets);
}
int glute_mosquitto_publish(struct mosquitto *mosq, int *mid, const char *topic, int payloadlen, const void *payload,
                            int qos, bool retain) {
    return p_mosquitto_publish(mosq, mid, topic, payloadlen, payload, qos, retain);
}
const char *glute_mosquitto_strerror(int mosq_errno) { return p_mosquitto_strerror(mosq_errno); }
const char *glute_mosquitto_connack_string(int connack_code) { return p_mosquitto_connack_string(connack_code); }
