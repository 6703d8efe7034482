// Where JSON text goes wrong, as line and column: Node 20's JSON.parse names the token but not its
// place, and an administrator editing a long policy file needs the place. Used only after JSON.parse
// has refused the text; a strict RFC 8259 scanner that stops at the first mistake.

export interface JsonPosition {
  line: number;
  column: number;
}

/** The line and column (1-based) of the first syntax error, or undefined when the text is valid. */
export function jsonErrorPosition(text: string): JsonPosition | undefined {
  let at = 0;
  const fail = (): never => {
    throw new SyntaxError('json');
  };
  const space = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, at)) at += word.length;
    else fail();
  };
  const string = () => {
    at++;
    while (at < text.length) {
      const char = text[at]!;
      if (char === '"') {
        at++;
        return;
      }
      if (char < ' ') fail();
      if (char === '\\') {
        const escaped = text[at + 1] ?? '';
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail();
          at += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(escaped) || escaped === '') fail();
        at += 2;
        continue;
      }
      at++;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += match![0].length;
  };
  const value = (): void => {
    space();
    switch (text[at]) {
      case '{':
        members('}', () => {
          space();
          if (text[at] !== '"') fail();
          string();
          space();
          if (text[at] !== ':') fail();
          at++;
          value();
        });
        break;
      case '[':
        members(']', value);
        break;
      case '"':
        string();
        break;
      case 't':
        literal('true');
        break;
      case 'f':
        literal('false');
        break;
      case 'n':
        literal('null');
        break;
      default:
        number();
    }
  };
  const members = (close: string, member: () => void) => {
    at++;
    space();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      member();
      space();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === close) {
        at++;
        return;
      }
      fail();
    }
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return undefined;
  } catch {
    const before = text.slice(0, Math.min(at, text.length)).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
}
