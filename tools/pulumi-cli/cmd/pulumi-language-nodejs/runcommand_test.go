package main

import (
	"os/exec"
	"reflect"
	"testing"

	"google.golang.org/protobuf/types/known/structpb"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func mustStruct(t *testing.T, m map[string]any) *structpb.Struct {
	t.Helper()
	s, err := structpb.NewStruct(m)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func envMap(env []string) map[string]string {
	out := map[string]string{}
	for _, kv := range env {
		for i := 0; i < len(kv); i++ {
			if kv[i] == '=' {
				out[kv[:i]] = kv[i+1:]
				break
			}
		}
	}
	return out
}

func TestBuildRunCommandPassesEngineFlagsInCmdRunOrder(t *testing.T) {
	cases := []struct {
		name     string
		req      *pulumirpc.RunRequest
		wantArgs []string
	}{
		{
			name: "preview with every field set",
			req: &pulumirpc.RunRequest{
				MonitorAddress: "127.0.0.1:1", Organization: "org", Project: "proj", Stack: "dev",
				Pwd: "/p", DryRun: true, Parallel: 4, Program: "index.ts", Args: []string{"a", "b"},
				Info: &pulumirpc.ProgramInfo{RootDirectory: "/p", ProgramDirectory: "/p"},
			},
			wantArgs: []string{"/run", "--monitor", "127.0.0.1:1", "--engine", "127.0.0.1:2",
				"--organization", "org", "--project", "proj", "--stack", "dev", "--pwd", "/p",
				"--root-directory", "/p", "--dry-run", "--parallel", "4", "index.ts", "a", "b"},
		},
		{
			name: "update without entry point uses package.json main",
			req:  &pulumirpc.RunRequest{MonitorAddress: "m", Project: "proj", Stack: "dev", Pwd: "/p"},
			wantArgs: []string{"/run", "--monitor", "m", "--engine", "127.0.0.1:2",
				"--project", "proj", "--stack", "dev", "--pwd", "/p", "."},
		},
		{
			name: "nodeargs runtime option goes before the run script",
			req: &pulumirpc.RunRequest{MonitorAddress: "m", Program: ".",
				Info: &pulumirpc.ProgramInfo{Options: mustStruct(t, map[string]any{"nodeargs": "--no-warnings  --max-old-space-size=512"})}},
			wantArgs: []string{"--no-warnings", "--max-old-space-size=512", "/run",
				"--monitor", "m", "--engine", "127.0.0.1:2", "."},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := buildRunCommand(runCommandOptions{Request: tc.req, RunScript: "/run", EngineAddress: "127.0.0.1:2"})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Args, tc.wantArgs) {
				t.Fatalf("args\n got %q\nwant %q", got.Args, tc.wantArgs)
			}
		})
	}
}

func TestBuildRunCommandSetsConfigAndTypescriptEnvironment(t *testing.T) {
	cases := []struct {
		name string
		req  *pulumirpc.RunRequest
		want map[string]string
	}{
		{
			name: "config and secret keys as JSON, typescript on by default",
			req: &pulumirpc.RunRequest{
				Config:           map[string]string{"proj:tenant": "t1", "proj:secret": "s"},
				ConfigSecretKeys: []string{"proj:secret"},
			},
			want: map[string]string{
				"PULUMI_CONFIG":             `{"proj:secret":"s","proj:tenant":"t1"}`,
				"PULUMI_CONFIG_SECRET_KEYS": `["proj:secret"]`,
				"PULUMI_NODEJS_TYPESCRIPT":  "true",
			},
		},
		{
			name: "no config gives empty JSON values, not null",
			req:  &pulumirpc.RunRequest{},
			want: map[string]string{"PULUMI_CONFIG": "{}", "PULUMI_CONFIG_SECRET_KEYS": "[]", "PULUMI_NODEJS_TYPESCRIPT": "true"},
		},
		{
			name: "typescript false and tsconfig runtime options",
			req: &pulumirpc.RunRequest{Info: &pulumirpc.ProgramInfo{
				Options: mustStruct(t, map[string]any{"typescript": false, "tsconfig": "tsconfig.pulumi.json"})}},
			want: map[string]string{"PULUMI_CONFIG": "{}", "PULUMI_CONFIG_SECRET_KEYS": "[]",
				"PULUMI_NODEJS_TYPESCRIPT": "false", "PULUMI_NODEJS_TSCONFIG_PATH": "tsconfig.pulumi.json"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := buildRunCommand(runCommandOptions{Request: tc.req, RunScript: "/run"})
			if err != nil {
				t.Fatal(err)
			}
			if env := envMap(got.Env); !reflect.DeepEqual(env, tc.want) {
				t.Fatalf("env\n got %v\nwant %v", env, tc.want)
			}
		})
	}
}

func TestRunResponseMapsExitCodes(t *testing.T) {
	cases := []struct {
		name      string
		script    string
		wantBail  bool
		wantError string
	}{
		{"success is an empty response", "exit 0", false, ""},
		{"exit 32 means already reported: bail silently", "exit 32", true, ""},
		{"other codes become an engine error", "exit 3", false, "Program exited with non-zero exit code: 3"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp := runResponseFor(exec.Command("sh", "-c", tc.script).Run())
			if resp.GetBail() != tc.wantBail || resp.GetError() != tc.wantError {
				t.Fatalf("got bail=%v error=%q, want bail=%v error=%q", resp.GetBail(), resp.GetError(), tc.wantBail, tc.wantError)
			}
		})
	}
}
