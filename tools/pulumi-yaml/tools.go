//go:build tools

// Package tools pins the Pulumi YAML language host to a release, and links it against the same
// Pulumi SDK/pkg release as tools/pulumi-cli, so `go build` of it is reproducible and reuses the
// CLI's compiled packages from Go's build cache.
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)
