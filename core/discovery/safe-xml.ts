// The one hardened XML reader for discovery answers (config-v1.1.xml, autodiscover POX). They come from
// strangers' servers: size is capped before parsing, DTDs are refused outright (XXE, billion laughs),
// the library expands no entities, and only the five predefined entities and numeric character
// references are decoded, by us, after parsing.

import { createRequire } from 'node:module';
import type { XMLParser } from 'fast-xml-parser';
import { MailSetupError } from '../errors.js';

export const SAFE_XML_LIMITS = {
  maxBytes: 1024 * 1024,
  /** Real answers nest 5 deep; the library's default is 100. */
  maxDepth: 32,
} as const;

/** An element with its children in document order; repeated names simply appear more than once. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  /** Direct text and CDATA in document order, entities decoded, trimmed. */
  readonly text: string;
  readonly children: readonly XmlElement[];
}

const require = createRequire(import.meta.url);
let parser: XMLParser | undefined;

// Made on the first parse, not at import: discovery sends its requests first and loads the parser
// (30 ms) while it waits for the answers.
function xmlParser(): XMLParser {
  parser ??= createParser((require('fast-xml-parser') as typeof import('fast-xml-parser')).XMLParser);
  return parser;
}

// preserveOrder keeps text and CDATA in order and makes every child a list entry, so one element
// and many behave the same (what `isArray` would do for the unordered shape).
const createParser = (Parser: typeof XMLParser): XMLParser =>
  new Parser({
    preserveOrder: true,
    processEntities: false,
    htmlEntities: false,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    allowBooleanAttributes: false,
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: '#cdata',
    maxNestedTags: SAFE_XML_LIMITS.maxDepth,
  });

const DTD_PATTERN = /<!\s*(?:doctype|entity)/i;

/** Parses `xml` into its root element, or throws MailSetupError('protocol-error'). */
export function parseSafeXml(xml: string): XmlElement {
  if (Buffer.byteLength(xml, 'utf8') > SAFE_XML_LIMITS.maxBytes) {
    throw new MailSetupError('protocol-error', `XML larger than ${SAFE_XML_LIMITS.maxBytes} bytes`, 'parse');
  }
  if (DTD_PATTERN.test(xml)) {
    throw new MailSetupError('protocol-error', 'XML with a DOCTYPE or ENTITY declaration refused', 'parse');
  }
  let nodes: unknown;
  try {
    // `true`: validate first; the parser alone accepts broken markup such as HTML pages.
    nodes = xmlParser().parse(xml.replace(/^\uFEFF/, '').trimStart(), true);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new MailSetupError('protocol-error', `not well-formed XML: ${detail}`, 'parse', { cause: error });
  }
  const roots = toElements(nodes);
  const root = roots[0];
  if (!root || roots.length > 1)
    throw new MailSetupError('protocol-error', 'XML has no single root', 'parse');
  return root;
}

/** Every child element called `name`. */
export function childElements(parent: XmlElement | undefined, name: string): XmlElement[] {
  return parent ? parent.children.filter((child) => child.name === name) : [];
}

export function firstChild(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return parent?.children.find((child) => child.name === name);
}

/** Text of the first child called `name`; undefined when absent or empty. */
export function childText(parent: XmlElement | undefined, name: string): string | undefined {
  const text = firstChild(parent, name)?.text;
  return text ? text : undefined;
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and numeric references; anything else stays as written. */
export function decodeXmlText(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g,
    (match, dec, hex, name) => {
      if (typeof name === 'string') return PREDEFINED[name] ?? match;
      const codePoint = typeof dec === 'string' ? Number.parseInt(dec, 10) : Number.parseInt(String(hex), 16);
      return isXmlChar(codePoint) ? String.fromCodePoint(codePoint) : match;
    },
  );
}

/** XML 1.0 Char production: no NUL, no other C0 controls but tab/LF/CR, no surrogates. */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

// The library's ordered shape: [{ tag: [...children], ':@': { attr: value } }, { '#text': '...' }, ...].
type OrderedNode = Record<string, unknown>;

function toElements(nodes: unknown): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const elements: XmlElement[] = [];
  for (const node of nodes as OrderedNode[]) {
    const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#cdata');
    if (name === undefined) continue;
    const content = node[name];
    elements.push({
      name,
      attributes: toAttributes(node[':@']),
      text: textOf(content),
      children: toElements(content),
    });
  }
  return elements;
}

function toAttributes(value: unknown): Map<string, string> {
  const attributes = new Map<string, string>();
  if (value && typeof value === 'object') {
    for (const [key, raw] of Object.entries(value)) {
      if (typeof raw === 'string') attributes.set(key, decodeXmlText(raw));
    }
  }
  return attributes;
}

function textOf(content: unknown): string {
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const node of content as OrderedNode[]) {
    const raw = node['#text'];
    if (typeof raw === 'string') text += decodeXmlText(raw);
    // CDATA is literal: its inner text node is not decoded.
    const cdata = node['#cdata'];
    if (Array.isArray(cdata)) {
      for (const part of cdata as OrderedNode[]) {
        const literal = part['#text'];
        if (typeof literal === 'string') text += literal;
      }
    }
  }
  return text.trim();
}
