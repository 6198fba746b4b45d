/**
 * Suite-wide secret-leak scan, as a jest reporter (jest.config.js `reporters`). For every test file it scans
 * what the run makes visible, and fails the run if any registered test secret (test/support/testSecrets.ts,
 * in any of the forms of leakMatcher.ts: as is, URL-encoded, JSON-escaped, base64) or anything shaped like a
 * credential (a JWT, `Bearer <token>`, a private key, a per-run secret's shape) appears:
 *
 * - the file's console output (jest's per-file buffer, `testResult.console`);
 * - every failure message, assertion error, failure detail and test-file error;
 * - everything written to the process's stdout and stderr while the run lasts: the workers' output (piped
 *   into this process), direct `process.stdout.write` calls, and console output jest does not buffer (a
 *   single test file runs verbose and prints its console straight through); attributed to the files running
 *   at the time;
 * - findings spooled by scanKeptOutput.ts, which harnesses call on the output they keep of the processes
 *   under test (the provider host's stdout/stderr), in the folder named by INDUSTRYDATA_LEAK_SPOOL.
 *
 * At the end it prints which file leaked which secret (by number, registry name and length, never the value)
 * and makes the run fail through jest's reporter error API (`getLastError`), which sets the exit code.
 *
 * Plain CommonJS so jest loads it without a transform; the two TypeScript modules it shares with the tests
 * are compiled on load with the project's TypeScript (both are free of imports but Node's own).
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const Module = require("node:module");

const SPOOL_ENV = "INDUSTRYDATA_LEAK_SPOOL";
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
/** Stream chunks are scanned with this much of the previous chunk, so a secret split across writes is seen. */
const TAIL = 512;

/** Loads a dependency-free TypeScript module by compiling it to CommonJS in memory. */
function requireTypeScript(file) {
  const ts = require("typescript");
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: file,
  });
  const loaded = new Module(file, module);
  loaded.filename = file;
  loaded.paths = Module._nodeModulePaths(path.dirname(file));
  loaded._compile(outputText, file);
  return loaded.exports;
}

class LeakReporter {
  constructor(globalConfig) {
    this._rootDir = globalConfig.rootDir;
    const { leakMatcher, safeJson, TOKEN_SHAPES } = requireTypeScript(path.join(__dirname, "leakMatcher.ts"));
    const { registeredSecrets, generatedSecretShapes } = requireTypeScript(path.join(__dirname, "testSecrets.ts"));
    this._safeJson = safeJson;
    this._matcher = leakMatcher({
      secrets: registeredSecrets().map(({ name, value }, index) => ({ label: `registered secret #${index + 1} ${name}`, value })),
      shapes: [...TOKEN_SHAPES, ...generatedSecretShapes()],
    });
    this._unhook = [];
  }

  /** Per run (watch mode runs again): fresh findings, spool and stream hooks, before any worker starts. */
  onRunStart() {
    /** file (relative) -> finding -> set of places it was seen */
    this._findings = new Map();
    this._running = new Set();
    this._counts = { files: 0, consoleEntries: 0, failureTexts: 0, streamBytes: 0, keptOutputs: 0 };
    this._error = undefined;
    /** Scans of the process streams that threw: each one makes the run fail. */
    this._scanFailures = [];
    // Always a fresh spool, also when an outer jest run set one (the reporter's own test runs jest inside jest).
    // Workers inherit the variable: jest forks them after onRunStart.
    this._spool = fs.mkdtempSync(path.join(os.tmpdir(), "industrydata-leak-spool-"));
    this._spoolRead = new Map();
    process.env[SPOOL_ENV] = this._spool;
    for (const unhook of this._unhook) unhook();
    this._unhook = [this._hook(process.stdout, "stdout"), this._hook(process.stderr, "stderr")];
  }

  onTestFileStart(test) {
    this._running.add(test.path);
  }

  onTestFileResult(test, testResult) {
    this._running.delete(test.path);
    this._counts.files += 1;
    const file = testResult.testFilePath || test.path;
    for (const entry of testResult.console ?? []) {
      this._counts.consoleEntries += 1;
      this._scan(file, `console.${entry.type}`, entry.message);
    }
    const failures = [["failure message", testResult.failureMessage]];
    if (testResult.testExecError) {
      failures.push(["test file error", `${testResult.testExecError.message}\n${testResult.testExecError.stack ?? ""}`]);
    }
    for (const assertion of testResult.testResults ?? []) {
      for (const message of assertion.failureMessages ?? []) failures.push([`assertion error in "${assertion.fullName}"`, message]);
      for (const detail of assertion.failureDetails ?? []) failures.push([`failure details of "${assertion.fullName}"`, this._safeJson(detail)]);
    }
    for (const [where, text] of failures) {
      if (!text) continue;
      this._counts.failureTexts += 1;
      this._scan(file, where, text);
    }
    this._readSpool();
  }

