import type { CatalogueOf } from '../../catalogue-shape';
import type { zhCN } from '../zh-CN';
import { common } from './common';
import { consoleTexts } from './console';
import { documents } from './documents';
import { errors } from './errors';
import { notices } from './notices';
import { rules } from './rules';
import { validation } from './validation';

export const en: CatalogueOf<typeof zhCN> = {
  common,
  errors,
  rules,
  notices,
  validation,
  documents,
  console: consoleTexts,
};
