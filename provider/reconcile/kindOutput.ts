/**
 * The output that holds the concrete `@odata.type` of an entity in a polymorphic collection (a flow, a
 * connector, an inbound flow). A change of kind is named by it wherever a plan names changes, on both front
 * ends: it is the property a user sees in the outputs, where `@odata.type` is Graph's wire name, never declared.
 */
export const kindOutputKey = "odataType";
