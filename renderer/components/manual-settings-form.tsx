// "Change settings": the servers by hand. Encryption is SSL/TLS or STARTTLS; there is no unencrypted
// choice. The port follows the protocol and encryption until the person types their own. Only the
// incoming protocols the administrator's policy allows are offered.

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncomingProtocol, Protocol, Security, ServerSettings } from '../api/types.js';
import { isHostName, parsePort } from '../logic/host-check.js';
import { INCOMING_PROTOCOLS } from '../logic/policy.js';
import { type ChosenServers, DEFAULT_PORTS } from '../logic/servers.js';
import { RadioGroup } from './radio-group.js';
import { TextField } from './text-field.js';

interface ManualSettingsFormProps {
  address: string;
  initial?: ChosenServers;
  initialProtocol: IncomingProtocol;
  /** The incoming protocols that may be chosen (the policy's); both when absent. */
  protocols?: readonly IncomingProtocol[];
  onSave: (servers: ChosenServers) => void;
  onCancel?: () => void;
}

interface ServerDraft {
  host: string;
  port: string;
  security: Security;
}

type FieldName = 'incomingHost' | 'incomingPort' | 'smtpHost' | 'smtpPort' | 'username';

function draftOf(server: ServerSettings | undefined, protocol: Protocol): ServerDraft {
  return server
    ? { host: server.host, port: String(server.port), security: server.security }
    : { host: '', port: String(DEFAULT_PORTS[protocol].tls), security: 'tls' };
}

/** The new port when protocol or encryption changes: the new default, unless the person typed one. */
function followPort(port: string, from: [Protocol, Security], to: [Protocol, Security]): string {
  const wasDefault = port.trim() === '' || port.trim() === String(DEFAULT_PORTS[from[0]][from[1]]);
  return wasDefault ? String(DEFAULT_PORTS[to[0]][to[1]]) : port;
}

