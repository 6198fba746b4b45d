package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRequiredPackagesListsOnlyDeclaredResourcePlugins(t *testing.T) {
	root := t.TempDir()
	nm := filepath.Join(root, "node_modules")
	writeFile(t, filepath.Join(nm, "@pulumi/pulumi/package.json"),
		`{"name":"@pulumi/pulumi","version":"3.259.0","pulumi":{"comment":"not a plugin"}}`)
	writeFile(t, filepath.Join(nm, "@pulumi/random/package.json"),
		`{"name":"@pulumi/random","version":"4.16.0","pulumi":{"resource":true}}`)
	writeFile(t, filepath.Join(nm, "@acme/thing/package.json"),
		`{"name":"@acme/thing","version":"1.0.0","pulumi":{"resource":true,"name":"acme","version":"2.0.0","server":"https://example.invalid"}}`)
	writeFile(t, filepath.Join(nm, "left-pad/package.json"), `{"name":"left-pad","version":"1.3.0"}`)
	writeFile(t, filepath.Join(nm, ".package-lock.json"), `{"lockfileVersion":3}`) // npm's own file, not a package
	writeFile(t, filepath.Join(nm, "@acme", "README"), "a stray file in a scope folder")
	if err := os.Symlink(filepath.Join(nm, "@pulumi", "random"), filepath.Join(nm, "linked-random")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(nm, ".bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	program := filepath.Join(root, "sub", "program")
	if err := os.MkdirAll(program, 0o755); err != nil {
		t.Fatal(err)
	}

	deps, err := requiredPackages(program) // found by walking up, as node resolves
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range deps {
		if d.GetKind() != "resource" {
			t.Errorf("%s: kind %q, want resource", d.GetName(), d.GetKind())
		}
		got[d.GetName()] = d.GetVersion() + " " + d.GetServer()
	}
	want := map[string]string{"random": "v4.16.0 ", "acme": "v2.0.0 https://example.invalid"}
	if len(got) != len(want) || got["random"] != want["random"] || got["acme"] != want["acme"] {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestRequiredPackagesWithoutNodeModulesIsEmpty(t *testing.T) {
	deps, err := requiredPackages(t.TempDir())
	if err != nil || len(deps) != 0 {
		t.Fatalf("got %v, %v; want no packages and no error", deps, err)
	}
}

func TestRequiredPackagesReportsUnparsablePackageJSONByPath(t *testing.T) {
	root := t.TempDir()
	bad := filepath.Join(root, "node_modules", "broken", "package.json")
	writeFile(t, bad, "{not json")
	_, err := requiredPackages(root)
	if err == nil || !strings.Contains(err.Error(), bad) {
		t.Fatalf("got %v, want an error naming %s", err, bad)
	}
}
