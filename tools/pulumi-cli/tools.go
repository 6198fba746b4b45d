//go:build tools

// Package tools pins the Pulumi CLI (and the SDK it links against) so that
// `go build github.com/pulumi/pulumi/pkg/v3/cmd/pulumi` from this module is
// reproducible: go.mod + go.sum fix every dependency version.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
