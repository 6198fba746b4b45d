/** JSON bodies of fetch answers, typed as the wire shapes the black-box tests read. */

/** A Graph collection answer (GET of a collection). */
export interface GraphCollection<T = unknown> {
  value: T[];
  "@odata.nextLink"?: string;
}

/** Graph's error envelope. */
export interface GraphErrorEnvelope {
  error: { code: string; message: string; innerError?: Record<string, string> };
}

/**
 * A fetch Response's JSON body as the shape the test expects (fetch types it `unknown`); the assertions that
 * follow are what check it.
 */
export async function readJson<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
