#include "textflag.h"

// func coupledPairs(omega, invDeg, sums, self, k []float64, scale float64) int
//
// For two nodes r, r+1 at a time from the start, while both have
// invDeg != 0: k[r] = ω + (scale·invDeg)·(cos θr·Σ sin − sin θr·Σ cos),
// the derivative without damping, with the sums (Σ sin, Σ cos) at
// sums[2r], sums[2r+1] and (sin θr, cos θr) at self[2r], self[2r+1]. The
// pairs are transposed so that each MULPD, SUBPD and ADDPD does the Go
// loop's operation for both nodes, rounding each lane as the scalar
// instruction does, in the same order. Returns how many derivatives it
// wrote, even; it stops before the first pair with an invDeg of 0. The
// caller guarantees len(invDeg), len(k) >= len(omega), len(sums),
// len(self) >= 2·len(omega).
TEXT ·coupledPairs(SB), NOSPLIT, $0-136
	MOVQ     omega_base+0(FP), SI
	MOVQ     omega_len+8(FP), CX
	MOVQ     invDeg_base+24(FP), DX
	MOVQ     sums_base+48(FP), R8
	MOVQ     self_base+72(FP), R9
	MOVQ     k_base+96(FP), DI
	MOVSD    scale+120(FP), X7
	UNPCKLPD X7, X7
	XORPS    X6, X6
	XORQ     AX, AX  // nodes done
	XORQ     R10, R10 // their offset in sums and self, in bytes
	SHRQ     $1, CX
	JZ       done

pair:
	// both invDeg != 0, else stop
	MOVUPD   (DX)(AX*8), X5
	MOVAPD   X5, X4
	CMPPD    X6, X4, $4 // != 0
	MOVMSKPD X4, BX
	CMPQ     BX, $3
	JNE      done

	// (Σ sin, Σ cos) and (sin, cos) of both nodes, transposed
	MOVUPD   (R8)(R10*1), X0
	MOVUPD   16(R8)(R10*1), X1
	MOVAPD   X0, X2
	UNPCKLPD X1, X0 // Σ sin
	UNPCKHPD X1, X2 // Σ cos
	MOVUPD   (R9)(R10*1), X1
	MOVUPD   16(R9)(R10*1), X3
	MOVAPD   X1, X4
	UNPCKLPD X3, X1 // sin θ
	UNPCKHPD X3, X4 // cos θ

	// c = cos θ·Σ sin − sin θ·Σ cos; k = ω + (scale·invDeg)·c
	MULPD  X0, X4
	MULPD  X2, X1
	SUBPD  X1, X4
	MULPD  X7, X5
	MULPD  X4, X5
	MOVUPD (SI)(AX*8), X0
	ADDPD  X5, X0
	MOVUPD X0, (DI)(AX*8)

	ADDQ $2, AX
	ADDQ $32, R10
	DECQ CX
	JNZ  pair

done:
	MOVQ AX, ret+128(FP)
	RET
