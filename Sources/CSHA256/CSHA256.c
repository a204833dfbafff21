// SHA-256 compression with CPU SHA extensions. Each implementation carries a target attribute so the
// package builds without special compiler flags; which one runs is decided at run time.
#include "CSHA256.h"

static const uint32_t K256[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// Detection result: -1 not yet known, else 0/1. Detection is idempotent, so a race only repeats it.
static int detected = -1;
static int detect_accelerated(void);

int csha256_has_accelerated(void) {
    int known = __atomic_load_n(&detected, __ATOMIC_RELAXED);
    if (known < 0) {
        known = detect_accelerated();
        __atomic_store_n(&detected, known, __ATOMIC_RELAXED);
    }
    return known;
}

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

// cpuid traps to the hypervisor on virtual machines, costing microseconds: callers go through the cache.
static int detect_accelerated(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int hasSSSE3 = (ecx >> 9) & 1;
    const int hasSSE41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const int hasSHA = (ebx >> 29) & 1;
    return hasSSSE3 && hasSSE41 && hasSHA;
}

// Four rounds: the low two with the message words plus constants, then the high two.
#define ROUNDS_LOW(j, cur) \
    MSG = _mm_add_epi32(cur, _mm_load_si128((const __m128i *)&K256[4 * (j)])); \
    STATE1 = _mm_sha256rnds2_epu32(STATE1, STATE0, MSG);
#define ROUNDS_HIGH() \
    MSG = _mm_shuffle_epi32(MSG, 0x0E); \
    STATE0 = _mm_sha256rnds2_epu32(STATE0, STATE1, MSG);
// Finishes the next four schedule words: W[t-7] terms via alignr, then sigma1 via msg2.
#define SCHEDULE_FINISH(next, cur, prev) \
    TMP = _mm_alignr_epi8(cur, prev, 4); \
    next = _mm_add_epi32(next, TMP); \
    next = _mm_sha256msg2_epu32(next, cur);
// Starts a schedule vector four groups ahead: sigma0 terms via msg1.
#define SCHEDULE_START(prev, cur) prev = _mm_sha256msg1_epu32(prev, cur);

__attribute__((target("sha,sse4.1,ssse3")))
static void compress_x86_sha(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i BYTE_SWAP = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i STATE0, STATE1, MSG, TMP, M0, M1, M2, M3, ABEF_SAVE, CDGH_SAVE;

    // The instructions want the state as ABEF / CDGH.
    TMP = _mm_loadu_si128((const __m128i *)&state[0]);
    STATE1 = _mm_loadu_si128((const __m128i *)&state[4]);
    TMP = _mm_shuffle_epi32(TMP, 0xB1);
    STATE1 = _mm_shuffle_epi32(STATE1, 0x1B);
    STATE0 = _mm_alignr_epi8(TMP, STATE1, 8);
    STATE1 = _mm_blend_epi16(STATE1, TMP, 0xF0);

    while (blocks--) {
        ABEF_SAVE = STATE0;
        CDGH_SAVE = STATE1;
        M0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), BYTE_SWAP);
        M1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), BYTE_SWAP);
        M2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), BYTE_SWAP);
        M3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), BYTE_SWAP);

        ROUNDS_LOW(0, M0);                               ROUNDS_HIGH();
        ROUNDS_LOW(1, M1);                               ROUNDS_HIGH(); SCHEDULE_START(M0, M1);
        ROUNDS_LOW(2, M2);                               ROUNDS_HIGH(); SCHEDULE_START(M1, M2);
        ROUNDS_LOW(3, M3);  SCHEDULE_FINISH(M0, M3, M2); ROUNDS_HIGH(); SCHEDULE_START(M2, M3);
        ROUNDS_LOW(4, M0);  SCHEDULE_FINISH(M1, M0, M3); ROUNDS_HIGH(); SCHEDULE_START(M3, M0);
        ROUNDS_LOW(5, M1);  SCHEDULE_FINISH(M2, M1, M0); ROUNDS_HIGH(); SCHEDULE_START(M0, M1);
        ROUNDS_LOW(6, M2);  SCHEDULE_FINISH(M3, M2, M1); ROUNDS_HIGH(); SCHEDULE_START(M1, M2);
        ROUNDS_LOW(7, M3);  SCHEDULE_FINISH(M0, M3, M2); ROUNDS_HIGH(); SCHEDULE_START(M2, M3);
        ROUNDS_LOW(8, M0);  SCHEDULE_FINISH(M1, M0, M3); ROUNDS_HIGH(); SCHEDULE_START(M3, M0);
        ROUNDS_LOW(9, M1);  SCHEDULE_FINISH(M2, M1, M0); ROUNDS_HIGH(); SCHEDULE_START(M0, M1);
        ROUNDS_LOW(10, M2); SCHEDULE_FINISH(M3, M2, M1); ROUNDS_HIGH(); SCHEDULE_START(M1, M2);
        ROUNDS_LOW(11, M3); SCHEDULE_FINISH(M0, M3, M2); ROUNDS_HIGH(); SCHEDULE_START(M2, M3);
        ROUNDS_LOW(12, M0); SCHEDULE_FINISH(M1, M0, M3); ROUNDS_HIGH(); SCHEDULE_START(M3, M0);
        ROUNDS_LOW(13, M1); SCHEDULE_FINISH(M2, M1, M0); ROUNDS_HIGH();
        ROUNDS_LOW(14, M2); SCHEDULE_FINISH(M3, M2, M1); ROUNDS_HIGH();
        ROUNDS_LOW(15, M3);                              ROUNDS_HIGH();

        STATE0 = _mm_add_epi32(STATE0, ABEF_SAVE);
        STATE1 = _mm_add_epi32(STATE1, CDGH_SAVE);
        data += 64;
    }

    // Back from ABEF / CDGH to A..H.
    TMP = _mm_shuffle_epi32(STATE0, 0x1B);
    STATE1 = _mm_shuffle_epi32(STATE1, 0xB1);
    STATE0 = _mm_blend_epi16(TMP, STATE1, 0xF0);
    STATE1 = _mm_alignr_epi8(STATE1, TMP, 8);
    _mm_storeu_si128((__m128i *)&state[0], STATE0);
    _mm_storeu_si128((__m128i *)&state[4], STATE1);
}

