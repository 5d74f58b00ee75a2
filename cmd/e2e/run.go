package main

import (
	"context"

	"github.com/mallbots/mallbots/harness/suite"
)

func run(ctx context.Context, args []string) (int, error) {
	cfg, err := parseConfig("run", args)
	if err != nil {
		return 2, err
	}
	res, err := suite.Run(ctx, cfg)
	if err != nil && res.Code == 0 {
		res.Code = 1
	}
	return res.Code, err
}
