/**
 * The `--data FILE` store: the tenant as one JSON document, loaded at start and rewritten after every change
 * atomically (temp file, fsync, rename), so a crash never leaves half a file. A file that is not valid JSON
 * or not a tenant is a startup error naming the file: never silently emptied. Passwords are kept as hashes.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { emptyTenant, TenantState } from "../model/tenant";
import { MemoryStore } from "./memoryStore";

/** Checks a parsed document and returns it as a tenant (throws with the reason otherwise). */
export type StateChecker = (doc: unknown) => TenantState;

/** A corrupt or unreadable data file. */
export class DataFileError extends Error {
  override readonly name = "DataFileError";
}

/** Persists the tenant to a JSON file. */
export class FileStore extends MemoryStore {
  private writing: Promise<void> = Promise.resolve();
  private pending: Promise<void> | undefined;

  constructor(private readonly options: { file: string; check: StateChecker }) {
    super();
  }

  override async init(): Promise<void> {
    let text: string;
    try {
      text = await fs.readFile(this.options.file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw new DataFileError(`Cannot read emulator data file ${this.options.file}: ${(e as Error).message}`);
      this.state = emptyTenant();
      await fs.mkdir(path.dirname(path.resolve(this.options.file)), { recursive: true });
      return this.persist();
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new DataFileError(`Emulator data file ${this.options.file} is corrupt (not valid JSON: ${(e as Error).message}). Fix it or move it away; it was left untouched.`);
    }
    try {
      this.state = this.options.check(doc);
    } catch (e) {
      throw new DataFileError(`Emulator data file ${this.options.file} is corrupt (${(e as Error).message}). Fix it or move it away; it was left untouched.`);
    }
  }

  override async close(): Promise<void> {
    await this.writing;
  }

  /**
   * Writes the current state. Writes never overlap; changes made while one is in flight are coalesced into
   * the next, which every caller that made them awaits.
   */
  protected override persist(): Promise<void> {
    if (this.pending) return this.pending;
    this.pending = this.writing.then(() => {
      this.pending = undefined;
      return this.writeNow(JSON.stringify(this.state, null, 1));
    });
    this.writing = this.pending.catch(() => undefined);
    return this.pending;
  }

  private async writeNow(text: string): Promise<void> {
    const tmp = `${this.options.file}.${process.pid}.tmp`;
    const handle = await fs.open(tmp, "w", 0o600);
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, this.options.file);
  }
}
