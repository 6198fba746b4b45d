package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// packageJSON is the part of an npm package.json that says whether it ships a Pulumi plugin.
type packageJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Pulumi  struct {
		Resource bool   `json:"resource"`
		Name     string `json:"name"`
		Version  string `json:"version"`
		Server   string `json:"server"`
	} `json:"pulumi"`
}

// requiredPackages returns the resource plugins declared by the packages installed in the nearest
// node_modules at or above programDir (top-level and @scope/ packages only: a plugin package is a
// direct dependency of a Pulumi program). No node_modules means no plugins, not an error.
func requiredPackages(programDir string) ([]*pulumirpc.PackageDependency, error) {
	nodeModules, ok := findNodeModules(programDir)
	if !ok {
		return nil, nil
	}
	var manifests []string
	entries, err := os.ReadDir(nodeModules)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", nodeModules, err)
	}
	for _, e := range entries {
		name := e.Name()
		// Skip npm's own files (.package-lock.json, .bin) and anything that is not a package folder;
		// Stat follows the symlinks that `npm link` and workspaces create.
		if strings.HasPrefix(name, ".") || !isDir(filepath.Join(nodeModules, name)) {
			continue
		}
		if strings.HasPrefix(name, "@") {
			scoped, err := os.ReadDir(filepath.Join(nodeModules, name))
			if err != nil {
				continue // a broken scope folder must not stop a deployment
			}
			for _, s := range scoped {
				if !isDir(filepath.Join(nodeModules, name, s.Name())) {
					continue
				}
				manifests = append(manifests, filepath.Join(nodeModules, name, s.Name(), "package.json"))
			}
			continue
		}
		manifests = append(manifests, filepath.Join(nodeModules, name, "package.json"))
	}

	var deps []*pulumirpc.PackageDependency
	for _, m := range manifests {
		dep, err := pluginOf(m)
		if err != nil {
			return nil, err
		}
		if dep != nil {
			deps = append(deps, dep)
		}
	}
	return deps, nil
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// findNodeModules walks up from dir to the first folder holding node_modules, as node does.
func findNodeModules(dir string) (string, bool) {
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		candidate := filepath.Join(d, "node_modules")
		if isDir(candidate) {
			return candidate, true
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// pluginOf reads one package.json; it returns nil for packages that declare no resource plugin.
func pluginOf(manifest string) (*pulumirpc.PackageDependency, error) {
	b, err := os.ReadFile(manifest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", manifest, err)
	}
	var p packageJSON
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", manifest, err)
	}
	if !p.Pulumi.Resource {
		return nil, nil
	}
	name := p.Pulumi.Name
	if name == "" {
		// "@pulumi/aws" ships plugin "aws"; other scopes keep their scope without the "@".
		name = strings.TrimPrefix(strings.TrimPrefix(p.Name, "@pulumi/"), "@")
	}
	ver := p.Pulumi.Version
	if ver == "" {
		ver = p.Version
	}
	if ver != "" && !strings.HasPrefix(ver, "v") {
		ver = "v" + ver
	}
	return &pulumirpc.PackageDependency{Name: name, Kind: "resource", Version: ver, Server: p.Pulumi.Server}, nil
}
