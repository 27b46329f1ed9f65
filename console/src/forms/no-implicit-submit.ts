import type { KeyboardEvent } from 'react';

/**
 * A long form is sent with its button only: Enter in a field (confirming a date, choosing an option) would otherwise
 * send a half-filled application — a filing the officer did not mean, answered with a case. The field's own Enter
 * handling has already run when this reaches the form.
 */
export function noImplicitSubmit(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
}
