// Finds the policy in force and reads it: the first file of the search order that exists (locate.ts),
// checked against the schema. A file that exists but cannot be used is never skipped: the state then
// carries the problem, with the field and the reason, and nothing runs until it is fixed.

import { readFile, stat } from 'node:fs/promises';
import { LOGO_LIMITS, readLogo } from '../export/logo.js';
import { t } from '../messages/index.js';
import type { Lang } from '../model.js';
import { jsonErrorPosition } from './json-position.js';
import { defaultPlaces, type PolicyCandidate, type PolicyPlaces, policyCandidates } from './locate.js';
import { formatPath, policyProblem } from './problem.js';
import type { Policy, PolicyIssue, PolicyState } from './types.js';

export const POLICY_LIMITS = {
  /** A policy with a few hundred presets is a few dozen KB; more is not a policy. */
  maxBytes: 1024 * 1024,
} as const;

export interface LoadPolicyOptions {
  /** The --policy value: a file that must exist. */
  file?: string | undefined;
  lang?: Lang;
  places?: PolicyPlaces;
}

type Read = { text: string } | { missing: true } | { issue: PolicyIssue };
type Checked = { policy: Policy } | { issues: PolicyIssue[] };

export async function loadPolicy(options: LoadPolicyOptions = {}): Promise<PolicyState> {
  const lang = options.lang ?? 'en';
  const candidates = policyCandidates(options.places ?? defaultPlaces(), options.file);
  for (const [index, candidate] of candidates.entries()) {
    const read = await readCandidate(candidate, lang);
    // --policy and MAILSETUP_POLICY name a file that must be there; the standard places may be empty.
    if ('missing' in read && !isExplicit(candidate)) continue;
    const { file, origin } = candidate;
    const shadowed = await existing(candidates.slice(index + 1).filter((other) => other.file !== file));
    const found = { file, origin, ...(shadowed.length > 0 ? { shadowed } : {}) };
    const checked = await check(read, candidate, lang);
    if ('issues' in checked) return { ...found, error: policyProblem(file, checked.issues, lang) };
    const lock = isExplicit(candidate) ? await machineLock(candidates, file, lang) : undefined;
    if (lock) return lock.state ?? { ...found, error: policyProblem(file, [lock.issue], lang) };
    return { ...found, policy: checked.policy };
  }
  return {};
}

function isExplicit(candidate: PolicyCandidate): boolean {
  return candidate.origin === 'option' || candidate.origin === 'environment';
}

/**
 * A file named by --policy or MAILSETUP_POLICY must not undo the machine's locked policy: an
 * administrator's lock holds against anything a user can set. Returns the machine file's own
 * problem (it cannot be judged), the lock as an issue, or nothing.
 */
async function machineLock(
  candidates: PolicyCandidate[],
  explicitFile: string,
  lang: Lang,
): Promise<{ state?: PolicyState; issue: PolicyIssue } | undefined> {
  const machine = candidates.find((candidate) => candidate.origin === 'machine');
  if (!machine || machine.file === explicitFile) return undefined;
  const read = await readCandidate(machine, lang);
  if ('missing' in read) return undefined;
  const checked = await check(read, machine, lang);
  const issue = { path: '', message: t(lang, 'policy.issue.locked', { machine: machine.file }) };
  if ('issues' in checked) {
    const state = {
      file: machine.file,
      origin: machine.origin,
      error: policyProblem(machine.file, checked.issues, lang),
    };
    return { state, issue };
  }
  return checked.policy.lockSettings ? { issue } : undefined;
}

async function readCandidate({ file }: PolicyCandidate, lang: Lang): Promise<Read> {
  const issue = (key: string, params: Record<string, string | number> = {}): Read => ({
    issue: { path: '', message: t(lang, `policy.issue.${key}`, params) },
  });
  try {
    const info = await stat(file);
    if (!info.isFile()) return issue('not-a-file');
    if (info.size > POLICY_LIMITS.maxBytes) return issue('too-big', { max: POLICY_LIMITS.maxBytes / 1024 });
    return { text: (await readFile(file, 'utf8')).replace(/^\uFEFF/, '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return issue('unreadable', { reason: code ?? String(error) });
  }
}

async function existing(candidates: PolicyCandidate[]): Promise<string[]> {
  const found: string[] = [];
  for (const { file } of candidates) {
    try {
      await stat(file);
      found.push(file);
    } catch {
      // Not there: nothing is shadowed.
    }
  }
  return found;
}

async function check(read: Read, { file }: PolicyCandidate, lang: Lang): Promise<Checked> {
  if ('missing' in read) return { issues: [{ path: '', message: t(lang, 'policy.issue.not-found') }] };
  if ('issue' in read) return { issues: [read.issue] };
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    return { issues: [{ path: '', message: jsonProblem(read.text, error as Error, lang) }] };
  }
  const { policySchema, zodMessages } = await import('./schema.js');
  const result = policySchema(lang).safeParse(json, { error: zodMessages(lang) });
  if (!result.success) {
    return {
      issues: result.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: issue.message }))
          : [{ path: formatPath(issue.path), message: issue.message }],
      ),
    };
  }
  const policy = result.data;
  const logo = policy.branding?.logo;
  if (policy.branding && logo !== undefined) {
    const loaded = await readLogo(logo, file);
    if (!('dataUrl' in loaded)) {
      const message = t(lang, `policy.issue.logo-${loaded.problem}`, {
        reason: loaded.reason ?? '',
        max: LOGO_LIMITS.maxBytes / 1024,
      });
      return { issues: [{ path: 'branding.logo', message }] };
    }
    policy.branding = { ...policy.branding, logo: loaded.dataUrl };
  }
  return { policy };
}

/** JSON.parse's reason with the line and column of the mistake. */
function jsonProblem(text: string, error: Error, lang: Lang): string {
  // V8 quotes the text around the mistake, line breaks and all: one line is enough here.
  const reason = error.message.replace(/\s+/g, ' ');
  const position = jsonErrorPosition(text);
  if (!position) return t(lang, 'policy.issue.json', { reason });
  return t(lang, 'policy.issue.json-at', { reason, ...position });
}
