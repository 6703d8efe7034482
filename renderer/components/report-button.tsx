// "Copy report for the helpdesk": core's report of the test on screen, as text on the clipboard, never
// a password. Where the clipboard refuses, the text is shown for copying by hand.

import ClipboardCopy from 'lucide-react/icons/clipboard-copy';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ReportButton({ report }: { report: () => Promise<string> }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [text, setText] = useState('');

  const copy = async () => {
    let value: string;
    try {
      value = await report();
    } catch {
      setStatus('failed');
      return;
    }
    setText(value);
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <div className="report">
      <button type="button" className="button secondary" onClick={copy} data-testid="copy-report">
        <ClipboardCopy className="inline-icon" />
        {t('test.copyReport')}
      </button>
      <div aria-live="polite" className="report-status" data-testid="report-status">
        {status === 'copied' ? t('test.reportCopied') : status === 'failed' ? t('test.reportNotCopied') : ''}
      </div>
      {status === 'failed' ? (
        <label className="report-text">
          <span className="field-label">{t('test.reportText')}</span>
          <textarea readOnly value={text} rows={10} className="input mono" data-testid="report-text" />
        </label>
      ) : null}
    </div>
  );
}
