package redact_test

import (
	"fmt"
	"net/http"

	"github.com/mallbots/mallbots/system/platform/redact"
)

func Example() {
	fmt.Println(redact.URL("postgres://app:s3cret@db:5432/mallbots?sslmode=disable"))
	fmt.Println(redact.Text(`msg="waiting for a dependency" dsn="host=db password=s3cret"`))
	fmt.Println(redact.Header(http.Header{"Authorization": {"Bearer abc"}}).Get("Authorization"))
	// Output:
	// postgres://app:REDACTED@db:5432/mallbots?sslmode=disable
	// msg="waiting for a dependency" dsn="host=db password=REDACTED"
	// REDACTED
}
