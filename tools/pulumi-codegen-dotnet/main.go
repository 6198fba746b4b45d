// Command pulumi-language-dotnet (this module) is a code-generation-only .NET language host: it serves
// GeneratePackage (`pulumi package gen-sdk --language dotnet`) and GenerateProgram (the C# that
// `pulumi import` prints) with the .NET generator of pulumi/pkg v3.206.0, the last generator the Go
// registry reachable here serves (pulumi/pkg later moved it to pulumi-dotnet, whose module the registry
// refuses). It cannot run programs. It is a module of its own because v3.206.0's API differs from the
// CLI's v3.259.0 (see tools/pulumi-cli/internal/codegenhost for the other languages); they speak gRPC only.
package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"

	dotnetgen "github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	hclsyntax "github.com/pulumi/pulumi/pkg/v3/codegen/hcl2/syntax"
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const tool = "pulumi-language-dotnet"

// version is stamped at build time to the pulumi/pkg release the generator comes from.
var version = "3.206.0"

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
}

func (host) Handshake(context.Context, *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

func (host) Run(context.Context, *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	return nil, status.Errorf(codes.Unimplemented, "%s here only generates code (gen-sdk, import); it cannot run programs", tool)
}

// GeneratePackage binds the schema the engine sends and writes the C# SDK into req.Directory.
func (host) GeneratePackage(_ context.Context, req *pulumirpc.GeneratePackageRequest) (*pulumirpc.GeneratePackageResponse, error) {
	loader, err := schema.NewLoaderClient(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.GetSchema()), &spec); err != nil {
		return nil, fmt.Errorf("the package schema is not valid JSON: %w", err)
	}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{AllowDanglingReferences: true})
	if err != nil {
		return nil, err
	}
	rpcDiagnostics := plugin.HclDiagnosticsToRPCDiagnostics(diags)
	if diags.HasErrors() {
		return &pulumirpc.GeneratePackageResponse{Diagnostics: rpcDiagnostics}, nil
	}
	files, err := dotnetgen.GeneratePackage(tool, pkg, req.GetExtraFiles(), req.GetLocalDependencies())
	if err != nil {
		return nil, err
	}
	for name, data := range files {
		path := filepath.Join(req.GetDirectory(), name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.GeneratePackageResponse{Diagnostics: rpcDiagnostics}, nil
}

// GenerateProgram turns a PCL program (what `pulumi import` produces) into C#.
func (host) GenerateProgram(_ context.Context, req *pulumirpc.GenerateProgramRequest) (*pulumirpc.GenerateProgramResponse, error) {
	loader, err := schema.NewLoaderClient(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	parser := hclsyntax.NewParser()
	for path, contents := range req.GetSource() {
		if err := parser.ParseFile(strings.NewReader(contents), path); err != nil {
			return nil, err
		}
		if parser.Diagnostics.HasErrors() {
			return nil, parser.Diagnostics
		}
	}
	options := []pcl.BindOption{pcl.Loader(schema.NewCachedLoader(loader))}
	if !req.GetStrict() {
		options = append(options, pcl.NonStrictBindOptions()...)
	}
	program, diags, err := pcl.BindProgram(parser.Files, options...)
	if err != nil {
		return nil, err
	}
	rpcDiagnostics := plugin.HclDiagnosticsToRPCDiagnostics(diags)
	if diags.HasErrors() || program == nil {
		return &pulumirpc.GenerateProgramResponse{Diagnostics: rpcDiagnostics}, nil
	}
	files, diags, err := dotnetgen.GenerateProgram(program)
	if err != nil {
		return nil, err
	}
	rpcDiagnostics = append(rpcDiagnostics, plugin.HclDiagnosticsToRPCDiagnostics(diags)...)
	return &pulumirpc.GenerateProgramResponse{Source: files, Diagnostics: rpcDiagnostics}, nil
}

// defaultLogoURL is where the .NET generator downloads the NuGet icon of a package without `logoUrl`.
const defaultLogoURL = "https://raw.githubusercontent.com/pulumi/pulumi/dbc96206bec722b7791a22ff50e895ab7c0abdc0/sdk/dotnet/pulumi_logo_64x64.png"

// placeholderLogo is a 1x1 transparent PNG: the SDK's icon when the package names none, so generating
// stays offline (only package registries are reachable here, not raw.githubusercontent.com).
var placeholderLogo, _ = base64.StdEncoding.DecodeString(
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")

// offlineLogo answers the generator's download of the default logo from the binary; every other
// request (a package's own logoUrl) goes to the network as before.
type offlineLogo struct{ next http.RoundTripper }

func (t offlineLogo) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.String() != defaultLogoURL {
		return t.next.RoundTrip(req)
	}
	return &http.Response{
		StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": []string{"image/png"}}, Request: req,
		Body: io.NopCloser(bytes.NewReader(placeholderLogo)), ContentLength: int64(len(placeholderLogo)),
	}, nil
}

func main() {
	http.DefaultClient.Transport = offlineLogo{next: http.DefaultTransport}
	flags := flag.NewFlagSet(tool, flag.ContinueOnError)
	// Flags the engine's plugin launcher may pass to any plugin.
	flags.String("tracing", "", "ignored")
	flags.Bool("logtostderr", false, "ignored")
	flags.Bool("logflow", false, "ignored")
	flags.Int("v", 0, "ignored")
	flags.String("root", "", "ignored")
	if err := flags.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host{})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: could not start the gRPC server: %v\n", tool, err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "%s: gRPC server stopped: %v\n", tool, err)
		os.Exit(1)
	}
}
