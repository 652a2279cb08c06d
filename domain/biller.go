package domain

import (
	"context"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// maxBatch bounds the charges committed in one transaction.
const maxBatch = 256

// billing is one charge waiting for its group commit.
type billing struct {
	c    ledger.Charge
	done chan error
}

// biller is the goroutine that posts charges: it takes every charge
// waiting and commits them in one transaction, so concurrent requests
// share one write; each request still waits for its own commit.
func (s *Server) biller() {
	defer s.wg.Done()
	batch := make([]billing, 0, maxBatch)
	charges := make([]ledger.Charge, 0, maxBatch)
	for {
		select {
		case <-s.ctx.Done():
			return
		case b := <-s.bills:
			batch = append(batch[:0], b)
		}
	drain:
		for len(batch) < maxBatch {
			select {
			case b := <-s.bills:
				batch = append(batch, b)
			default:
				break drain
			}
		}
		charges = charges[:0]
		for _, b := range batch {
			charges = append(charges, b.c)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err := s.st.PostBatch(ctx, charges)
		cancel()
		if err != nil && len(batch) > 1 {
			// One bad charge must not sink the others: post one by one.
			for _, b := range batch {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				_, err := s.st.Post(ctx, b.c)
				cancel()
				b.done <- err
			}
			continue
		}
		for _, b := range batch {
			b.done <- err
		}
	}
}

// post records c through the biller, retrying on errors (the request id
// makes retries safe), and returns when it is committed or given up.
func (s *Server) post(c ledger.Charge) {
	var err error
	for i, wait := 0, 50*time.Millisecond; i < 6; i, wait = i+1, wait*2 {
		done := make(chan error, 1)
		select {
		case s.bills <- billing{c, done}:
			err = <-done
		case <-s.ctx.Done():
			err = s.ctx.Err()
		}
		if err == nil {
			s.metrics.charged.Add(float64(c.Amount))
			return
		}
		if s.ctx.Err() != nil {
			break
		}
		time.Sleep(wait)
	}
	s.log.Error("charge not recorded", "request", c.RequestID, "user", c.User, "amount", c.Amount.String(), "err", err)
}
