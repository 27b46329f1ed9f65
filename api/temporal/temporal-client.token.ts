/** Injection token of the one Temporal `Client` the API uses: injected by `TemporalGateway` only (TemporalModule). */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/**
 * Injection token of the API's Temporal access (config/temporal-access.ts): the client, its certificate's expiry. The
 * metrics read the expiry from it; the client is the gateway's.
 */
export const TEMPORAL_ACCESS = Symbol('TEMPORAL_ACCESS');
