// An IDN name as core sends it, in both forms: the one the person reads first, the ASCII (xn--) form
// a helpdesk agent types in brackets. Core supplies both (DetectResult.domainUnicode,
// ServerSettings.hostUnicode); this only puts them side by side.

export function bothForms(ascii: string, unicode: string | undefined): string {
  return unicode && unicode !== ascii ? `${unicode} (${ascii})` : ascii;
}
