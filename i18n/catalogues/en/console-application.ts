import type { CatalogueOf } from '../../catalogue-shape';
import type { consoleApplication as reference } from '../zh-CN/console-application';

export const consoleApplication: CatalogueOf<typeof reference> = {};
