// The core types the renderer uses, in one place. Type imports only: the renderer never runs core code.

import type * as Api from '../../core/api.js';

export type DetectResult = Api.DetectResult;
export type ErrorCode = Api.ErrorCode;
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

export type ApiMethod = Api.ApiMethod;
export type BridgedApi = Api.BridgedApi;
export type BridgeError = Api.BridgeError;
export type Envelope<T> = Api.Envelope<T>;
export type ProgressMessage = Api.ProgressMessage;

export type ProbeStep = Api.ProbeStep;

export type DetectProgress = Api.DetectProgress;
