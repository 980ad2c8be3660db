package bench

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// WriteTable prints results side by side: one row per system and worker
// count, the ratio of entente's tokens/s to prose's at the same worker
// count, and entente's time per stage. CPU s, cores (CPU s per second)
// and tokens/CPU-s count the
// whole process's CPU time, which load from other processes does not
// inflate; "vs prose (CPU)" is the ratio of tokens per CPU second.
func WriteTable(w io.Writer, results []Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "system\tworkers\tdocs\tfailed\ttokens\tseconds\tdocs/s\ttokens/s\tMB/s\tpeak RSS MB\tvs prose\tCPU s\tcores\ttokens/CPU-s\tvs prose (CPU)\t")
	prose := map[int]Result{}
	for _, r := range results {
		if r.System == "prose v3" {
			prose[r.Workers] = r
		}
	}
	for _, r := range results {
		ratio, cpuRatio := "-", "-"
		if p, ok := prose[r.Workers]; ok && r.System != "prose v3" {
			if p.TokensPerSec() > 0 {
				ratio = fmt.Sprintf("%.2f×", r.TokensPerSec()/p.TokensPerSec())
			}
			if p.TokensPerCPUSec() > 0 && r.TokensPerCPUSec() > 0 {
				cpuRatio = fmt.Sprintf("%.2f×", r.TokensPerCPUSec()/p.TokensPerCPUSec())
			}
		}
		cpu, cores, perCPU := "-", "-", "-"
		if r.CPU > 0 {
			cpu, perCPU = fmt.Sprintf("%.2f", r.CPU.Seconds()), fmt.Sprintf("%.0f", r.TokensPerCPUSec())
			if r.Elapsed > 0 {
				cores = fmt.Sprintf("%.2f", r.CPU.Seconds()/r.Elapsed.Seconds())
			}
		}
		rss := "-"
		if r.PeakRSS > 0 {
			rss = fmt.Sprintf("%.0f", float64(r.PeakRSS)/(1<<20))
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.2f\t%.0f\t%.0f\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\t\n",
			r.System, r.Workers, r.Docs, r.Failed, r.Tokens, r.Elapsed.Seconds(),
			r.DocsPerSec(), r.TokensPerSec(), r.MBPerSec(), rss, ratio, cpu, cores, perCPU, cpuRatio)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range results {
		if len(r.Stages) == 0 {
			continue
		}
		parts := make([]string, 0, len(r.Stages))
		var total time.Duration
		for _, s := range r.Stages {
			total += s.Busy
		}
		for _, s := range r.Stages {
			share := 0.0
			if total > 0 {
				share = 100 * float64(s.Busy) / float64(total)
			}
			parts = append(parts, fmt.Sprintf("%s %.1fms/doc (%.0f%%)", s.Name, perDoc(s.Busy, r.Docs), share))
		}
		if _, err := fmt.Fprintf(w, "stages, %s, %d workers: %s\n", r.System, r.Workers, strings.Join(parts, ", ")); err != nil {
			return err
		}
	}
	return nil
}

func perDoc(d time.Duration, docs int) float64 {
	if docs == 0 {
		return 0
	}
	return float64(d.Microseconds()) / 1000 / float64(docs)
}
