/** Injection token of the one Temporal `Client` the API uses (provided by TemporalModule). */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
