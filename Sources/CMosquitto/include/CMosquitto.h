#ifndef GLUTE_CMOSQUITTO_H
#define GLUTE_CMOSQUITTO_H

// libmosquitto, loaded when the first MQTT client is made rather than linked: a run without
// --mqtt neither needs the library (nor OpenSSL behind it) installed nor maps it (1.7 MiB of
// resident pages). The types and constants are libmosquitto's own header's; each glute_
// function forwards to the libmosquitto function of the same name after the suffix.
#include <stdbool.h>
#include <mosquitto.h>

// Loads the library and initialises it once; 0 on success. On failure, glute_mosquitto_error()
// says why in one line (which library file, dlopen's or dlsym's reason).
int glute_mosquitto_load(void);
const char *glute_mosquitto_error(void);

struct mosquitto *glute_mosquitto_new(const char *id, bool clean_session, void *obj);
void glute_mosquitto_destroy(struct mosquitto *mosq);
int glute_mosquitto_username_pw_set(struct mosquitto *mosq, const char *username, const char *password);
int glute_mosquitto_will_set(struct mosquitto *mosq, const char *topic, int payloadlen, const void *payload, int qos,
                             bool retain);
int glute_mosquitto_tls_set(struct mosquitto *mosq, const char *cafile, const char *capath, const char *certfile,
                            const char *keyfile, int (*pw_callback)(char *buf, int size, int rwflag, void *userdata));
int glute_mosquitto_max_inflight_messages_set(struct mosquitto *mosq, unsigned int max_inflight_messages);
void glute_mosquitto_connect_callback_set(struct mosquitto *mosq, void (*on_connect)(struct mosquitto *, void *, int));
void glute_mosquitto_publish_callback_set(struct mosquitto *mosq, void (*on_publish)(struct mosquitto *, void *, int));
int glute_mosquitto_connect(struct mosquitto *mosq, const char *host, int port, int keepalive);
int glute_mosquitto_disconnect(struct mosquitto *mosq);
int glute_mosquitto_loop(struct mosquitto *mosq, int timeout, int max_packets);
int glute_mosquitto_publish(struct mosquitto *mosq, int *mid, const char *topic, int payloadlen, const void *payload,
                            int qos, bool retain);
const char *glute_mosquitto_strerror(int mosq_errno);
const char *glute_mosquitto_connack_string(int connack_code);

#endif
