// Command pulumi-language-nodejs is a minimal Node.js language host for the Pulumi engine.
//
// Why it exists: the upstream host (module
// github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) has no release tags and the
// Go module registry this project can reach refuses every version of it, so `pulumi up` on a
// `runtime: nodejs` project would have no host. This one implements only what `pulumi preview`,
// `up`, `refresh` and `destroy` need: it runs the program with @pulumi/pulumi's own `cmd/run`
// entry point (the same script the upstream host runs), so the Node side is the real SDK.
//
// Protocol: the engine starts the host with its own gRPC address as the last argument; the host
// serves pulumirpc.LanguageRuntime on a loopback port and prints that port on stdout.
package main

import (
	"flag"
	"fmt"
	"os"

	"google.golang.org/grpc"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// version is stamped at build time (-ldflags "-X main.version=...") to the Pulumi release the
// host was built against, so `pulumi about` / plugin listings show a meaningful version.
var version = "3.259.0"

func main() {
	flags := flag.NewFlagSet("pulumi-language-nodejs", flag.ContinueOnError)
	// The engine's plugin launcher may pass these logging/tracing flags to any plugin; they are
	// accepted so that verbose runs (`pulumi up -v=9`) do not make the host exit.
	tracing := flags.String("tracing", "", "Zipkin-compatible tracing endpoint (passed to node)")
	flags.Bool("logtostderr", false, "accepted for compatibility; ignored")
	flags.Bool("logflow", false, "accepted for compatibility; ignored")
	flags.Int("v", 0, "accepted for compatibility; ignored")
	flags.String("root", "", "accepted for compatibility; ignored")
	if err := flags.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}

	engineAddress := ""
	if args := flags.Args(); len(args) > 0 {
		engineAddress = args[len(args)-1]
	}

	host := newNodeHost(nodeHostOptions{EngineAddress: engineAddress, Tracing: *tracing})
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: could not start the gRPC server: %v\n", err)
		os.Exit(1)
	}

	// The engine reads the port from our first line of stdout.
	fmt.Printf("%d\n", handle.Port)

	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: gRPC server stopped: %v\n", err)
		os.Exit(1)
	}
}
