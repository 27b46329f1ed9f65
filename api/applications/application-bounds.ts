import { ValidateIf } from 'class-validator';

/** The bounds the application's texts share: they bound the body, not the policy. */
export const TEXT = 200;
export const LONG_TEXT = 5000;

/** A document or the office may be null or absent: a policy deficiency (R-APP-1/2/6), not a malformed body. */
export const presentUnlessNull = ValidateIf((_object: object, value: unknown) => value !== null && value !== undefined);