export function ManualSettingsForm({
  address,
  initial,
  initialProtocol: wanted,
  protocols = INCOMING_PROTOCOLS,
  onSave,
  onCancel,
}: ManualSettingsFormProps) {
  const { t } = useTranslation();
  const initialProtocol = protocols.includes(wanted) ? wanted : (protocols[0] ?? wanted);
  const [protocol, setProtocol] = useState<IncomingProtocol>(initialProtocol);
  const [incoming, setIncoming] = useState<ServerDraft>(() =>
    draftOf(initial?.[initialProtocol], initialProtocol),
  );
  const [smtp, setSmtp] = useState<ServerDraft>(() => draftOf(initial?.smtp, 'smtp'));
  const [username, setUsername] = useState(
    initial?.[initialProtocol]?.username ?? initial?.smtp.username ?? address,
  );
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const changeProtocol = (next: IncomingProtocol) => {
    const known = initial?.[next];
    setIncoming((draft) =>
      known
        ? draftOf(known, next)
        : { ...draft, port: followPort(draft.port, [protocol, draft.security], [next, draft.security]) },
    );
    setProtocol(next);
  };
  const changeSecurity = (which: 'incoming' | 'smtp', security: Security) => {
    const serverProtocol: Protocol = which === 'smtp' ? 'smtp' : protocol;
    const update = (draft: ServerDraft) => ({
      ...draft,
      security,
      port: followPort(draft.port, [serverProtocol, draft.security], [serverProtocol, security]),
    });
    if (which === 'smtp') setSmtp(update);
    else setIncoming(update);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    if (!isHostName(incoming.host)) found.incomingHost = t('manual.invalidHost');
    if (parsePort(incoming.port) === undefined) found.incomingPort = t('manual.invalidPort');
    if (!isHostName(smtp.host)) found.smtpHost = t('manual.invalidHost');
    if (parsePort(smtp.port) === undefined) found.smtpPort = t('manual.invalidPort');
    if (username.trim() === '') found.username = t('manual.missingUsername');
    setErrors(found);
    setAttempt((count) => count + 1);
    if (Object.keys(found).length > 0) return;
    const server = (kind: Protocol, draft: ServerDraft): ServerSettings => ({
      protocol: kind,
      host: draft.host.trim().replace(/\.$/, '').toLowerCase(),
      port: parsePort(draft.port)!,
      security: draft.security,
      username: username.trim(),
      // Keep what detect knew about the sign-in (e.g. an app password), else a plain password.
      auth: (kind === 'smtp' ? initial?.smtp : initial?.[protocol])?.auth ?? 'password',
    });
    onSave({
      [protocol]: server(protocol, incoming),
      smtp: server('smtp', smtp),
      origin: 'manual',
    } as ChosenServers);
  };

  const securityOptions = (prefix: string) =>
    (['tls', 'starttls'] as const).map((value) => ({
      value,
      label: t(`security.${value}`),
      testId: `${prefix}-security-${value}`,
    }));

  return (
    <form
      ref={form}
      noValidate
      onSubmit={submit}
      className="card manual-form"
      aria-labelledby="manual-title"
      data-testid="manual-form"
    >
      <h3 id="manual-title" className="card-title">
        {t('manual.title')}
      </h3>
      <p className="muted">{t('manual.intro')}</p>
      <fieldset className="form-section">
        <legend className="section-title">{t('manual.incoming')}</legend>
        <RadioGroup
          legend={t('manual.protocol')}
          value={protocol}
          onChange={changeProtocol}
          options={protocols.map((value) => ({
            value,
            label: t(`manual.${value}`),
            testId: `manual-protocol-${value}`,
          }))}
        />
        {protocols.length === 1 && protocols[0] ? (
          <p className="field-hint" data-testid="manual-protocols-note">
            {t(`policy.${protocols[0]}Only`)}
          </p>
        ) : null}
        <div className="field-row">
          <TextField
            className="grow"
            label={t('manual.host')}
            hint={t('manual.hostHint')}
            value={incoming.host}
            onValueChange={(host) => setIncoming((draft) => ({ ...draft, host }))}
            error={errors.incomingHost}
            spellCheck={false}
            autoCapitalize="off"
            testId="manual-incoming-host"
          />
          <TextField
            className="port"
            label={t('manual.port')}
            inputMode="numeric"
            value={incoming.port}
            onValueChange={(port) => setIncoming((draft) => ({ ...draft, port }))}
            error={errors.incomingPort}
            testId="manual-incoming-port"
          />
        </div>
        <RadioGroup
          legend={t('manual.security')}
          value={incoming.security}
          onChange={(security) => changeSecurity('incoming', security)}
          options={securityOptions('manual-incoming')}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend className="section-title">{t('manual.outgoing')}</legend>
        <div className="field-row">
          <TextField
            className="grow"
            label={t('manual.host')}
            hint={t('manual.smtpHostHint')}
            value={smtp.host}
            onValueChange={(host) => setSmtp((draft) => ({ ...draft, host }))}
            error={errors.smtpHost}
            spellCheck={false}
            autoCapitalize="off"
            testId="manual-smtp-host"
          />
          <TextField
            className="port"
            label={t('manual.port')}
            inputMode="numeric"
            value={smtp.port}
            onValueChange={(port) => setSmtp((draft) => ({ ...draft, port }))}
            error={errors.smtpPort}
            testId="manual-smtp-port"
          />
        </div>
        <RadioGroup
          legend={t('manual.security')}
          value={smtp.security}
          onChange={(security) => changeSecurity('smtp', security)}
          options={securityOptions('manual-smtp')}
        />
      </fieldset>
      <TextField
        label={t('manual.username')}
        hint={t('manual.usernameHint')}
        value={username}
        onValueChange={setUsername}
        error={errors.username}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="username"
        testId="manual-username"
      />
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button secondary" onClick={onCancel} data-testid="manual-cancel">
            {t('manual.cancel')}
          </button>
        ) : null}
        <button type="submit" className="button primary" data-testid="manual-save">
          {t('manual.save')}
        </button>
      </div>
    </form>
  );
}
