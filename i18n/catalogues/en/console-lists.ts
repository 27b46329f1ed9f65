import type { CatalogueOf } from '../../catalogue-shape';
import type { consoleLists as reference } from '../zh-CN/console-lists';

export const consoleLists: CatalogueOf<typeof reference> = {};
