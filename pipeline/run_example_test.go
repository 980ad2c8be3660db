package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

func ExampleRunner_Run() {
	upper := pipeline.StageFunc{StageName: "upper", Fn: func(ctx context.Context, d *pipeline.Document) error {
		if len(d.Original) == 0 {
			return pipeline.Fatal(errors.New("upper: empty input"))
		}
		d.Text = strings.ToUpper(string(d.Original))
		return nil
	}}
	src := func(ctx context.Context, emit func(*pipeline.Document) error) error {
		for _, s := range []string{"moscow", "", "astana"} {
			if err := emit(&pipeline.Document{Original: []byte(s)}); err != nil {
				return err
			}
		}
		return nil
	}
	r := pipeline.NewRunner([]pipeline.Stage{upper}, pipeline.WithWorkers(2))
	sum, err := r.Run(context.Background(), src, func(d *pipeline.Document) error {
		fmt.Println(d.Seq, d.Text, d.Errors)
		return nil
	})
	fmt.Println(sum.OK, "ok,", sum.Failed, "failed,", err)
	// Output:
	// 0 MOSCOW []
	// 1  [{upper upper: empty input true}]
	// 2 ASTANA []
	// 2 ok, 1 failed, <nil>
}