  onRunComplete(_contexts, results) {
    for (const unhook of this._unhook) unhook();
    this._unhook = [];
    if (results?.runExecError) this._scan(undefined, "run error", `${results.runExecError.message}\n${results.runExecError.stack ?? ""}`);
    this._readSpool();
    fs.rmSync(this._spool, { recursive: true, force: true });
    if (process.env[SPOOL_ENV] === this._spool) delete process.env[SPOOL_ENV];

    const c = this._counts;
    const searched =
      `${c.files} test files: ${c.consoleEntries} console entries, ${c.failureTexts} failure texts, ` +
      `${(c.streamBytes / 1024).toFixed(1)} KiB of process output, ${c.keptOutputs} kept outputs of processes under test`;
    const failed = this._scanFailures.length > 0
      ? `Secret leak scan FAILED: the scan itself failed ${this._scanFailures.length} time(s), so the output it missed is unchecked:\n` +
        this._scanFailures.slice(0, 5).map((f) => `  ${f}`).join("\n") + "\n"
      : "";
    if (this._findings.size === 0) {
      if (failed) {
        process.stderr.write(`\n${failed}`);
        this._error = new Error(failed);
        return;
      }
      process.stderr.write(`Secret leak scan: nothing found (searched ${searched}).\n`);
      return;
    }
    const lines = [];
    for (const [file, findings] of this._findings) {
      lines.push(`  ${file}`);
      for (const [what, places] of findings) lines.push(`    ${what} appeared in ${[...places].join("; ")}`);
    }
    const report = `Secret leak scan FAILED: secrets or credential-shaped text in the run's visible output (searched ${searched}):\n${lines.join("\n")}\n${failed}`;
    process.stderr.write(`\n${report}`);
    this._error = new Error(report);
  }

  /** jest marks the run failed (exit code 1) when a reporter has an error here after onRunComplete. */
  getLastError() {
    return this._error;
  }

  _scan(testPath, where, text) {
    for (const what of this._matcher.find(String(text).replace(ANSI, ""))) this._record(testPath, what, where);
  }

  _record(testPath, what, where) {
    const file = testPath ? path.relative(this._rootDir, testPath) : "(no single test file)";
    if (!this._findings.has(file)) this._findings.set(file, new Map());
    const findings = this._findings.get(file);
    if (!findings.has(what)) findings.set(what, new Set());
    findings.get(what).add(where);
  }

  /** Scans every write to `stream` (with a tail of the previous one) until unhooked. */
  _hook(stream, name) {
    const original = stream.write;
    let tail = "";
    const reporter = this;
    const hooked = function write(chunk, ...rest) {
      try {
        const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
        reporter._counts.streamBytes += text.length;
        const before = tail;
        const window = (tail + text).replace(ANSI, "");
        tail = window.slice(-TAIL);
        let found = reporter._matcher.find(window);
        // What the tail alone holds was recorded with the previous write.
        if (found.length > 0 && before) found = found.filter((what) => !reporter._matcher.find(before).includes(what));
        if (found.length > 0) {
          const running = [...reporter._running];
          const where = `process ${name}${running.length > 1 ? ` (while ${running.length} files ran)` : ""}`;
          const files = running.length > 0 ? running : [undefined];
          for (const what of found) for (const file of files) reporter._record(file, what, where);
        }
      } catch (error) {
        // The output itself still goes through, but a scan that failed proved nothing: the run fails (onRunComplete).
        reporter._scanFailures.push(`${name}: ${error instanceof Error ? error.stack || error.message : String(error)}`);
      }
      return original.call(this, chunk, ...rest);
    };
    stream.write = hooked;
    // The default reporter puts the real write back at the end of the run: only undo our own hook.
    return () => {
      if (stream.write === hooked) stream.write = original;
    };
  }

  /** Reads spool lines not read yet (scanKeptOutput.ts appends them, one JSON finding a line, per process). */
  _readSpool() {
    let names;
    try {
      names = fs.readdirSync(this._spool);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(this._spool, name);
      const text = fs.readFileSync(file, "utf8");
      const from = this._spoolRead.get(file) ?? 0;
      const complete = text.lastIndexOf("\n") + 1;
      if (complete <= from) continue;
      this._spoolRead.set(file, complete);
      for (const line of text.slice(from, complete).split("\n")) {
        if (!line) continue;
        const entry = JSON.parse(line);
        this._counts.keptOutputs += 1;
        for (const what of entry.findings) this._record(entry.testPath, what, `kept output: ${entry.source}`);
      }
    }
  }
}

module.exports = LeakReporter;
