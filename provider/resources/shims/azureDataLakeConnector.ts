// The serialized provider of every "azureDataLakeConnector" resource (see ../shim.ts).
// This file's path is part of stored state: never move or rename it.
import { delegatingProvider } from "./delegatingProvider";

export = delegatingProvider("azureDataLakeConnector");
