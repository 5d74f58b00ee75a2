package pgtemp

// InitdbRuns reports how often initdb ran in this test process.
func InitdbRuns() int64 { return initdbRuns.Load() }
