import * as pulumi from "@pulumi/pulumi";
import type { ApiFormat } from "../../schema/enums";
import type { OAuthClientCredentialArgs, OneRosterApiDataConnectorProps as Props } from "../../schema/types";
import type { DeepInput } from "../inputTypes";
import { IndustrydataResource } from "../industrydataResource";

/** Arguments of a {@link OneRosterApiDataConnector}. */
export interface OneRosterApiDataConnectorArgs {
  /**
   * Adopt the existing entity with this id instead of creating one: the provider reads it and PATCHes only what
   * differs from these arguments. Changing this replaces the resource. The credential is sent once: its secret
   * cannot be compared.
   */
  dataConnectorId?: pulumi.Input<string>;
  /** Delete the entity from the tenant on destroy. Default: true for a created one, false for an adopted one. */
  deleteOnDestroy?: pulumi.Input<boolean>;
  /**
   * Id of the source system the connector brings data for (written as `sourceSystem@odata.bind`). Graph cannot
   * change it in place: changing this replaces the resource (and the inbound flows bound to it).
   */
  sourceSystemId: pulumi.Input<string>;
  /** The connector's name (1 to 100 characters). */
  displayName: DeepInput<Props["displayName"]>;
  /** The API format: `"oneRoster"`. */
  apiFormat: DeepInput<Props["apiFormat"]>;
  /** The OneRoster base URL (https only), e.g. `https://sis.example.com/ims/oneroster/v1p1`. */
  baseUrl: DeepInput<Props["baseUrl"]>;
  /** The OneRoster API version, e.g. `"1.1"` or `"1.2"`. */
  apiVersion: DeepInput<Props["apiVersion"]>;
  /** Whether the optional contacts data is read. */
  isContactsEnabled: DeepInput<Props["isContactsEnabled"]>;
  /** Whether the optional demographics data is read. */
  isDemographicsEnabled: DeepInput<Props["isDemographicsEnabled"]>;
  /** Whether the optional flags data is read. */
  isFlagsEnabled: DeepInput<Props["isFlagsEnabled"]>;
  /**
   * The OAuth client credential the connector signs in to the OneRoster API with: OAuth 2
   * (`oAuth2ClientCredential`) when `tokenUrl` is given (https), else OAuth 1. `clientSecret` is write-only: Graph
   * never returns it, so a change of the declared value (kept salted-hashed in state) is the change. Any change (a
   * rotation, a new client id) resends the whole credential in one PATCH. Only the secret is secret: the resource
   * carries it in its own secret input, `clientSecret`, so plans show every other part of the credential value by
   * value, and a rotation as `clientSecret` (and the revision marker in its place) changing, never the value.
   */
  credential: DeepInput<Props["credential"]>;
}

/**
 * A School Data Sync OneRoster API connector (Graph `oneRosterApiDataConnector`): the roster is read from a
 * OneRoster REST API with an OAuth client credential. Bound to a source system by `sourceSystemId`; inbound API
 * flows point at it with `dataConnectorId`. Created with POST, or adopted with `dataConnectorId`; updated with one
 * PATCH holding only what differs. `credential.isValid` and `credential.lastValidDateTime` are Graph's (set by its
 * validate action): outputs only, never drift.
 *
 * Graph permission: `IndustryData-DataConnector.ReadWrite.All`.
 *
 * Id: the connector id (a GUID).
 *
 * @example
 * ```ts
 * const api = new OneRosterApiDataConnector("oneroster", {
 *   sourceSystemId: source.id,
 *   displayName: "SIS OneRoster",
 *   apiFormat: "oneRoster",
 *   baseUrl: "https://sis.example.com/ims/oneroster/v1p1",
 *   apiVersion: "1.1",
 *   isContactsEnabled: false, isDemographicsEnabled: false, isFlagsEnabled: false,
 *   credential: {
 *     displayName: "SIS client", clientId: "530be723-…", tokenUrl: "https://sis.example.com/oauth/token",
 *     clientSecret: config.requireSecret("oneRosterClientSecret"),
 *   },
 * });
 * ```
 */
export class OneRosterApiDataConnector extends IndustrydataResource {
  /** Graph id of the connector (the resource id too): the `dataConnectorId` of its inbound flows. */
  declare readonly dataConnectorId: pulumi.Output<string>;
  /** Whether destroying the resource deletes the connector in the tenant. */
  declare readonly deleteOnDestroy: pulumi.Output<boolean | undefined>;
  /** The bound source system, as read from Graph (`$expand=sourceSystem`). */
  declare readonly sourceSystemId: pulumi.Output<string>;
  /** `displayName` as read from Graph. */
  declare readonly displayName: pulumi.Output<string>;
  /** `apiFormat` as read from Graph. */
  declare readonly apiFormat: pulumi.Output<ApiFormat>;
  /** `baseUrl` as read from Graph. */
  declare readonly baseUrl: pulumi.Output<string>;
  /** `apiVersion` as read from Graph. */
  declare readonly apiVersion: pulumi.Output<string>;
  /** `isContactsEnabled` as read from Graph. */
  declare readonly isContactsEnabled: pulumi.Output<boolean>;
  /** `isDemographicsEnabled` as read from Graph. */
  declare readonly isDemographicsEnabled: pulumi.Output<boolean>;
  /** `isFlagsEnabled` as read from Graph. */
  declare readonly isFlagsEnabled: pulumi.Output<boolean>;
  /** `credential` as read from Graph: no clientSecret (never returned), with Graph's `isValid` and `lastValidDateTime`. */
  declare readonly credential: pulumi.Output<
    Omit<OAuthClientCredentialArgs, "clientSecret"> & { isValid?: boolean; lastValidDateTime?: string | null }
  >;

  constructor(name: string, args: OneRosterApiDataConnectorArgs, opts?: pulumi.CustomResourceOptions) {
    super("oneRosterApiDataConnector", name, args, opts);
  }
}
