package shard

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// ManifestFile is the manifest's name in a shard's reports folder.
const ManifestFile = "shard.json"

// Manifest says what a shard's run ran. A shard's run removes the previous
// one when it starts and writes its own once its reports are written, so a
// folder with a manifest holds the reports of the run it describes.
type Manifest struct {
	Shard int `json:"shard"`
	Of    int `json:"of"`
	// Total and Selection are the number and the Fingerprint of the
	// scenarios selected in all shards; Split is how they were split:
	// "count", or "timings " and the fingerprint of the timings file.
	Total     int    `json:"total"`
	Selection string `json:"selection"`
	Split     string `json:"split"`
	Runtime   string `json:"runtime"`
	Topology  string `json:"topology"`
	// Started is when the shard's scenarios started; Startup and Wall
	// the environment's start time and the suite's wall time, in seconds.
	Started time.Time `json:"started"`
	Startup float64   `json:"startupSeconds"`
	Wall    float64   `json:"wallSeconds"`
	// Scenarios are this shard's, as "uri:line", sorted.
	Scenarios []string `json:"scenarios"`
}

// Spec is the shard the manifest describes.
func (m Manifest) Spec() Spec { return Spec{Index: m.Shard, Count: m.Of} }

// Write writes the manifest into dir.
func (m Manifest) Write(dir string) error {
	if m.Scenarios == nil {
		m.Scenarios = []string{}
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encode the shard manifest: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestFile), append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write the shard manifest: %w", err)
	}
	return nil
}

// RemoveManifest removes dir's manifest, if any.
func RemoveManifest(dir string) error {
	if err := os.Remove(filepath.Join(dir, ManifestFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove the previous shard manifest: %w", err)
	}
	return nil
}

// ReadManifest reads the manifest in dir.
func ReadManifest(dir string) (Manifest, error) {
	var m Manifest
	path := filepath.Join(dir, ManifestFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return m, fmt.Errorf("%s: no %s: not the reports of a shard (bin/e2e run --shard i/n), or its run did not finish", dir, ManifestFile)
	}
	if err != nil {
		return m, fmt.Errorf("read the shard manifest: %w", err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("%s is not a shard manifest: %w", path, err)
	}
	if _, err := Parse(m.Spec().String()); err != nil {
		return m, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
