// Detect's sources as a live list: which one is being asked, and what each answered.

import CircleCheck from 'lucide-react/icons/circle-check';
import CircleDashed from 'lucide-react/icons/circle-dashed';
import CircleMinus from 'lucide-react/icons/circle-minus';
import CircleX from 'lucide-react/icons/circle-x';
import LoaderCircle from 'lucide-react/icons/loader-circle';
import ShieldAlert from 'lucide-react/icons/shield-alert';
import { useTranslation } from 'react-i18next';
import type { SourceRow, SourceState } from '../logic/source-progress.js';

const ICONS: Readonly<Record<SourceState, typeof CircleCheck>> = {
  asking: LoaderCircle,
  found: CircleCheck,
  'not-found': CircleMinus,
  untrusted: ShieldAlert,
  failed: CircleX,
  skipped: CircleDashed,
  cancelled: CircleMinus,
};

export function SourceProgress({ rows }: { rows: readonly SourceRow[] }) {
  const { t } = useTranslation();
  return (
    <ol className="source-list" aria-label={t('settings.progressLabel')} data-testid="source-list">
      {rows.map((row) => {
        const Icon = ICONS[row.state];
        return (
          <li
            key={row.source}
            className={`source-row ${row.state}`}
            data-testid={`source-${row.source}`}
            data-state={row.state}
          >
            <Icon className={`state-icon ${row.state}${row.state === 'asking' ? ' spin' : ''}`} />
            <span className="source-name">{t(`sources.${row.source}`)}</span>
            <span className="source-state">{t(`sourceStates.${row.state}`)}</span>
            {row.targets.length > 0 ? <span className="source-target mono">{row.targets.at(-1)}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
