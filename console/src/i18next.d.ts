import 'i18next';
import type { zhCN } from '../../i18n/catalogues/zh-CN';

/** Catalogue keys are checked when the console compiles: `t('console.signOut')`, never a key that does not exist. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
