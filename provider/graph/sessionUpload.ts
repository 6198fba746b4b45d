/**
 * Uploads CSV files to an upload session's container: the `sessionUrl` of Graph's `getUploadSession` is an Azure
 * Storage SAS URL, written to with Microsoft's own client (`@azure/storage-blob`, the SDK Graph's docs point to),
 * so block sizes, retries and the SAS rules are the service's, not ours. The SAS signature is a secret: it is
 * registered for redaction before the first request, and every error leaving here is redacted.
 */
import type { StoragePipelineOptions } from "@azure/storage-blob";
import { redactSasUrl, redactSecrets } from "./redactSecrets";

/** A file to upload and the blob name it gets (its SDS file name: names are case-sensitive). */
export interface UploadedFile {
  name: string;
  path: string;
  bytes: number;
}

/** Options of {@link uploadToSession}. */
export interface SessionUploadOptions {
  /** Called as bytes go out (progress display): the file and the bytes of it sent so far. */
  onProgress?(file: UploadedFile, sentBytes: number): void;
  /** Concurrent files (default 2). */
  concurrency?: number;
  /** Storage client retry tuning; tests shorten it. */
  retryOptions?: StoragePipelineOptions["retryOptions"];
}

/** Uploads every file as a block blob named after it; resolves when all are stored. */
export async function uploadToSession(sessionUrl: string, files: UploadedFile[], options: SessionUploadOptions = {}): Promise<void> {
  const shown = redactSasUrl(sessionUrl);
  // Loaded here, not at the top: the storage client is half a second of module loading, and everything that
  // imports the Graph client (the provider plugin on every start) would pay it without ever uploading.
  const { AnonymousCredential, ContainerClient } = await import("@azure/storage-blob");
  // The SAS in the URL is the credential (AnonymousCredential: no other auth header is added).
  const container = new ContainerClient(sessionUrl, new AnonymousCredential(), {
    ...(options.retryOptions !== undefined ? { retryOptions: options.retryOptions } : {}),
    // The SDK logs nothing unless AZURE_LOG_LEVEL asks; even then its sanitizer drops query strings.
  });
  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const current = file;
      try {
        await container.getBlockBlobClient(current.name).uploadFile(current.path, {
          blobHTTPHeaders: { blobContentType: "text/csv; charset=utf-8" },
          onProgress: (progress) => options.onProgress?.(current, progress.loadedBytes),
        });
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        const code = (error as { code?: string }).code;
        const message = redactSecrets(error instanceof Error ? error.message : String(error));
        throw new Error(`uploading ${current.name} to the upload session (${shown}) failed${status !== undefined ? `: ${status}` : ""}${code !== undefined ? ` ${code}` : ""}: ${message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 2, files.length)) }, worker));
}
