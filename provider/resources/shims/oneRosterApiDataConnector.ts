// The serialized provider of every "oneRosterApiDataConnector" resource (see ../../dynamic/serializedProvider.ts). It stays here,
// outside provider/dynamic, because this file's path is part of stored state: an installed package's
// `__provider` is `require("pulumi-industrydata/dist/provider/resources/shims/oneRosterApiDataConnector.js")`. Never move or rename it.
import { delegatingProvider } from "../../dynamic/delegatingProvider";

export = delegatingProvider("oneRosterApiDataConnector");
