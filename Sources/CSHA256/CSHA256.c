#include "CSHA256.h"

// Placeholder until the accelerated path lands: reports no acceleration so callers use the Swift path.
int csha256_has_accelerated(void) { return 0; }
void csha256_compress_accelerated(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state; (void)data; (void)blocks;
}
