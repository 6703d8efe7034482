// The core types the renderer uses, in one place. Type imports only: the renderer never runs core code.

import type * as Api from '../../core/api.js';
import type * as Bridge from '../../core/bridge.js';
import type { DiscoveryContext } from '../../core/discovery/types.js';
import type * as Probe from '../../core/probe/types.js';

export type DetectResult = Api.DetectResult;
export type ExportFormat = Api.ExportFormat;
export type ExportResult = Api.ExportResult;
export type IncomingProtocol = Api.IncomingProtocol;
export type KeychainDeleteResult = Api.KeychainDeleteResult;
export type KeychainRenameResult = Api.KeychainRenameResult;
export type KeychainSetResult = Api.KeychainSetResult;
export type Lang = Api.Lang;
export type Lookup = Api.Lookup;
export type LookupOutcome = Api.LookupOutcome;
export type Notice = Api.Notice;
export type PasswordRating = Api.PasswordRating;
export type Policy = Api.Policy;
export type PolicyBranding = Api.PolicyBranding;
export type PolicyProblem = Api.PolicyProblem;
export type PolicyState = Api.PolicyState;
export type Protocol = Api.Protocol;
export type Security = Api.Security;
export type SavedPassword = Api.SavedPassword;
export type ServerSettings = Api.ServerSettings;
export type ServerTestResult = Api.ServerTestResult;
export type SourceName = Api.SourceName;
export type TestProgress = Api.TestProgress;
export type TestResult = Api.TestResult;

export type ApiMethod = Bridge.ApiMethod;
export type BridgedApi = Bridge.BridgedApi;
export type BridgeError = Bridge.BridgeError;
export type Envelope<T> = Bridge.Envelope<T>;
export type ProgressMessage = Bridge.ProgressMessage;

export type ProbeStep = Probe.ProbeStep;

/** One detect progress event: a source started or finished asking one target. */
export type DetectProgress = Parameters<NonNullable<DiscoveryContext['progress']>>[0];
