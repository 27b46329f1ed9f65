/**
 * The shape every other language's catalogue must have: the same keys as the zh-CN one (the reference), each a
 * string. A missing or extra key in `en` does not compile; `test/unit/catalogues.test.ts` also compares the
 * `{{parameters}}` each text uses.
 */
export type CatalogueOf<Reference> = {
  [Key in keyof Reference]: Reference[Key] extends string ? string : CatalogueOf<Reference[Key]>;
};
