package steps

import (
	"fmt"
	"math"
	"strconv"
)

// cents reads an amount written for people ("12.50") as cents.
func cents(amount string) (int64, error) {
	f, err := strconv.ParseFloat(amount, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not an amount like 12.50", amount)
	}
	return int64(math.Round(f * 100)), nil
}

// amount writes cents for people.
func amount(c int64) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }
