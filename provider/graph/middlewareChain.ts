import type { AuthenticationProvider, Middleware } from "@microsoft/microsoft-graph-client";
import { AuthenticationMiddleware } from "./middleware/authenticationMiddleware";
import { ClientRequestIdMiddleware } from "./middleware/clientRequestIdMiddleware";
import { DeadlineMiddleware } from "./middleware/deadlineMiddleware";
import { FailureCaptureMiddleware } from "./middleware/failureCaptureMiddleware";
import { NodeHttpTransport } from "./middleware/nodeHttpTransport";
import { PlainHttpGuardMiddleware } from "./middleware/plainHttpGuardMiddleware";
import { PreferHeaderMiddleware } from "./middleware/preferHeaderMiddleware";
import { RetryMiddleware } from "./middleware/retryMiddleware";
import { exponentialRetryStrategy, type ExponentialRetryOptions } from "./retry/exponentialRetryStrategy";
import { throttlingRetryStrategy } from "./retry/throttlingRetryStrategy";

/** What the chain is assembled from. */
export interface MiddlewareChainOptions {
  /** The library's token-credential provider (over our cached credential). */
  authenticationProvider: AuthenticationProvider;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Back-off tuning (tests shorten it). */
  backoff?: ExponentialRetryOptions;
  /** CA certificates for https (see `trustedCertificates`). */
  ca?: string[];
  /** Clock and sleep for the retry loop (default: real time). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The whole request pipeline, in the order a request goes through it. It replaces the library's default
 * chain (Authentication, Retry, Redirect, Telemetry, fetch): its RetryHandler has neither our per-method rules
 * nor a deadline, and we follow no redirects (a token must go only where the guard allowed).
 */
export function createMiddlewareChain(options: MiddlewareChainOptions): { middleware: Middleware[]; transport: NodeHttpTransport } {
  const now = options.now ?? Date.now;
  const transport = new NodeHttpTransport(options.ca !== undefined ? { ca: options.ca } : {});
  const middleware: Middleware[] = [
    // Outermost, so that any error below is kept with its type before the library wraps it.
    new FailureCaptureMiddleware(),
    // Once per request, before retries: every attempt carries the same client-request-id.
    new ClientRequestIdMiddleware(),
    new PreferHeaderMiddleware(),
    // The retry loop; throttling (Retry-After) first, then jittered exponential back-off.
    new RetryMiddleware({
      maxRetries: options.maxRetries,
      strategies: [throttlingRetryStrategy({ now }), exponentialRetryStrategy(options.backoff)],
      now,
      ...(options.sleep !== undefined ? { sleep: options.sleep } : {}),
    }),
    // Per attempt: what is left of the operation timeout bounds the wait for an answer.
    new DeadlineMiddleware(now),
    // Before a token is fetched: no bearer token over plain http except to loopback.
    new PlainHttpGuardMiddleware(),
    // Per attempt, so a retry after a long throttle uses a still-valid token (the credential caches it).
    new AuthenticationMiddleware(options.authenticationProvider),
    // Last: Node http(s), with the configured CA.
    transport,
  ];
  return { middleware, transport };
}
