package model

import "github.com/gaianet-go/gaianet/kernels"

// linear computes out[b*Rows+r] = W[r] · x[b] for batch activation rows.
// Shapes were checked at load; the error return keeps call sites ready for
// kernels that can fail.
func (st *State) linear(w *Weight, x []float32, batch int, out []float32) error {
	kernels.MatMul(st.pool, w.Type, w.Data, w.Rows, w.Cols, x, batch, out)
	return nil
}

// linear2 computes two linear maps of the same input, o1 = x·w1ᵀ and
// o2 = x·w2ᵀ (the gate and up projections), quantizing x once: the results
// equal two linear calls. w1 and w2 have the same Cols.
func (st *State) linear2(x []float32, batch int, w1 *Weight, o1 []float32, w2 *Weight, o2 []float32) {
	st.ops[0] = kernels.MatMulOp{Type: w1.Type, W: w1.Data, Rows: w1.Rows, Out: o1}
	st.ops[1] = kernels.MatMulOp{Type: w2.Type, W: w2.Data, Rows: w2.Rows, Out: o2}
	kernels.MatMulShared(st.pool, x, batch, w1.Cols, st.ops[:2])
	st.ops = [3]kernels.MatMulOp{}
}

// linear3 is linear2 for three maps (the Q, K and V projections).
func (st *State) linear3(x []float32, batch int, w1 *Weight, o1 []float32, w2 *Weight, o2 []float32, w3 *Weight, o3 []float32) {
	st.ops[0] = kernels.MatMulOp{Type: w1.Type, W: w1.Data, Rows: w1.Rows, Out: o1}
	st.ops[1] = kernels.MatMulOp{Type: w2.Type, W: w2.Data, Rows: w2.Rows, Out: o2}
	st.ops[2] = kernels.MatMulOp{Type: w3.Type, W: w3.Data, Rows: w3.Rows, Out: o3}
	kernels.MatMulShared(st.pool, x, batch, w1.Cols, st.ops[:3])
	st.ops = [3]kernels.MatMulOp{}
}
