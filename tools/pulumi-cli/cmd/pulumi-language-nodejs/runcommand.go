package main

import (
	"encoding/json"
	"fmt"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// runCommandOptions is the input of buildRunCommand.
type runCommandOptions struct {
	Request       *pulumirpc.RunRequest
	RunScript     string // absolute path of @pulumi/pulumi/cmd/run
	EngineAddress string
	Tracing       string
}

// runCommand is what to execute: node's arguments and the environment entries to add.
type runCommand struct {
	Args []string
	Env  []string
}

// buildRunCommand turns a RunRequest into the command line and environment that
// @pulumi/pulumi/cmd/run reads (its minimist flags and its PULUMI_CONFIG* variables).
func buildRunCommand(opts runCommandOptions) (runCommand, error) {
	req := opts.Request
	runtimeOpts := req.GetInfo().GetOptions().AsMap()

	var args []string
	// Runtime option `nodeargs` (Pulumi.yaml: runtime.options.nodeargs) goes to node itself.
	if nodeArgs, ok := runtimeOpts["nodeargs"].(string); ok && strings.TrimSpace(nodeArgs) != "" {
		args = append(args, strings.Fields(nodeArgs)...)
	}
	args = append(args, opts.RunScript)

	flag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flag("monitor", req.GetMonitorAddress())
	flag("engine", opts.EngineAddress)
	flag("organization", req.GetOrganization())
	flag("project", req.GetProject())
	flag("stack", req.GetStack())
	flag("pwd", req.GetPwd())
	flag("root-directory", req.GetInfo().GetRootDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if req.GetParallel() > 0 {
		flag("parallel", fmt.Sprint(req.GetParallel()))
	}
	flag("tracing", opts.Tracing)

	// cmd/run treats "." as "no explicit entry point: use package.json's exports/main".
	program := req.GetProgram()
	if program == "" {
		program = "."
	}
	args = append(args, program)
	args = append(args, req.GetArgs()...)

	configJSON, err := json.Marshal(nonNilMap(req.GetConfig()))
	if err != nil {
		return runCommand{}, fmt.Errorf("serializing configuration: %w", err)
	}
	secretKeysJSON, err := json.Marshal(nonNilSlice(req.GetConfigSecretKeys()))
	if err != nil {
		return runCommand{}, fmt.Errorf("serializing secret configuration keys: %w", err)
	}

	// TypeScript (through the ts-node bundled with @pulumi/pulumi) is on unless the project sets
	// runtime.options.typescript: false, as with the upstream host.
	typescript := true
	if v, ok := runtimeOpts["typescript"].(bool); ok {
		typescript = v
	}

	env := []string{
		"PULUMI_CONFIG=" + string(configJSON),
		"PULUMI_CONFIG_SECRET_KEYS=" + string(secretKeysJSON),
		fmt.Sprintf("PULUMI_NODEJS_TYPESCRIPT=%t", typescript),
	}
	if tsconfig, ok := runtimeOpts["tsconfig"].(string); ok && tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}
	return runCommand{Args: args, Env: env}, nil
}

func nonNilMap(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func nonNilSlice(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
