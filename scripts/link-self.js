// Makes this package resolvable by its own name from the repo's programs (root Pulumi.yaml, examples,
// tests): the serialized provider shim loads the implementation with require("pulumi-industrydata/…")
// at run time, exactly as it does when a user installs the package from the registry.
const fs = require("fs");
const path = require("path");
const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-industrydata");
// Installed as a dependency of someone else's program: nothing to link.
if (path.basename(path.dirname(root)) === "node_modules") process.exit(0);
fs.mkdirSync(path.dirname(link), { recursive: true });
try {
  if (fs.lstatSync(link).isSymbolicLink()) fs.unlinkSync(link);
} catch { /* absent */ }
if (!fs.existsSync(link)) fs.symlinkSync("..", link, "dir");
