import { useState, type FormEvent } from 'react';
import { AdminApiError, type AdminApi } from '../api/admin-api';
import type { SaasRegistration, SaasStoreInput } from '../api/types';
import { storeNameOf } from '../lib/format';
import { storeHref } from '../lib/hash-route';

type Field = 'url' | 'clientId' | 'clientSecret' | 'orgId' | 'scopes' | 'tokenUrl';

interface FieldSpec {
  label: string;
  help?: string;
  type?: 'url' | 'password' | 'text';
  placeholder?: string;
}

const REQUIRED: ReadonlyArray<readonly [Field, FieldSpec]> = [
  [
    'url',
    {
      label: 'Tenant REST URL',
      type: 'url',
      placeholder: 'https://na1.api.commerce.adobe.com/<tenant id>/',
      help: 'Commerce Cloud Manager shows it in the instance details.',
    },
  ],
  ['clientId', { label: 'Client ID', help: 'Of the OAuth Server-to-Server credential in Adobe Developer Console.' }],
  ['clientSecret', { label: 'Client secret', type: 'password', help: 'Stored encrypted; never shown again.' }],
  ['orgId', { label: 'Organization ID', placeholder: '0123456789ABCDEF01234567@AdobeOrg' }],
];

const OPTIONAL: ReadonlyArray<readonly [Field, FieldSpec]> = [
  [
    'scopes',
    { label: 'Scopes', help: "Separated by commas or spaces; default Adobe's list for Commerce (commerce.accs)." },
  ],
  ['tokenUrl', { label: 'IMS token URL', type: 'url', help: "Default the service's (Adobe IMS unless configured)." }],
];

const EMPTY: Record<Field, string> = { url: '', clientId: '', clientSecret: '', orgId: '', scopes: '', tokenUrl: '' };

/** What the first probe said, in words. */
function describeResult(result: SaasRegistration): { text: string; bad: boolean } {
  const name = storeNameOf(result.store);
  const verb = result.created ? 'Registered' : 'Replaced the credential of';
  if (result.outcome === 'ok') return { text: `${verb} ${name}: active, the IMS credential works.`, bad: false };
  if (result.outcome === 'rejected')
    return { text: `${verb} ${name}, but its first probe failed: ${result.store.statusReason ?? ''}`, bad: true };
  return {
    text: `${verb} ${name}; the first probe found no verdict (${result.store.statusReason ?? 'unknown'}). It is probed again.`,
    bad: true,
  };
}

/** The body of `POST /api/stores/saas` from the form (optional fields only when filled in). */
function toInput(values: Record<Field, string>): SaasStoreInput {
  const scopes = values.scopes.split(/[\s,]+/).filter(Boolean);
  return {
    url: values.url.trim(),
    clientId: values.clientId.trim(),
    clientSecret: values.clientSecret,
    orgId: values.orgId.trim(),
    ...(scopes.length > 0 ? { scopes } : {}),
    ...(values.tokenUrl.trim() ? { tokenUrl: values.tokenUrl.trim() } : {}),
  };
}

/**
 * Registers an Adobe Commerce as a Cloud Service store: its tenant REST URL and the OAuth
 * Server-to-Server credential (IMS), probed at once by the service. The secret is sent once and
 * cleared after a registration.
 */
export function SaasStoreForm({
  api,
  onRegistered,
}: {
  api: AdminApi;
  onRegistered: (result: SaasRegistration) => void;
}) {
  const [values, setValues] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AdminApiError | null>(null);
  const [result, setResult] = useState<SaasRegistration | null>(null);
  const problems = error?.fieldProblems() ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const registered = await api.registerSaasStore(toInput(values));
      setResult(registered);
      setValues(EMPTY);
      onRegistered(registered);
    } catch (caught) {
      setError(caught instanceof AdminApiError ? caught : new AdminApiError((caught as Error).message, 0));
    } finally {
      setBusy(false);
    }
  }

  const input = ([field, spec]: readonly [Field, FieldSpec], required: boolean) => {
    const id = `saas-${field}`;
    const described = [spec.help ? `${id}-help` : null, problems[field] ? `${id}-error` : null].filter(Boolean);
    return (
      <div className="field" key={field}>
        <label htmlFor={id}>{spec.label}</label>
        <input
          id={id}
          name={field}
          type={spec.type ?? 'text'}
          required={required}
          autoComplete="off"
          spellCheck={false}
          placeholder={spec.placeholder}
          value={values[field]}
          onChange={(e) => setValues({ ...values, [field]: e.target.value })}
          aria-invalid={problems[field] ? true : undefined}
          aria-describedby={described.length > 0 ? described.join(' ') : undefined}
        />
        {spec.help && (
          <p id={`${id}-help`} className="muted small">
            {spec.help}
          </p>
        )}
        {problems[field] && (
          <p id={`${id}-error`} className="field-error small">
            {spec.label} {problems[field]}
          </p>
        )}
      </div>
    );
  };

  const outcome = result ? describeResult(result) : null;
  return (
    <form className="saas-form" onSubmit={submit} aria-labelledby="saas-form-title">
      <h2 id="saas-form-title">Add an Adobe Commerce as a Cloud Service store</h2>
      <p className="muted small">
        No integration to activate: the service authenticates with an Adobe IMS server-to-server credential and probes
        the store at once.
      </p>
      <div className="fields">{REQUIRED.map((spec) => input(spec, true))}</div>
      <details>
        <summary>More options</summary>
        <div className="fields">{OPTIONAL.map((spec) => input(spec, false))}</div>
      </details>
      {error && (
        <div className="form-error" role="alert">
          <p>{error.message}</p>
          {error.hint && <p className="small">{error.hint}</p>}
        </div>
      )}
      {outcome && result && (
        <p className={outcome.bad ? 'notice notice-bad' : 'notice'} role="status">
          {outcome.text} <a href={storeHref(result.store.id)}>Open the store</a>
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Registering…' : 'Register store'}
      </button>
    </form>
  );
}
