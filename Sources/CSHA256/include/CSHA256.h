#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Returns 1 when this CPU has SHA-256 instructions (x86 SHA-NI with SSE4.1, or ARMv8 SHA2) that
/// csha256_compress_accelerated may use, 0 otherwise. Detection runs at call time (cpuid / getauxval),
/// so one binary runs everywhere; callers cache the answer.
int csha256_has_accelerated(void);

/// Runs the SHA-256 compression function over `blocks` consecutive 64-byte blocks at `data`
/// (no alignment needed), updating the eight state words in place. Only call it when
/// csha256_has_accelerated() returned 1; otherwise it leaves `state` untouched.
void csha256_compress_accelerated(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
