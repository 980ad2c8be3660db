package pipeline

import (
	"context"
	"errors"
	"testing"
)

func TestProcessDocument(t *testing.T) {
	var order []string
	stage := func(name string, err error) Stage {
		return StageFunc{StageName: name, Fn: func(context.Context, *Document) error {
			order = append(order, name)
			return err
		}}
	}
	boom := StageFunc{StageName: "boom", Fn: func(context.Context, *Document) error { panic("bad") }}
	d := &Document{ID: "x"}
	err := ProcessDocument(context.Background(), []Stage{stage("a", nil), stage("b", errors.New("soft")), boom, stage("c", nil)}, d)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(order); got != 2 || order[1] != "b" {
		t.Errorf("stages run = %v, want a b (c skips the document boom failed)", order)
	}
	if len(d.Errors) != 2 || d.Errors[0].Stage != "b" || d.Errors[0].Fatal || d.Errors[1].Stage != "boom" || !d.Errors[1].Fatal {
		t.Errorf("errors = %+v, want a soft error from b and a fatal one from boom", d.Errors)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ProcessDocument(ctx, []Stage{stage("a", nil)}, &Document{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run returned %v", err)
	}
}
