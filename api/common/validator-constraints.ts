import { getMetadataStorage } from 'class-validator';

/** A JSON Schema object of the OpenAPI document (a component schema or a parameter's schema). */
export type Schema = Record<string, unknown>;

/** A validated class: a request body or query DTO. */
export type ValidatedModel = abstract new (...args: never[]) => unknown;

interface Constraint {
  name?: string;
  constraints?: unknown[];
  each?: boolean;
  /** The `context` of its options (what a 422 detail names: `{ rule }`, …). */
  context?: unknown;
}

/** The validators of each property of `model` (class-validator decorators, inherited ones included). */
export function validatorsOf(model: ValidatedModel): Map<string, Constraint[]> {
  const byProperty = new Map<string, Constraint[]>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(model, '', true, false)) {
    byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
  }
  return byProperty;
}

/** Raises a lower bound / lowers an upper bound, never loosening one the document already states. */
const atLeast = (schema: Schema, key: string, value: number): void => {
  schema[key] = Math.max(Number(schema[key] ?? value), value);
};
const atMost = (schema: Schema, key: string, value: number): void => {
  schema[key] = Math.min(Number(schema[key] ?? value), value);
};

/** What one validator says about a single value, as JSON Schema keywords. */
function constrainValue(schema: Schema, { name, constraints = [] }: Constraint): void {
  const [first] = constraints;
  switch (name) {
    case 'isNotEmpty':
      if (schema.type === 'string') atLeast(schema, 'minLength', 1);
      break;
    case 'minLength':
      atLeast(schema, 'minLength', Number(first));
      break;
    case 'maxLength':
      atMost(schema, 'maxLength', Number(first));
      break;
    case 'isInt':
      schema.type = 'integer';
      break;
    case 'min':
      atLeast(schema, 'minimum', Number(first));
      break;
    case 'max':
      atMost(schema, 'maximum', Number(first));
      break;
    case 'isIn':
      schema.enum ??= first;
      break;
    case 'matches':
      if (first instanceof RegExp) schema.pattern ??= first.source;
      break;
    case 'isEmail':
      schema.format ??= 'email';
      break;
    case 'isUuid':
      schema.format ??= 'uuid';
      break;
    case 'isChongqingDay': // api/common/civil-date.validation.ts (R-CAL-1)
      schema.format ??= 'date';
      break;
    case 'isDayOrInstant':
      schema.anyOf ??= [{ format: 'date' }, { format: 'date-time' }];
      break;
  }
}

/** What one validator says about an array as a whole. */
function constrainArray(schema: Schema, { name, constraints = [] }: Constraint): void {
  const [first] = constraints;
  if (name === 'arrayMinSize') atLeast(schema, 'minItems', Number(first));
  if (name === 'arrayMaxSize') atMost(schema, 'maxItems', Number(first));
  if (name === 'arrayUnique') schema.uniqueItems = true;
}

/**
 * Writes what the validators of a property check into its schema (`minLength` for `@IsNotEmpty`, `maximum` for
 * `@Max`, `type: integer` for `@IsInt`, …), so the document never declares valid a value the API refuses with 422.
 * The validators stay the one source of these bounds; only the checks JSON Schema cannot say (a credit code's check
 * character, a real calendar day) stay documented in prose.
 */
export function constrainProperty(schema: Schema, validators: Constraint[]): void {
  const items = schema.type === 'array' && typeof schema.items === 'object' ? (schema.items as Schema) : undefined;
  for (const validator of validators) {
    if (validator.each && items && !('$ref' in items)) constrainValue(items, validator);
    else if (schema.type === 'array') constrainArray(schema, validator);
    else constrainValue(schema, validator);
  }
}

/** {@link constrainProperty} for every property of the component schema named after each model. */
export function constrainComponentSchemas(schemas: Record<string, Schema>, models: ValidatedModel[]): void {
  for (const model of models) {
    const properties = schemas[model.name]?.properties as Record<string, Schema> | undefined;
    if (!properties) continue;
    for (const [property, validators] of validatorsOf(model)) {
      if (properties[property]) constrainProperty(properties[property], validators);
    }
  }
}
