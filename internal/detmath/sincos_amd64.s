#include "textflag.h"

// func sincosPairs(x, out []float64, k *[42]float64) int
//
// SincosPhase of x[i] and x[i+1] at once, i even, into out[2i..2i+3],
// from the start while both are in [0, 2π) with the sign bit clear
// (MOVMSKPD, and CMPPD against 2π); it returns how many it did. Each:
// octantSmall, the two kernels and fromOctant's sign and swap masks, each
// IEEE operation of the Go code in the same order on both SSE2 lanes
// (MULPD, ADDPD and SUBPD round each half exactly as MULSD, ADDSD and
// SUBSD do; additions and products are commutative to the bit). k is
// pairConsts: every constant twice, at 16-byte steps. The caller
// guarantees len(out) >= 2·len(x).
TEXT ·sincosPairs(SB), NOSPLIT, $0-64
	MOVQ x_base+0(FP), SI
	MOVQ SI, R9
	MOVQ x_len+8(FP), CX
	MOVQ out_base+24(FP), DI
	MOVQ k+48(FP), R8
	SHRQ $1, CX
	JZ   end
	PXOR X14, X14

pair:
	MOVUPD (SI), X0

	// stop before a pair with a lane outside [0, 2π) or negative
	MOVMSKPD X0, BX
	MOVAPD   X0, X1
	MOVUPD   320(R8), X2
	CMPPD    X2, X1, $1 // x < 2π
	MOVMSKPD X1, DX
	XORQ     $3, DX
	ORQ      BX, DX
	JNZ      end

	// j = trunc(x·4/π); j += j&1; y = float64(j)
	MOVUPD    0(R8), X1
	MULPD     X0, X1
	CVTTPD2PL X1, X2
	MOVUPD    288(R8), X3
	PAND      X2, X3
	PADDL     X3, X2
	CVTPL2PD  X2, X3
	PUNPCKLLQ X14, X2  // j as two int64 lanes

	// z = ((x − y·pi4A) − y·pi4B) − y·pi4C
	MOVUPD 16(R8), X4
	MULPD  X3, X4
	MOVAPD X0, X5
	SUBPD  X4, X5
	MOVUPD 32(R8), X4
	MULPD  X3, X4
	SUBPD  X4, X5
	MOVUPD 48(R8), X4
	MULPD  X3, X4
	SUBPD  X4, X5

	// zz = z·z
	MOVAPD X5, X6
	MULPD  X5, X6

	// sine kernel: q = ((((sin0·zz + sin1)·zz + sin2)·zz + sin3)·zz + sin4)·zz + sin5; s = z + (z·zz)·q
	MOVUPD 64(R8), X7
	MULPD  X6, X7
	MOVUPD 80(R8), X4
	ADDPD  X4, X7
	MULPD  X6, X7
	MOVUPD 96(R8), X4
	ADDPD  X4, X7
	MULPD  X6, X7
	MOVUPD 112(R8), X4
	ADDPD  X4, X7
	MULPD  X6, X7
	MOVUPD 128(R8), X4
	ADDPD  X4, X7
	MULPD  X6, X7
	MOVUPD 144(R8), X4
	ADDPD  X4, X7
	MOVAPD X5, X8
	MULPD  X6, X8
	MULPD  X7, X8
	ADDPD  X5, X8

	// cosine kernel: q likewise; c = (1 − 0.5·zz) + (zz·zz)·q
	MOVUPD 160(R8), X9
	MULPD  X6, X9
	MOVUPD 176(R8), X4
	ADDPD  X4, X9
	MULPD  X6, X9
	MOVUPD 192(R8), X4
	ADDPD  X4, X9
	MULPD  X6, X9
	MOVUPD 208(R8), X4
	ADDPD  X4, X9
	MULPD  X6, X9
	MOVUPD 224(R8), X4
	ADDPD  X4, X9
	MULPD  X6, X9
	MOVUPD 240(R8), X4
	ADDPD  X4, X9
	MOVUPD 272(R8), X10
	MULPD  X6, X10
	MOVUPD 256(R8), X11
	SUBPD  X10, X11
	MOVAPD X6, X10
	MULPD  X6, X10
	MULPD  X9, X10
	ADDPD  X10, X11

	// swap = −(j>>1 & 1); half = j>>2 in the sign bit
	MOVO   X2, X12
	PSRLQ  $1, X12
	MOVOU  304(R8), X13
	PAND   X13, X12
	MOVO   X14, X13
	PSUBQ  X12, X13
	MOVO   X2, X12
	PSRLQ  $2, X12
	PSLLQ  $63, X12
	MOVO   X13, X1
	PSLLQ  $63, X1

	// swap sine and cosine where swap; sine sign half, cosine sign half^swap
	MOVO  X8, X0
	PXOR  X11, X0
	PAND  X13, X0
	PXOR  X0, X8
	PXOR  X0, X11
	PXOR  X12, X8
	PXOR  X12, X11
	PXOR  X1, X11

	// out: (s0, c0), (s1, c1)
	MOVAPD   X8, X0
	UNPCKLPD X11, X0
	UNPCKHPD X11, X8
	MOVUPD   X0, (DI)
	MOVUPD   X8, 16(DI)

	ADDQ $16, SI
	ADDQ $32, DI
	DECQ CX
	JNZ  pair

end:
	SUBQ R9, SI
	SHRQ $3, SI
	MOVQ SI, ret+56(FP)
	RET
