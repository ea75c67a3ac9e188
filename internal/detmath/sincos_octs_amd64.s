#include "textflag.h"

// Where each output lane comes from, for VPERMT2PD over (sines, cosines):
// s0 c0 s1 c1 s2 c2 s3 c3, then s4 c4 … s7 c7.
DATA interleave<>+0(SB)/8, $0
DATA interleave<>+8(SB)/8, $8
DATA interleave<>+16(SB)/8, $1
DATA interleave<>+24(SB)/8, $9
DATA interleave<>+32(SB)/8, $2
DATA interleave<>+40(SB)/8, $10
DATA interleave<>+48(SB)/8, $3
DATA interleave<>+56(SB)/8, $11
DATA interleave<>+64(SB)/8, $4
DATA interleave<>+72(SB)/8, $12
DATA interleave<>+80(SB)/8, $5
DATA interleave<>+88(SB)/8, $13
DATA interleave<>+96(SB)/8, $6
DATA interleave<>+104(SB)/8, $14
DATA interleave<>+112(SB)/8, $7
DATA interleave<>+120(SB)/8, $15
GLOBL interleave<>(SB), RODATA|NOPTR, $128

// func sincosOcts(x, out []float64, k *[84]float64) int
//
// sincosQuads (sincos_quads_amd64.s) eight arguments at a time with
// AVX-512: the same IEEE operations in the same order on each of the
// eight lanes (no fused multiply-add), the constants broadcast from
// quadConsts (k), whose 32-byte int32 mask the AVX2 VPAND reads whole.
// Like sincosPairs, it stops before a group with a lane outside [0, 2π)
// or negative (one unsigned compare of the bits with those of 2π) and
// returns how many it did. The caller guarantees AVX-512F and AVX2 and
// len(out) >= 2·len(x).
TEXT ·sincosOcts(SB), NOSPLIT, $0-64
	MOVQ      x_base+0(FP), SI
	MOVQ      SI, R9
	MOVQ      x_len+8(FP), CX
	MOVQ      out_base+24(FP), DI
	MOVQ      k+48(FP), R8
	SHRQ      $3, CX
	JZ        end
	VPXORQ    Z14, Z14, Z14
	VMOVDQU64 interleave<>+0(SB), Z15
	VMOVDQU64 interleave<>+64(SB), Z16

oct:
	VMOVUPD (SI), Z0

	// stop before a group with a lane outside [0, 2π) or negative
	VPCMPUQ.BCST $1, 640(R8), Z0, K1 // bits(x) < bits(2π)
	KMOVW        K1, BX
	CMPQ         BX, $0xFF
	JNE          end

	// j = trunc(x·4/π); j += j&1; y = float64(j)
	VMULPD.BCST 0(R8), Z0, Z1
	VCVTTPD2DQ  Z1, Y2
	VPAND       576(R8), Y2, Y3
	VPADDD      Y3, Y2, Y2
	VCVTDQ2PD   Y2, Z3
	VPMOVZXDQ   Y2, Z2 // j as eight int64 lanes

	// z = ((x − y·pi4A) − y·pi4B) − y·pi4C
	VMULPD.BCST 32(R8), Z3, Z4
	VSUBPD      Z4, Z0, Z5
	VMULPD.BCST 64(R8), Z3, Z4
	VSUBPD      Z4, Z5, Z5
	VMULPD.BCST 96(R8), Z3, Z4
	VSUBPD      Z4, Z5, Z5

	// zz = z·z
	VMULPD Z5, Z5, Z6

	// sine kernel: q = ((((sin0·zz + sin1)·zz + sin2)·zz + sin3)·zz + sin4)·zz + sin5; s = z + (z·zz)·q
	VMULPD.BCST 128(R8), Z6, Z7
	VADDPD.BCST 160(R8), Z7, Z7
	VMULPD      Z6, Z7, Z7
	VADDPD.BCST 192(R8), Z7, Z7
	VMULPD      Z6, Z7, Z7
	VADDPD.BCST 224(R8), Z7, Z7
	VMULPD      Z6, Z7, Z7
	VADDPD.BCST 256(R8), Z7, Z7
	VMULPD      Z6, Z7, Z7
	VADDPD.BCST 288(R8), Z7, Z7
	VMULPD      Z6, Z5, Z8
	VMULPD      Z7, Z8, Z8
	VADDPD      Z5, Z8, Z8

	// cosine kernel: q likewise; c = (1 − 0.5·zz) + (zz·zz)·q
	VMULPD.BCST  320(R8), Z6, Z9
	VADDPD.BCST  352(R8), Z9, Z9
	VMULPD       Z6, Z9, Z9
	VADDPD.BCST  384(R8), Z9, Z9
	VMULPD       Z6, Z9, Z9
	VADDPD.BCST  416(R8), Z9, Z9
	VMULPD       Z6, Z9, Z9
	VADDPD.BCST  448(R8), Z9, Z9
	VMULPD       Z6, Z9, Z9
	VADDPD.BCST  480(R8), Z9, Z9
	VMULPD.BCST  544(R8), Z6, Z10
	VBROADCASTSD 512(R8), Z11
	VSUBPD       Z10, Z11, Z11
	VMULPD       Z6, Z6, Z10
	VMULPD       Z9, Z10, Z10
	VADDPD       Z10, Z11, Z11

	// swap = −(j>>1 & 1); half = j>>2 in the sign bit
	VPSRLQ      $1, Z2, Z12
	VPANDQ.BCST 608(R8), Z12, Z12
	VPSUBQ      Z12, Z14, Z13
	VPSRLQ      $2, Z2, Z12
	VPSLLQ      $63, Z12, Z12
	VPSLLQ      $63, Z13, Z1

	// swap sine and cosine where swap; sine sign half, cosine sign half^swap
	VPXORQ Z11, Z8, Z0
	VPANDQ Z13, Z0, Z0
	VPXORQ Z0, Z8, Z8
	VPXORQ Z0, Z11, Z11
	VPXORQ Z12, Z8, Z8
	VPXORQ Z12, Z11, Z11
	VPXORQ Z1, Z11, Z11

	// out: (s0, c0) … (s7, c7)
	VMOVAPD   Z8, Z0
	VPERMT2PD Z11, Z15, Z0
	VPERMT2PD Z11, Z16, Z8
	VMOVUPD   Z0, (DI)
	VMOVUPD   Z8, 64(DI)

	ADDQ $64, SI
	ADDQ $128, DI
	DECQ CX
	JNZ  oct

end:
	VZEROUPPER
	SUBQ R9, SI
	SHRQ $3, SI
	MOVQ SI, ret+56(FP)
	RET
