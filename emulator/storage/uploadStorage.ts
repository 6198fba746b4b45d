/**
 * The Azure Storage behind `getUploadSession`: Azurite's blob service (the real Azure Storage emulator, npm
 * `azurite`) run in this process on loopback, port 0, in memory, silent, telemetry off. Started lazily (the
 * first call that needs it) unless asked for eagerly; SAS URLs are signed with the account key by the Azure
 * SDK (`@azure/storage-blob`), and the files are read back with the same SDK.
 */
import { BlobServiceClient, ContainerClient, ContainerSASPermissions, generateBlobSASQueryParameters, StorageSharedKeyCredential } from "@azure/storage-blob";

/** Azurite's well-known development account (public: documented by Microsoft for its emulators). */
const ACCOUNT_NAME = "devstoreaccount1";
const ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/** The part of Azurite's (untyped) BlobServer this module uses. */
interface AzuriteBlobServer {
  start(): Promise<void>;
  close(): Promise<void>;
  clean(): Promise<void>;
  getHttpServerAddress(): string;
}

/** One file read back from a container. */
export interface UploadedFile {
  name: string;
  content: Buffer;
}

/** How the storage starts: on first need (default), at emulator start, or never (getUploadSession is a 503). */
export type StorageMode = "lazy" | "eager" | "off";

function loadAzurite(): { createServer(): AzuriteBlobServer } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  // Azurite ships no type declarations; its dist modules are CommonJS.
  const { AzuriteTelemetryClient } = require("azurite/dist/src/common/Telemetry");
  const BlobServer = require("azurite/dist/src/blob/BlobServer").default;
  const BlobConfiguration = require("azurite/dist/src/blob/BlobConfiguration").default;
  const { MemoryExtentChunkStore } = require("azurite/dist/src/common/persistence/MemoryExtentStore");
  /* eslint-enable @typescript-eslint/no-require-imports */
  // No telemetry: the emulator never talks to anything but loopback.
  AzuriteTelemetryClient.enableTelemetry = false;
  return {
    createServer(): AzuriteBlobServer {
      const config = new BlobConfiguration(
        "127.0.0.1", 0, 5, "__blobstorage__", "__extentstorage__", undefined,
        false, undefined, // no access log
        false, undefined, // no debug log
        false, // strict mode (not loose)
        true, // skip the API-version check: any @azure/storage-blob version may upload
        "", "", "", undefined, false,
        true, // in-memory persistence
        new MemoryExtentChunkStore(256 * 1024 * 1024), // this emulator's own chunks (not Azurite's process-wide store)
      );
      return new BlobServer(config) as AzuriteBlobServer;
    },
  };
}

/** The emulator's blob storage. */
export class UploadStorage {
  private server: AzuriteBlobServer | undefined;
  private starting: Promise<string> | undefined;
  private endpoint: string | undefined;
  private stopped = false;

  constructor(readonly mode: StorageMode) {}

  /** The blob endpoint (`http://127.0.0.1:PORT/devstoreaccount1`), or undefined until started. */
  get blobEndpoint(): string | undefined {
    return this.endpoint;
  }

  /** Starts Azurite once; resolves to the blob endpoint. */
  ensureStarted(): Promise<string> {
    if (this.mode === "off") return Promise.reject(new Error("storage is off"));
    if (this.stopped) return Promise.reject(new Error("storage is stopped"));
    this.starting ??= (async () => {
      const server = loadAzurite().createServer();
      await server.start();
      this.server = server;
      const address = server.getHttpServerAddress(); // http://127.0.0.1:PORT
      this.endpoint = `${address}/${ACCOUNT_NAME}`;
      return this.endpoint;
    })();
    return this.starting;
  }

  private async service(): Promise<BlobServiceClient> {
    const endpoint = await this.ensureStarted();
    return new BlobServiceClient(endpoint, new StorageSharedKeyCredential(ACCOUNT_NAME, ACCOUNT_KEY));
  }

  private async container(name: string): Promise<ContainerClient> {
    return (await this.service()).getContainerClient(name);
  }

  /** Creates the container when it does not exist. */
  async ensureContainer(name: string): Promise<void> {
    await (await this.container(name)).createIfNotExists();
  }

  /** A container SAS URL (read, add, create, write, delete, list) valid until `expiresOn` (real time). */
  async sasUrl(name: string, expiresOn: Date): Promise<string> {
    const container = await this.container(name);
    const sas = generateBlobSASQueryParameters(
      { containerName: name, permissions: ContainerSASPermissions.parse("racwdl"), startsOn: new Date(Date.now() - 60_000), expiresOn },
      new StorageSharedKeyCredential(ACCOUNT_NAME, ACCOUNT_KEY),
    );
    return `${container.url}?${sas.toString()}`;
  }

  /** Every blob of the container with its content (none when the container does not exist). */
  async readFiles(name: string): Promise<UploadedFile[]> {
    if (this.mode === "off") return [];
    const container = await this.container(name);
    if (!(await container.exists())) return [];
    const files: UploadedFile[] = [];
    for await (const blob of container.listBlobsFlat()) {
      files.push({ name: blob.name, content: await container.getBlobClient(blob.name).downloadToBuffer() });
    }
    return files;
  }

  /** Stops Azurite (when it was started) and drops its in-memory data. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (!this.starting) return;
    await this.starting.catch(() => undefined);
    if (this.server) {
      await this.server.close();
      await this.server.clean();
    }
  }
}
