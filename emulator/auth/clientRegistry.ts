/**
 * The app registrations and trusted federated issuers the token endpoint knows (from options and the admin
 * API). Secrets stay here, in memory; listings never include them.
 */
import { FederatedIssuer, RegisteredClient } from "../options";
import { ALL_READ_WRITE } from "./permissions";

/** A client as listed by the admin API: no secret, no certificate body. */
export interface ClientSummary {
  clientId: string;
  hasSecret: boolean;
  hasCertificate: boolean;
  federatedSubjects: string[];
  roles: string[];
}

/** Registered clients and federated issuers. */
export class ClientRegistry {
  private clients = new Map<string, RegisteredClient>();
  private issuers = new Map<string, FederatedIssuer>();

  constructor(options: { clients: RegisteredClient[]; federatedIssuers: FederatedIssuer[] }) {
    options.clients.forEach((c) => this.register(c));
    options.federatedIssuers.forEach((i) => this.trustIssuer(i));
  }

  /** Adds or replaces a client (by clientId, case-insensitively). */
  register(client: RegisteredClient): void {
    this.clients.set(client.clientId.toLowerCase(), { ...client, roles: client.roles ?? [...ALL_READ_WRITE] });
  }

  unregister(clientId: string): boolean {
    return this.clients.delete(clientId.toLowerCase());
  }

  get(clientId: string): RegisteredClient | undefined {
    return this.clients.get(clientId.toLowerCase());
  }

  /** Adds or replaces a trusted federated issuer (by `issuer`). */
  trustIssuer(issuer: FederatedIssuer): void {
    this.issuers.set(issuer.issuer, issuer);
  }

  issuer(iss: string): FederatedIssuer | undefined {
    return this.issuers.get(iss);
  }

  /** Clients without their secrets. */
  list(): ClientSummary[] {
    return [...this.clients.values()].map((c) => ({
      clientId: c.clientId,
      hasSecret: Boolean(c.clientSecret),
      hasCertificate: Boolean(c.certificatePem),
      federatedSubjects: c.federatedSubjects ?? [],
      roles: c.roles ?? [],
    }));
  }
}
