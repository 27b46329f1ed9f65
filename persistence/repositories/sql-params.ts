/** Collects positional SQL parameters while a query is assembled: `add(value)` answers its `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Appends `value` and answers the placeholder that refers to it. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
