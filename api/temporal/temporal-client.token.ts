/** Injection token of the one Temporal `Client` the API uses (provided by TemporalModule). */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** Injection token of the API's Temporal access (config/temporal-access.ts): the client, its certificate's expiry. */
export const TEMPORAL_ACCESS = Symbol('TEMPORAL_ACCESS');
