import i18next, { type i18n, type TOptions } from 'i18next';
import type { Locale, MessageRef } from '../workflows/definitions/message-ref';
import { addCatalogueFormatters, catalogueOptions } from './engine-setup';

/**
 * Renders {@link MessageRef}s in a language, from the catalogues, with i18next. A stage parameter renders as its
 * code beside its name (`returned（已退回）`) through the catalogue's own nesting (`$t(common.stages.{{stage}})`).
 */
export class Translator {
  private readonly engine: i18n;

  constructor() {
    this.engine = i18next.createInstance();
    void this.engine.init(catalogueOptions());
    addCatalogueFormatters(this.engine);
  }

  /** The text of `ref` in `locale`; an unknown code renders as itself (the catalogue tests keep that from shipping). */
  translate(ref: MessageRef, locale: Locale): string {
    const params = Object.fromEntries(
      Object.entries(ref.params ?? {}).map(([name, value]) => [
        name,
        isRef(value) ? this.translate(value, locale) : value,
      ]),
    );
    return this.engine.t(ref.code, { ...params, lng: locale } as TOptions) as string;
  }
}

const isRef = (value: unknown): value is MessageRef =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as MessageRef).code === 'string';

/** The process's one translator (the catalogues are static). */
export const translator = new Translator();
