#include "textflag.h"

// func sumRows(start []int32, cols []uint32, tr []float64, out []float64)
//
// For every row r < len(start)-1, the four-lane sums of sumUniform over
// cols[start[r]:start[r+1]] into out[2r] (sines) and out[2r+1] (cosines),
// with SSE2: lane l keeps its sine and cosine sums side by side in X<l>,
// so one 16-byte load and one ADDPD add a neighbour's pair. ADDPD rounds
// each half exactly as ADDSD does, so the results are those of sumUniform,
// bit for bit. The four offsets of a group are read with two 8-byte loads
// (the loop issues fewer loads, its limit). The caller guarantees what layout.build checked: rows are
// multiples of 4 long, every cols[e]+1 < len(tr), and len(out) >=
// 2·(len(start)−1).
TEXT ·sumRows(SB), NOSPLIT, $0-96
	MOVQ start_base+0(FP), R9
	MOVQ start_len+8(FP), R10
	MOVQ cols_base+24(FP), R11
	MOVQ tr_base+48(FP), DI
	MOVQ out_base+72(FP), R12
	DECQ R10
	JLE  end

row:
	MOVLQSX 0(R9), SI
	MOVLQSX 4(R9), CX
	SUBQ    SI, CX
	LEAQ    (R11)(SI*4), SI
	XORPS   X0, X0
	XORPS   X1, X1
	XORPS   X2, X2
	XORPS   X3, X3
	SHRQ    $2, CX
	JZ      store

loop:
	MOVQ   0(SI), AX
	MOVQ   8(SI), DX
	MOVL   AX, BX
	SHRQ   $32, AX
	MOVL   DX, R8
	SHRQ   $32, DX
	MOVUPD (DI)(BX*8), X4
	MOVUPD (DI)(AX*8), X5
	MOVUPD (DI)(R8*8), X6
	MOVUPD (DI)(DX*8), X7
	ADDPD  X4, X0
	ADDPD  X5, X1
	ADDPD  X6, X2
	ADDPD  X7, X3
	ADDQ   $16, SI
	DECQ   CX
	JNZ    loop

store:
	ADDPD  X1, X0
	ADDPD  X3, X2
	ADDPD  X2, X0
	MOVUPD X0, (R12)
	ADDQ   $16, R12
	ADDQ   $4, R9
	DECQ   R10
	JNZ    row

end:
	RET
