#include "textflag.h"

// 2π and 4π, each twice (one per SSE2 lane).
DATA turns<>+0(SB)/8, $0x401921fb54442d18
DATA turns<>+8(SB)/8, $0x401921fb54442d18
DATA turns<>+16(SB)/8, $0x402921fb54442d18
DATA turns<>+24(SB)/8, $0x402921fb54442d18
GLOBL turns<>(SB), RODATA|NOPTR, $32

// func advancePairs(theta, k, kick []float64, h float64) int
//
// Two phases at a time from the start, x = (θ + k·h) + kick, as long as
// both are in [0, 4π) with the sign bit clear: θ ← x, or x − 2π where
// x >= 2π, which is wrap's branch-free path (wrapOnce) bit for bit
// (MULPD, ADDPD and SUBPD round each lane as MULSD, ADDSD and SUBSD do;
// x − 0 is x for x >= +0). Returns how many phases it advanced, even; it
// stops before the first pair with a lane outside that range. The caller
// guarantees len(k) and len(kick) >= len(theta).
TEXT ·advancePairs(SB), NOSPLIT, $0-88
	MOVQ     theta_base+0(FP), SI
	MOVQ     theta_len+8(FP), CX
	MOVQ     k_base+24(FP), DX
	MOVQ     kick_base+48(FP), R8
	MOVSD    h+72(FP), X7
	UNPCKLPD X7, X7
	MOVUPD   turns<>+0(SB), X5  // 2π
	MOVUPD   turns<>+16(SB), X6 // 4π
	XORQ     AX, AX
	SHRQ     $1, CX
	JZ       done

pair:
	MOVUPD (DX)(AX*8), X0
	MULPD  X7, X0
	MOVUPD (SI)(AX*8), X1
	ADDPD  X0, X1
	MOVUPD (R8)(AX*8), X2
	ADDPD  X2, X1

	// both lanes' sign bits clear and both below 4π, else stop
	MOVMSKPD X1, BX
	MOVAPD   X1, X3
	CMPPD    X6, X3, $1 // x < 4π
	MOVMSKPD X3, R9
	XORQ     $3, R9
	ORQ      BX, R9
	JNZ      done

	// x − (x >= 2π ? 2π : +0)
	MOVAPD X1, X4
	CMPPD  X5, X4, $5 // not x < 2π
	ANDPD  X5, X4
	SUBPD  X4, X1
	MOVUPD X1, (SI)(AX*8)

	ADDQ $2, AX
	DECQ CX
	JNZ  pair

done:
	MOVQ AX, ret+80(FP)
	RET
