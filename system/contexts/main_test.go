package contexts_test

import (
	"os"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"
)

func TestMain(m *testing.M) { os.Exit(systest.Main(m)) }
