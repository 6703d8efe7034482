// The shape of core's message catalogue, apart from the index that joins its parts: every part file
// names this type, and the index imports every part, so the type living in the index made a circle.

import type { Lang } from '../model.js';

/** Per language, message key → template with `{name}` parameters. */
export type Catalogue = Record<Lang, Record<string, string>>;
