// Command pulumi-language-codegen is a code-generation-only language host, installed as
// pulumi-language-python and pulumi-language-go: the language is taken from the name it runs under.
// It serves what `pulumi package gen-sdk` (GeneratePackage) and `pulumi import` (GenerateProgram)
// need, with the generators in pulumi/pkg/v3; it cannot run programs (Run answers Unimplemented,
// saying so). The upstream Python and Go hosts are modules the Go registry reachable here refuses.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/pulumi-industrydata/tools/pulumi-cli/internal/codegenhost"
)

// version is stamped at build time to the Pulumi release the generators come from.
var version = "3.259.0"

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	name string
	lang codegenhost.Language
}

func (h *host) Handshake(context.Context, *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

func (h *host) GeneratePackage(ctx context.Context, req *pulumirpc.GeneratePackageRequest) (*pulumirpc.GeneratePackageResponse, error) {
	return codegenhost.GeneratePackage(ctx, h.lang, req)
}

func (h *host) GenerateProgram(ctx context.Context, req *pulumirpc.GenerateProgramRequest) (*pulumirpc.GenerateProgramResponse, error) {
	return codegenhost.GenerateProgram(ctx, h.lang, req)
}

func (h *host) Run(context.Context, *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	return nil, status.Errorf(codes.Unimplemented, "%s here only generates code (gen-sdk, import); it cannot run programs", h.name)
}

func main() {
	name := filepath.Base(os.Args[0])
	language := strings.TrimPrefix(name, "pulumi-language-")
	lang, ok := codegenhost.Languages[language]
	if !ok {
		fmt.Fprintf(os.Stderr, "%s: install this binary as pulumi-language-<python|go|nodejs>\n", name)
		os.Exit(2)
	}
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
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
			pulumirpc.RegisterLanguageRuntimeServer(srv, &host{name: name, lang: lang})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: could not start the gRPC server: %v\n", name, err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "%s: gRPC server stopped: %v\n", name, err)
		os.Exit(1)
	}
}
