#include "textflag.h"

// func sincosQuads(x, out []float64, k *[84]float64) int
//
// sincosPairs (sincos_amd64.s) four arguments at a time with AVX2: the
// same IEEE operations in the same order on each of the four lanes
// (VMULPD, VADDPD and VSUBPD round each lane exactly as MULSD, ADDSD and
// SUBSD do; no fused multiply-add). k is quadConsts: pairConsts' values
// four times each, at 32-byte steps. Like sincosPairs, it stops before a
// group with a lane outside [0, 2π) or negative and returns how many it
// did. The caller guarantees AVX2 and len(out) >= 2·len(x).
TEXT ·sincosQuads(SB), NOSPLIT, $0-64
	MOVQ x_base+0(FP), SI
	MOVQ SI, R9
	MOVQ x_len+8(FP), CX
	MOVQ out_base+24(FP), DI
	MOVQ k+48(FP), R8
	SHRQ $2, CX
	JZ   end
	VPXOR Y14, Y14, Y14

quad:
	VMOVUPD (SI), Y0

	// stop before a group with a lane outside [0, 2π) or negative
	VMOVMSKPD Y0, BX
	VCMPPD    $1, 640(R8), Y0, Y1 // x < 2π
	VMOVMSKPD Y1, DX
	XORQ      $15, DX
	ORQ       BX, DX
	JNZ       end

	// j = trunc(x·4/π); j += j&1; y = float64(j)
	VMULPD      0(R8), Y0, Y1
	VCVTTPD2DQY Y1, X2
	VPAND       576(R8), X2, X3
	VPADDD      X3, X2, X2
	VCVTDQ2PD   X2, Y3
	VPMOVZXDQ   X2, Y2 // j as four int64 lanes

	// z = ((x − y·pi4A) − y·pi4B) − y·pi4C
	VMULPD 32(R8), Y3, Y4
	VSUBPD Y4, Y0, Y5
	VMULPD 64(R8), Y3, Y4
	VSUBPD Y4, Y5, Y5
	VMULPD 96(R8), Y3, Y4
	VSUBPD Y4, Y5, Y5

	// zz = z·z
	VMULPD Y5, Y5, Y6

	// sine kernel: q = ((((sin0·zz + sin1)·zz + sin2)·zz + sin3)·zz + sin4)·zz + sin5; s = z + (z·zz)·q
	VMULPD 128(R8), Y6, Y7
	VADDPD 160(R8), Y7, Y7
	VMULPD Y6, Y7, Y7
	VADDPD 192(R8), Y7, Y7
	VMULPD Y6, Y7, Y7
	VADDPD 224(R8), Y7, Y7
	VMULPD Y6, Y7, Y7
	VADDPD 256(R8), Y7, Y7
	VMULPD Y6, Y7, Y7
	VADDPD 288(R8), Y7, Y7
	VMULPD Y6, Y5, Y8
	VMULPD Y7, Y8, Y8
	VADDPD Y5, Y8, Y8

	// cosine kernel: q likewise; c = (1 − 0.5·zz) + (zz·zz)·q
	VMULPD  320(R8), Y6, Y9
	VADDPD  352(R8), Y9, Y9
	VMULPD  Y6, Y9, Y9
	VADDPD  384(R8), Y9, Y9
	VMULPD  Y6, Y9, Y9
	VADDPD  416(R8), Y9, Y9
	VMULPD  Y6, Y9, Y9
	VADDPD  448(R8), Y9, Y9
	VMULPD  Y6, Y9, Y9
	VADDPD  480(R8), Y9, Y9
	VMULPD  544(R8), Y6, Y10
	VMOVUPD 512(R8), Y11
	VSUBPD  Y10, Y11, Y11
	VMULPD  Y6, Y6, Y10
	VMULPD  Y9, Y10, Y10
	VADDPD  Y10, Y11, Y11

	// swap = −(j>>1 & 1); half = j>>2 in the sign bit
	VPSRLQ $1, Y2, Y12
	VPAND  608(R8), Y12, Y12
	VPSUBQ Y12, Y14, Y13
	VPSRLQ $2, Y2, Y12
	VPSLLQ $63, Y12, Y12
	VPSLLQ $63, Y13, Y1

	// swap sine and cosine where swap; sine sign half, cosine sign half^swap
	VXORPD Y11, Y8, Y0
	VANDPD Y13, Y0, Y0
	VXORPD Y0, Y8, Y8
	VXORPD Y0, Y11, Y11
	VXORPD Y12, Y8, Y8
	VXORPD Y12, Y11, Y11
	VXORPD Y1, Y11, Y11

	// out: (s0, c0), (s1, c1), (s2, c2), (s3, c3)
	VUNPCKLPD  Y11, Y8, Y0         // s0 c0 s2 c2
	VUNPCKHPD  Y11, Y8, Y1         // s1 c1 s3 c3
	VPERM2F128 $0x20, Y1, Y0, Y2
	VPERM2F128 $0x31, Y1, Y0, Y3
	VMOVUPD    Y2, (DI)
	VMOVUPD    Y3, 32(DI)

	ADDQ $32, SI
	ADDQ $64, DI
	DECQ CX
	JNZ  quad

end:
	VZEROUPPER
	SUBQ R9, SI
	SHRQ $3, SI
	MOVQ SI, ret+56(FP)
	RET
