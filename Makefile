# MallBots: the event-driven system and its contract and end-to-end harness.
# `make help` lists the targets.

SHELL       := /bin/bash
GO          ?= go
BIN         := bin
GOTESTFLAGS ?=
PKGS        ?= ./...
RUNTIME     ?= local
TOPOLOGY    ?= microservices
TAGS        ?=
CONCURRENCY ?= 4
REPORTS     ?= reports
SHARD       ?=
SHARD_TIMINGS ?=
SHARDS      ?= $(REPORTS)/shard-*
LOAD_ARGS   ?=
CHAOS_ARGS  ?=
FAULTS      ?= all
FUZZTIME    ?= 10s
# -trimpath: builds that do not depend on the clone's path, so that a fresh
# clone (as CI makes) reuses the build cache of an earlier one.
export GOFLAGS := $(strip $(shell $(GO) env GOFLAGS) -trimpath)
PACT_FFI_DIR := $(CURDIR)/.tools/pact/lib
PACT_ENV     := CGO_ENABLED=1 CGO_LDFLAGS="-L$(PACT_FFI_DIR) -Wl,-rpath,$(PACT_FFI_DIR)" PACT_DO_NOT_TRACK=true

.PHONY: help build test e2e merge up load chaos steps contracts can-i-deploy bench fuzz lint fmt clean tools postgres pact-ffi pact-cli libxml2 chromium

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-13s %s\n", $$1, $$2}'

build: ## build bin/mallbots, bin/smsprovider and bin/e2e
	$(GO) build -o $(BIN)/ ./cmd/mallbots ./cmd/smsprovider ./cmd/e2e

tools: postgres pact-ffi pact-cli libxml2 chromium ## install what the tests need (Postgres server binaries, libpact_ffi, the pact CLI, libxml2's headers, Chromium)

postgres:
	@scripts/ensure-postgres.sh >/dev/null

pact-ffi:
	@scripts/pact-ffi.sh >/dev/null

pact-cli:
	@scripts/pact-cli.sh >/dev/null

libxml2:
	@scripts/libxml2.sh

chromium:
	@scripts/chromium.sh >/dev/null

test: tools ## run every test: unit, integration, the features (local runtime) and the contracts
	$(GO) vet $(PKGS)
	$(GO) test -race -count=1 $(GOTESTFLAGS) $(PKGS)
	$(MAKE) contracts

e2e: tools build ## run the Gherkin features (RUNTIME=local|containers|remote TOPOLOGY TAGS CONCURRENCY REPORTS; SHARD=i/n SHARD_TIMINGS)
	@if [ "$(RUNTIME)" = containers ]; then scripts/docker-engine.sh; fi
	$(BIN)/e2e run --runtime '$(RUNTIME)' --topology '$(TOPOLOGY)' --tags '$(TAGS)' --concurrency '$(CONCURRENCY)' \
		--reports '$(REPORTS)' --shard '$(SHARD)' --shard-timings '$(SHARD_TIMINGS)'

merge: build ## merge the reports of a sharded run's shards (SHARDS, default reports/shard-*) into REPORTS
	$(BIN)/e2e merge --reports '$(REPORTS)' $(SHARDS)

up: tools build ## start the whole system, print its endpoints, stop it on Ctrl-C
	@if [ "$(RUNTIME)" = containers ]; then scripts/docker-engine.sh; fi
	$(BIN)/e2e up --runtime '$(RUNTIME)' --topology '$(TOPOLOGY)'

load: tools build ## drive the checkout journey, print latency, throughput and resource use, write reports/load.{json,html} (LOAD_ARGS)
	@if [ "$(RUNTIME)" = containers ]; then scripts/docker-engine.sh; fi
	$(BIN)/e2e load --runtime '$(RUNTIME)' --topology '$(TOPOLOGY)' $(LOAD_ARGS)

chaos: tools build ## checkouts under one fault at a time, then exact counts per fault; writes reports/chaos.json (RUNTIME, TOPOLOGY, FAULTS, CHAOS_ARGS)
	@if [ "$(RUNTIME)" = containers ]; then scripts/docker-engine.sh; fi
	$(BIN)/e2e chaos --runtime '$(RUNTIME)' --topology '$(TOPOLOGY)' --faults '$(FAULTS)' $(CHAOS_ARGS)

steps: ## print the step catalogue and rewrite docs/steps.md
	@$(GO) run ./cmd/e2e steps | tee docs/steps.md

contracts: tools ## Pact contracts: consumers write contracts/pacts, then providers verify them (CONTRACTS_RUN; broker: README)
	@$(PACT_ENV) GO=$(GO) scripts/contracts.sh

can-i-deploy: ## ask the Pact Broker whether PACTICIPANT (default: all) at this commit can go to PACT_ENVIRONMENT
	@GO=$(GO) scripts/contracts.sh can-i-deploy

bench: tools ## run the benchmarks and print their figures
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

fuzz: postgres ## run every fuzz target for FUZZTIME each (default 10s), one after another; fails on a finding (FUZZ=regexp picks targets)
	@GO=$(GO) FUZZTIME='$(FUZZTIME)' FUZZ='$(FUZZ)' scripts/fuzz.sh

lint: ## gofmt and go vet
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)
	$(GO) vet -tags pact ./contracts/...

fmt: ## format the code
	gofmt -w $$(git ls-files '*.go')

clean: ## remove build output and reports
	rm -rf $(BIN) reports/*.json reports/*.xml reports/*.html reports/runs reports/shard-*
