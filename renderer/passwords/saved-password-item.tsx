// One saved password in the list: its label, account, date and servers (never the password), and its
// two actions. Rename opens a small form in place; delete first asks, naming the program that will
// then need the password again (the label names it). Focus stays where the person works: on the form's
// field, on the question's safe answer, and back on the button that opened either.

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeError, SavedPassword } from '../api/types.js';
import { ErrorBox } from '../components/error-box.js';
import { TextField } from '../components/text-field.js';
import { langOf } from '../i18n/index.js';
import type { Said } from '../wizard/use-wizard.js';
import type { ActionResult, SavedPasswords } from './use-saved-passwords.js';

type Mode = 'view' | 'rename' | 'confirm-delete';

interface ItemProps {
  entry: SavedPassword;
  actions: Pick<SavedPasswords, 'rename' | 'remove'>;
  /** Takes focus when shown: the entry just renamed (its old item, and the focus in it, are gone). */
  focusOnShow?: boolean;
}

function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
}

export function SavedPasswordItem({ entry, actions, focusOnShow = false }: ItemProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n);
  const id = useId();
  const [mode, setMode] = useState<Mode>('view');
  const [newLabel, setNewLabel] = useState(entry.label);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<Said<BridgeError> | undefined>();
  const [busy, setBusy] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const labelInput = useRef<HTMLInputElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<'rename' | 'delete' | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the item appears
  useEffect(() => {
    if (focusOnShow) renameButton.current?.focus();
  }, []);

  useEffect(() => {
    if (mode === 'rename') {
      labelInput.current?.focus();
      labelInput.current?.select();
    } else if (mode === 'confirm-delete') keepButton.current?.focus();
    else if (returnFocus.current) {
      (returnFocus.current === 'rename' ? renameButton : deleteButton).current?.focus();
      returnFocus.current = undefined;
    }
  }, [mode]);

  const leave = (from: 'rename' | 'delete') => {
    returnFocus.current = from;
    setMode('view');
    setError(undefined);
    setFieldError(undefined);
  };

  const finish = (result: ActionResult, from: 'rename' | 'delete') => {
    setBusy(false);
    // On success the list is read again: this item goes, or stays when the name did not really change.
    if (result.ok) leave(from);
    else setError(result.error);
  };

  const submitRename = async (event: FormEvent, replace = false) => {
    event.preventDefault();
    if (newLabel.trim() === '') {
      setFieldError(t('passwords.missingLabel'));
      labelInput.current?.focus();
      return;
    }
    setFieldError(undefined);
    setError(undefined);
    setBusy(true);
    finish(await actions.rename(entry, newLabel.trim(), replace), 'rename');
  };

  const confirmDelete = async () => {
    setError(undefined);
    setBusy(true);
    finish(await actions.remove(entry), 'delete');
  };

  const taken = error?.value.code === 'keychain-label-taken';
  const titleId = `${id}-title`;
  return (
    <li
      className="card saved-password"
      aria-labelledby={titleId}
      data-testid="saved-password"
      data-address={entry.address}
      data-label={entry.label}
    >
      <h3 id={titleId} className="card-title">
        {entry.label}
      </h3>
      <dl className="saved-password-facts">
        <div>
          <dt>{t('passwords.account')}</dt>
          <dd data-testid="saved-password-address">{entry.address}</dd>
        </div>
        <div>
          <dt>{t('passwords.saved')}</dt>
          <dd>
            <time dateTime={entry.updated}>{formatDate(entry.updated, lang)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('passwords.servers')}</dt>
          <dd data-testid="saved-password-servers">
            {entry.hosts.length > 0 ? entry.hosts.join(', ') : t('passwords.noServers')}
          </dd>
        </div>
      </dl>

      {mode === 'view' ? (
        <div className="button-row">
          <button
            type="button"
            className="button secondary small"
            ref={renameButton}
            aria-label={t('passwords.renameLabel', { label: entry.label })}
            onClick={() => {
              setNewLabel(entry.label);
              setMode('rename');
            }}
            data-testid="rename-password"
          >
            {t('passwords.rename')}
          </button>
          <button
            type="button"
            className="button secondary small danger-text"
            ref={deleteButton}
            aria-label={t('passwords.deleteLabel', { label: entry.label })}
            onClick={() => setMode('confirm-delete')}
            data-testid="delete-password"
          >
            {t('passwords.delete')}
          </button>
        </div>
      ) : null}

      {mode === 'rename' ? (
        <form
          noValidate
          className="saved-password-form"
          aria-label={t('passwords.renameLabel', { label: entry.label })}
          onSubmit={(event) => void submitRename(event)}
          data-testid="rename-form"
        >
          <TextField
            label={t('passwords.newLabel')}
            hint={t('passwords.newLabelHint')}
            value={newLabel}
            onValueChange={(value) => {
              setNewLabel(value);
              setFieldError(undefined);
              if (taken) setError(undefined);
            }}
            error={fieldError}
            inputRef={labelInput}
            autoComplete="off"
            testId="rename-input"
          />
          {error ? (
            <ErrorBox
              error={error.value}
              lang={error.lang}
              title={t('passwords.renameFailed')}
              showSupport={false}
            />
          ) : null}
          <div className="button-row">
            <button
              type="submit"
              className="button primary small"
              aria-busy={busy || undefined}
              data-testid="rename-save"
            >
              {t('passwords.saveName')}
            </button>
            {taken ? (
              <button
                type="button"
                className="button secondary small"
                onClick={(event) => void submitRename(event, true)}
                aria-describedby={`${id}-replace-hint`}
                data-testid="rename-replace"
              >
                {t('passwords.replace', { label: newLabel.trim() })}
              </button>
            ) : null}
            <button
              type="button"
              className="button secondary small"
              onClick={() => leave('rename')}
              data-testid="rename-cancel"
            >
              {t('actions.cancel')}
            </button>
          </div>
          {taken ? (
            <p id={`${id}-replace-hint`} className="field-hint">
              {t('passwords.replaceHint', { label: newLabel.trim() })}
            </p>
          ) : null}
        </form>
      ) : null}

      {mode === 'confirm-delete' ? (
        <fieldset
          className="callout warning saved-password-confirm"
          aria-describedby={`${id}-confirm-text`}
          data-testid="delete-confirm"
        >
          <legend className="sr-only">{t('passwords.confirmTitle', { label: entry.label })}</legend>
          <div className="callout-body">
            <p className="callout-title" aria-hidden="true">
              {t('passwords.confirmTitle', { label: entry.label })}
            </p>
            <p id={`${id}-confirm-text`}>
              {t('passwords.confirmText', { address: entry.address, label: entry.label })}
            </p>
            {error ? (
              <ErrorBox
                error={error.value}
                lang={error.lang}
                title={t('passwords.deleteFailed')}
                showSupport={false}
              />
            ) : null}
            <div className="button-row">
              <button
                type="button"
                className="button secondary small"
                ref={keepButton}
                onClick={() => leave('delete')}
                data-testid="delete-keep"
              >
                {t('passwords.keep')}
              </button>
              <button
                type="button"
                className="button danger small"
                aria-busy={busy || undefined}
                onClick={() => void confirmDelete()}
                data-testid="delete-confirm-yes"
              >
                {t('passwords.confirmDelete')}
              </button>
            </div>
          </div>
        </fieldset>
      ) : null}
    </li>
  );
}
