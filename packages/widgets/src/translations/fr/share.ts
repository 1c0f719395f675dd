import type { AreaCatalog } from '../catalog.js';
import type { share as en } from '../en/share.js';

export const share: AreaCatalog<typeof en> = {};
