package loadreport_test

import (
	"fmt"
	"os"

	"github.com/mallbots/mallbots/harness/load"
	"github.com/mallbots/mallbots/harness/load/loadreport"
)

func ExampleParseTolerance() {
	tol, err := loadreport.ParseTolerance("latency=0.3,floor=10ms")
	fmt.Println(tol, err)
	_, err = loadreport.ParseTolerance("latency=fast")
	fmt.Println(err)
	// Output:
	// {0.3 10 0.1 0.2} <nil>
	// parse tolerance "latency=fast": latency: "fast" is not a number
}

func ExampleCompare() {
	base := load.Result{
		Latency:    []load.StageLatency{{Stage: load.StageApproved, Count: 900, P50: 40, P90: 70, P99: 100}},
		Throughput: map[string]float64{load.StageApproved: 30},
	}
	cur := base
	cur.Latency = []load.StageLatency{{Stage: load.StageApproved, Count: 900, P50: 42, P90: 70, P99: 140}}
	c := loadreport.Compare(cur, base, loadreport.DefaultTolerance())
	_ = c.Write(os.Stdout)
	// Output:
	// tolerance: latency +25% and > 5 ms, throughput -10%, memory +20%
	// figure             current  baseline  ratio  verdict
	// approved p50 ms    42       40        1.05x  ok
	// approved p90 ms    70       70        1.00x  ok
	// approved p99 ms    140      100       1.40x  REGRESSED
	// approved orders/s  30       30        1.00x  ok
	// not terminal       0        0         -      ok
	// errors             0        0         -      ok
	// 1 REGRESSION: approved p99 ms
}
