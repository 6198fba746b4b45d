package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"

	"google.golang.org/protobuf/types/known/emptypb"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/pulumi-industrydata/tools/pulumi-cli/internal/codegenhost"
)

// nodeHostOptions configures a nodeHost.
type nodeHostOptions struct {
	// EngineAddress is the engine's gRPC address from the command line; a Handshake may replace it.
	EngineAddress string
	// Tracing is a Zipkin endpoint forwarded to the program, empty for none.
	Tracing string
}

// nodeHost implements the parts of pulumirpc.LanguageRuntimeServer that deployments and code
// generation (gen-sdk, import) use; the rest (templates, `pulumi install`) answer Unimplemented via
// the embedded type.
type nodeHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
	tracing       string
}

func newNodeHost(opts nodeHostOptions) *nodeHost {
	return &nodeHost{engineAddress: opts.EngineAddress, tracing: opts.Tracing}
}

// Handshake records the engine address the engine announces (newer engines send it here).
func (h *nodeHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if req.GetEngineAddress() != "" {
		h.engineAddress = req.GetEngineAddress()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

// GetPluginInfo reports the Pulumi release this host was built against.
func (h *nodeHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// GetRequiredPackages lists the resource plugins that installed npm packages declare
// (`"pulumi": {"resource": true}` in their package.json), as the upstream host does.
func (h *nodeHost) GetRequiredPackages(
	_ context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	deps, err := requiredPackages(req.GetInfo().GetProgramDirectory())
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: deps}, nil
}

// GetRequiredPlugins is the older form of GetRequiredPackages, still called by some engine paths.
func (h *nodeHost) GetRequiredPlugins(
	_ context.Context, req *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	deps, err := requiredPackages(req.GetInfo().GetProgramDirectory())
	if err != nil {
		return nil, err
	}
	plugins := make([]*pulumirpc.PluginDependency, 0, len(deps))
	for _, d := range deps {
		plugins = append(plugins, &pulumirpc.PluginDependency{
			Name: d.GetName(), Kind: d.GetKind(), Version: d.GetVersion(), Server: d.GetServer(),
		})
	}
	return &pulumirpc.GetRequiredPluginsResponse{Plugins: plugins}, nil
}

// Run executes the program with node and @pulumi/pulumi's cmd/run, wiring its output to ours
// (the engine shows a plugin's stdout/stderr to the user).
func (h *nodeHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	h.mu.Lock()
	engineAddress := h.engineAddress
	h.mu.Unlock()

	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("could not find node on the $PATH: %w", err)
	}
	programDir := req.GetInfo().GetProgramDirectory()
	if programDir == "" {
		programDir = req.GetPwd()
	}
	runPath, err := resolveRunScript(ctx, nodeBin, programDir)
	if err != nil {
		return nil, err
	}

	command, err := buildRunCommand(runCommandOptions{
		Request:       req,
		RunScript:     runPath,
		EngineAddress: engineAddress,
		Tracing:       h.tracing,
	})
	if err != nil {
		return nil, err
	}

	cmd := exec.CommandContext(ctx, nodeBin, command.Args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = append(os.Environ(), command.Env...)
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	return runResponseFor(cmd.Run()), nil
}

// exitCodeAlreadyReported is the exit code @pulumi/pulumi's cmd/run uses after it has logged the
// error to the engine itself; the host then tells the engine to bail without adding a message.
const exitCodeAlreadyReported = 32

// runResponseFor maps the program's exit to the engine's RunResponse.
func runResponseFor(err error) *pulumirpc.RunResponse {
	if err == nil {
		return &pulumirpc.RunResponse{}
	}
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		if exitErr.ExitCode() == exitCodeAlreadyReported {
			return &pulumirpc.RunResponse{Bail: true}
		}
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
		}
	}
	return &pulumirpc.RunResponse{Error: fmt.Sprintf("Problem executing program (could not run node): %v", err)}
}

// resolveRunScript finds @pulumi/pulumi/cmd/run the way the program itself would resolve the SDK
// (node_modules of the program directory or its parents, NODE_PATH), so program and runner share
// one copy of @pulumi/pulumi.
func resolveRunScript(ctx context.Context, nodeBin, programDir string) (string, error) {
	cmd := exec.CommandContext(ctx, nodeBin, "-e", `process.stdout.write(require.resolve("@pulumi/pulumi/cmd/run"))`)
	cmd.Dir = programDir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf(
			"could not find @pulumi/pulumi from %s (has `npm install` been run?): %v: %s",
			programDir, err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

// GeneratePackage writes the Node.js SDK of a package (`pulumi package gen-sdk --language nodejs`).
func (h *nodeHost) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return codegenhost.GeneratePackage(ctx, codegenhost.Languages["nodejs"], req)
}

// GenerateProgram writes TypeScript for a PCL program (the code `pulumi import` prints).
func (h *nodeHost) GenerateProgram(
	ctx context.Context, req *pulumirpc.GenerateProgramRequest,
) (*pulumirpc.GenerateProgramResponse, error) {
	return codegenhost.GenerateProgram(ctx, codegenhost.Languages["nodejs"], req)
}
