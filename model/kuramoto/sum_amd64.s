#include "textflag.h"

// GROUP adds the next group of four edges at ptr to the lanes l0..l3:
// the group's four offsets read with two 8-byte loads, then one 16-byte
// load and one ADDPD per neighbour's pair. It uses AX, BX, DX, R8, X4-X7.
#define GROUP(ptr, l0, l1, l2, l3) \
	MOVQ   0(ptr), AX \
	MOVQ   8(ptr), DX \
	MOVL   AX, BX \
	SHRQ   $32, AX \
	MOVL   DX, R8 \
	SHRQ   $32, DX \
	MOVUPD (DI)(BX*8), X4 \
	MOVUPD (DI)(AX*8), X5 \
	MOVUPD (DI)(R8*8), X6 \
	MOVUPD (DI)(DX*8), X7 \
	ADDPD  X4, l0 \
	ADDPD  X5, l1 \
	ADDPD  X6, l2 \
	ADDPD  X7, l3 \
	ADDQ   $16, ptr

// REST sets CX to the number of groups from ptr to the end of the row
// whose end offset is at endAt.
#define REST(endAt, ptr) \
	MOVLQSX endAt, CX \
	LEAQ    (R11)(CX*4), CX \
	SUBQ    ptr, CX \
	SHRQ    $4, CX

// GROUP2 is GROUP on 2-byte offsets: the group's four read with one
// 8-byte load, then taken apart with zero extensions and shifts.
#define GROUP2(ptr, l0, l1, l2, l3) \
	MOVQ    0(ptr), AX \
	MOVWQZX AX, BX \
	SHRQ    $16, AX \
	MOVWQZX AX, DX \
	SHRQ    $16, AX \
	MOVWQZX AX, R8 \
	SHRQ    $16, AX \
	MOVUPD  (DI)(BX*8), X4 \
	MOVUPD  (DI)(DX*8), X5 \
	MOVUPD  (DI)(R8*8), X6 \
	MOVUPD  (DI)(AX*8), X7 \
	ADDPD   X4, l0 \
	ADDPD   X5, l1 \
	ADDPD   X6, l2 \
	ADDPD   X7, l3 \
	ADDQ    $8, ptr

// REST2 is REST on 2-byte offsets.
#define REST2(endAt, ptr) \
	MOVLQSX endAt, CX \
	LEAQ    (R11)(CX*2), CX \
	SUBQ    ptr, CX \
	SHRQ    $3, CX

// SUM_ROWS is the body shared by sumRows and sumRowsNarrow, after their
// arguments' loads: the rows' start offsets at R9, their count+1 in R10,
// the offsets at R11, tr at DI, out at R12. Only how the offsets are read
// differs between the two: group and rest name the GROUP and REST macros
// for the offsets' width, width their size in bytes. The assembler expands
// the macros named in the expansion, and labels are local to each TEXT
// symbol, so the body assembles once into each function.
#define SUM_ROWS(group, rest, width) \
	DECQ R10 \
	JLE  end \
	\
twoRows: \
	CMPQ    R10, $2 \
	JLT     oneRow \
	MOVLQSX 0(R9), SI \
	MOVLQSX 4(R9), R13 \
	MOVLQSX 8(R9), AX \
	MOVQ    R13, CX \
	SUBQ    SI, CX \
	SUBQ    R13, AX \
	CMPQ    AX, CX \
	CMOVQLT AX, CX \
	SHRQ    $2, CX /* groups both rows have */ \
	LEAQ    (R11)(SI*width), SI \
	LEAQ    (R11)(R13*width), R13 \
	XORPS   X0, X0 \
	XORPS   X1, X1 \
	XORPS   X2, X2 \
	XORPS   X3, X3 \
	XORPS   X8, X8 \
	XORPS   X9, X9 \
	XORPS   X10, X10 \
	XORPS   X11, X11 \
	TESTQ   CX, CX \
	JZ      restA \
	\
both: \
	group(SI, X0, X1, X2, X3) \
	group(R13, X8, X9, X10, X11) \
	DECQ CX \
	JNZ  both \
	\
restA: \
	rest(4(R9), SI) \
	JZ restB \
	\
loopA: \
	group(SI, X0, X1, X2, X3) \
	DECQ CX \
	JNZ  loopA \
	\
restB: \
	rest(8(R9), R13) \
	JZ storeTwo \
	\
loopB: \
	group(R13, X8, X9, X10, X11) \
	DECQ CX \
	JNZ  loopB \
	\
storeTwo: \
	ADDPD  X1, X0 \
	ADDPD  X3, X2 \
	ADDPD  X2, X0 \
	MOVUPD X0, (R12) \
	ADDPD  X9, X8 \
	ADDPD  X11, X10 \
	ADDPD  X10, X8 \
	MOVUPD X8, 16(R12) \
	ADDQ   $32, R12 \
	ADDQ   $8, R9 \
	SUBQ   $2, R10 \
	JMP    twoRows \
	\
oneRow: \
	TESTQ   R10, R10 \
	JZ      end \
	MOVLQSX 0(R9), SI \
	LEAQ    (R11)(SI*width), SI \
	XORPS   X0, X0 \
	XORPS   X1, X1 \
	XORPS   X2, X2 \
	XORPS   X3, X3 \
	rest(4(R9), SI) \
	JZ storeOne \
	\
loopOne: \
	group(SI, X0, X1, X2, X3) \
	DECQ CX \
	JNZ  loopOne \
	\
storeOne: \
	ADDPD  X1, X0 \
	ADDPD  X3, X2 \
	ADDPD  X2, X0 \
	MOVUPD X0, (R12) \
	\
end: \
	RET

// func sumRows(start []int32, cols []uint32, tr []float64, out []float64)
//
// For every row r < len(start)-1, the four-lane sums of sumUniform over
// cols[start[r]:start[r+1]] into out[2r] (sines) and out[2r+1] (cosines),
// with SSE2: lane l of a row keeps its sine and cosine sums side by side
// in one register, so one 16-byte load and one ADDPD add a neighbour's
// pair. ADDPD rounds each half exactly as ADDSD does, so the results are
// those of sumUniform, bit for bit. Rows are summed two at a time, each in
// its own four registers (X0-X3 and X8-X11), their groups of four edges
// side by side while both rows have one, so that the two rows' chains of
// additions overlap. The caller guarantees what layout.build checked:
// rows are multiples of 4 long, every cols[e]+1 < len(tr), and len(out)
// >= 2·(len(start)−1).
TEXT ·sumRows(SB), NOSPLIT, $0-96
	MOVQ start_base+0(FP), R9
	MOVQ start_len+8(FP), R10
	MOVQ cols_base+24(FP), R11
	MOVQ tr_base+48(FP), DI
	MOVQ out_base+72(FP), R12
	SUM_ROWS(GROUP, REST, 4)

// func sumRowsNarrow(start []int32, cols []uint16, tr []float64, out []float64)
//
// sumRows on 2-byte offsets, instruction for instruction but the offsets'
// loads (GROUP2, REST2): the same additions in the same order, so the
// same results bit for bit.
TEXT ·sumRowsNarrow(SB), NOSPLIT, $0-96
	MOVQ start_base+0(FP), R9
	MOVQ start_len+8(FP), R10
	MOVQ cols_base+24(FP), R11
	MOVQ tr_base+48(FP), DI
	MOVQ out_base+72(FP), R12
	SUM_ROWS(GROUP2, REST2, 2)
