import type { FormInstance } from 'antd';
import type { FormListProps } from 'antd/es/form';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRef } from '../../../../workflows/definitions/message-ref';
import { messageText } from '../message-text';
import { filedNotes, itemOf, liveNotes, type FiledFinding, type Note } from './notes';
import type { ApplicationValues } from './values';

/** A warning-only rule: its messages show under the field in the warning colour and never stop the form's sending. */
type NoteRule = NonNullable<FormListProps['rules']>[number];

const key = (path: (string | number)[]): string => JSON.stringify(path);

const NoteRules = createContext<(item: (string | number)[]) => NoteRule>(() => ({ validator: async () => {} }));

/**
 * Gives every noted item of the application form its rule: R-APP-1..8 run on the whole form's current values, and
 * the shortfalls of this item shown under it with their rule ids (R-APP-4/5 as notes). While the officer has changed
 * nothing, the last filing's own findings are shown there too (a returned case's deficiencies, as the API gave them).
 */
export function NoteRulesProvider({
  form,
  district,
  filed,
  children,
}: {
  form: FormInstance<ApplicationValues>;
  district: string;
  filed: FiledFinding[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ruleOf = useMemo(() => {
    const render = (ref: MessageRef) => messageText(t, ref);
    const textOf = (note: Note) =>
      t(note.flag ? 'console.application.flagNote' : 'console.application.note', { text: note.text, rule: note.rule });
    return (item: (string | number)[]): NoteRule => ({
      warningOnly: true,
      validator: () => {
        const values = form.getFieldsValue(true) as ApplicationValues;
        const notes = [...liveNotes(values, district, render), ...(form.isFieldsTouched() ? [] : filedNotes(filed))];
        const here = notes.filter((note) => note.field !== undefined && key(itemOf(note.field)) === key(item));
        const texts = [...new Set(here.map(textOf))];
        return texts.length > 0 ? Promise.reject(texts) : Promise.resolve();
      },
    });
  }, [form, district, filed, t]);
  return <NoteRules.Provider value={ruleOf}>{children}</NoteRules.Provider>;
}

/** The note rule of an item of the application form (see {@link NoteRulesProvider}). */
export const useNoteRule = () => useContext(NoteRules);
