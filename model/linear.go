package model

import "github.com/gaianet-go/gaianet/kernels"

// linear computes out[b*Rows+r] = W[r] · x[b] for batch activation rows.
// Shapes were checked at load; the error return keeps call sites ready for
// kernels that can fail.
func (st *State) linear(w *Weight, x []float32, batch int, out []float32) error {
	kernels.MatMul(st.pool, w.Type, w.Data, w.Rows, w.Cols, x, batch, out)
	return nil
}
