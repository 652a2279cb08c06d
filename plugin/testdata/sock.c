/* sock.c imports a socket call the host does not provide (WasmEdge's
 * sock_open extension): loading it must fail. */
#include <stdint.h>
__attribute__((import_module("wasi_snapshot_preview1"), import_name("sock_open")))
int32_t sock_open(int32_t, int32_t, int32_t);
__attribute__((export_name("open"))) int32_t open_socket(void) {
	int32_t fd;
	return sock_open(1, 1, (int32_t)(intptr_t)&fd);
}