void csha256_compress_accelerated(uint32_t state[8], const uint8_t *data, size_t blocks) {
    if (!csha256_has_accelerated()) return;
    compress_x86_sha(state, data, blocks);
}

#elif defined(__aarch64__)
#include <arm_neon.h>
#if defined(__linux__)
#include <sys/auxv.h>
#ifndef HWCAP_SHA2
#define HWCAP_SHA2 (1 << 6)
#endif
#endif

static int detect_accelerated(void) {
#if defined(__APPLE__)
    return 1; // Every Apple arm64 CPU has the SHA2 extension.
#elif defined(__linux__)
    return (getauxval(AT_HWCAP) & HWCAP_SHA2) != 0;
#else
    return 0;
#endif
}

// Four rounds for schedule vector `cur`; while j < 12 it also computes the vector four groups ahead
// in place: W[j+4] = su1(su0(W[j], W[j+1]), W[j+2], W[j+3]).
#define ARM_ROUNDS(j, cur, next1, next2, next3) \
    WK = vaddq_u32(cur, vld1q_u32(&K256[4 * (j)])); \
    if ((j) < 12) cur = vsha256su0q_u32(cur, next1); \
    SAVED = STATE0; \
    STATE0 = vsha256hq_u32(STATE0, STATE1, WK); \
    STATE1 = vsha256h2q_u32(STATE1, SAVED, WK); \
    if ((j) < 12) cur = vsha256su1q_u32(cur, next2, next3);

__attribute__((target("sha2")))
static void compress_arm_sha2(uint32_t state[8], const uint8_t *data, size_t blocks) {
    uint32x4_t STATE0 = vld1q_u32(&state[0]);
    uint32x4_t STATE1 = vld1q_u32(&state[4]);
    uint32x4_t ABEF_SAVE, CDGH_SAVE, SAVED, WK, M0, M1, M2, M3;

    while (blocks--) {
        ABEF_SAVE = STATE0;
        CDGH_SAVE = STATE1;
        M0 = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(data + 0)));
        M1 = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(data + 16)));
        M2 = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(data + 32)));
        M3 = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(data + 48)));

        ARM_ROUNDS(0, M0, M1, M2, M3);  ARM_ROUNDS(1, M1, M2, M3, M0);
        ARM_ROUNDS(2, M2, M3, M0, M1);  ARM_ROUNDS(3, M3, M0, M1, M2);
        ARM_ROUNDS(4, M0, M1, M2, M3);  ARM_ROUNDS(5, M1, M2, M3, M0);
        ARM_ROUNDS(6, M2, M3, M0, M1);  ARM_ROUNDS(7, M3, M0, M1, M2);
        ARM_ROUNDS(8, M0, M1, M2, M3);  ARM_ROUNDS(9, M1, M2, M3, M0);
        ARM_ROUNDS(10, M2, M3, M0, M1); ARM_ROUNDS(11, M3, M0, M1, M2);
        ARM_ROUNDS(12, M0, M1, M2, M3); ARM_ROUNDS(13, M1, M2, M3, M0);
        ARM_ROUNDS(14, M2, M3, M0, M1); ARM_ROUNDS(15, M3, M0, M1, M2);

        STATE0 = vaddq_u32(STATE0, ABEF_SAVE);
        STATE1 = vaddq_u32(STATE1, CDGH_SAVE);
        data += 64;
    }
    vst1q_u32(&state[0], STATE0);
    vst1q_u32(&state[4], STATE1);
}

void csha256_compress_accelerated(uint32_t state[8], const uint8_t *data, size_t blocks) {
    if (!csha256_has_accelerated()) return;
    compress_arm_sha2(state, data, blocks);
}

#else

static int detect_accelerated(void) { return 0; }
void csha256_compress_accelerated(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state; (void)data; (void)blocks; (void)K256;
}

#endif
