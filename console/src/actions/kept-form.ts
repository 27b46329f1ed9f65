import type { FormInstance } from 'antd';
import { useEffect } from 'react';

const PREFIX = 'parkflow.form.';

/**
 * Keeps a half-filled form in the tab's sessionStorage under `key`: an officer whose session expired signs in again
 * and finds the form as they left it. Restored once when the form mounts; cleared with {@link forgetForm} once sent.
 */
export function useKeptForm(form: FormInstance, key: string): { keep: () => void; forget: () => void } {
  useEffect(() => {
    const stored = sessionStorage.getItem(PREFIX + key);
    if (stored) form.setFieldsValue(JSON.parse(stored) as object);
  }, [form, key]);
  return {
    keep: () => sessionStorage.setItem(PREFIX + key, JSON.stringify(form.getFieldsValue(true))),
    forget: () => forgetForm(key),
  };
}

/** Drops a kept form (sent, or abandoned). */
export const forgetForm = (key: string): void => sessionStorage.removeItem(PREFIX + key);

/** Drops every kept form: an officer who signs out leaves nothing half-filled for the next one at this screen. */
export function forgetAllForms(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}
