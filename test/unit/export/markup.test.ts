// The one template for XML and HTML exports (core/export/markup.ts): everything escaped unless Markup.

import { describe, expect, it } from 'vitest';
import { cleanText, escapeMarkup, Markup, markup } from '../../../core/export/markup.js';

describe('markup', () => {
  it('escapes text, keeps Markup, writes numbers, lists and nothing for absent values', () => {
    const name = `<script>alert("x")</script> & 'Co'`;
    const inner = markup`<b>${name}</b>`;
    const page = markup`<p title="${name}">${inner}${[' ', 42, markup`<i/>`]}${undefined}${null}${false}</p>`;
    expect(page).toBeInstanceOf(Markup);
    expect(String(page)).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;Co&apos;">' +
        '<b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;Co&apos;</b> 42<i/></p>',
    );
  });
});

describe('escapeMarkup and cleanText', () => {
  it('makes line breaks spaces and drops what no XML document may hold', () => {
    expect(cleanText('a\tb\r\nc')).toBe('a b  c');
    expect(cleanText('a\u0000b\u0007c\u0085d\ufffee\uffff')).toBe('abcde');
    expect(cleanText('lone \ud800 and \udc00 surrogates, a pair \ud83d\ude00 stays')).toBe(
      'lone  and  surrogates, a pair 😀 stays',
    );
  });

  it('escapes the five characters after cleaning', () => {
    expect(escapeMarkup(`<a href='x'>"&"</a>\n`)).toBe(
      '&lt;a href=&apos;x&apos;&gt;&quot;&amp;&quot;&lt;/a&gt; ',
    );
  });
});
