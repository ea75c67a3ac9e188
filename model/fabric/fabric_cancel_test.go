package fabric

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
)

// TestInitializeCancelled: a done context stops the generation, which
// returns the context's error and leaves the fabric uninitialized, ready
// for a later Initialize.
func TestInitializeCancelled(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Nodes = 2000
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := f.InitializeContext(ctx, rand.New(rand.NewPCG(1, 2))); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if f.Initialized() {
		t.Fatal("a cancelled Initialize left the fabric initialized")
	}
	if err := f.Initialize(rand.New(rand.NewPCG(1, 2))); err != nil || f.NumLinks() == 0 {
		t.Fatalf("Initialize after a cancelled one: %v, %d links", err, f.NumLinks())
	}
}

// TestMetricsCancelled: each long computation of the metrics polls its
// context; a context done before the start returns its error, and one
// never done gives the same metrics as Metrics.
func TestMetricsCancelled(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Nodes = 300 // above the dense spectrum: the Lanczos path
	f, _ := New(cfg)
	if err := f.Initialize(rand.New(rand.NewPCG(1, 2))); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f.MetricsContext(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	// Stop each computation in turn: cancel at the k-th poll, for every k
	// up to the total, and check that each stop is reported.
	var polls int
	counting := &countingContext{Context: context.Background(), onErr: func() error { polls++; return nil }}
	want, err := f.MetricsContext(counting, nil)
	if err != nil || polls == 0 {
		t.Fatalf("err %v after %d polls", err, polls)
	}
	for k := 1; k <= polls; k += max(1, polls/50) {
		n := 0
		stopAt := &countingContext{Context: context.Background(), onErr: func() error {
			if n++; n >= k {
				return context.DeadlineExceeded
			}
			return nil
		}}
		if _, err := f.MetricsContext(stopAt, nil); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("stopped at poll %d of %d: err = %v", k, polls, err)
		}
	}
	if got := f.Metrics(nil); got.AlgebraicConnectivity != want.AlgebraicConnectivity || got.PathLength != want.PathLength {
		t.Fatal("MetricsContext with a live context differs from Metrics")
	}
}

// countingContext is a context whose Err is decided by onErr, so a test
// can stop a computation at a chosen poll.
type countingContext struct {
	context.Context
	onErr func() error
}

func (c *countingContext) Done() <-chan struct{} { return make(chan struct{}) }
func (c *countingContext) Err() error            { return c.onErr() }
