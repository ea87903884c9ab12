/**
 * XML as the package parts hold it, read with a cursor that only moves forward: every scan
 * continues where the previous one ended, so reading a part is linear in its length whatever
 * it holds (60,000 unclosed `<definedName>` elements included — a regular expression looking
 * for each one's end would scan to the end of the part for each). No DTD is ever read, so no
 * entity is ever expanded (XXE).
 */

const ENTITIES: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" };

/**
 * Decodes the predefined entities and character references, in one pass (so "&amp;lt;" is "&lt;").
 * @example decodeXml("R&amp;D &lt;2&gt; &#233;") // → "R&D <2> é"
 */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1].toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      // A reference to no character (Excel never writes one) is kept as written rather than thrown on.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/**
 * Text as XML element content or a double-quoted attribute value.
 * @example encodeXml('a<b & "c"') // → "a&lt;b &amp; &quot;c&quot;"
 */
export function encodeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}

/**
 * Spreadsheet text (ST_Xstring) as stored: `_xHHHH_` stands for a character XML cannot hold
 * (a control character) and `_x005F_` for an underscore that would otherwise start one.
 * @example decodeXstring("a_x000D_b_x005F_x0041_") // → "a\rb_x0041_"
 */
export function decodeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The inverse of `decodeXstring`, then XML-escaped: what a `<t>` or `<v>` holds for the text.
 * @example encodeXstring("a\u0001_x0041_") // → "a_x0001__x005F_x0041_"
 */
export function encodeXstring(text: string): string {
  const escaped = text.replace(/_(?=x[0-9a-fA-F]{4}_)/g, "_x005F_");
  // eslint-disable-next-line no-control-regex
  return encodeXml(escaped.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
}

/** A part that is not well-formed where we read it. */
export class XmlError extends Error {}

/** A start tag: `<x:c r="A1" t="s">` (or `<c/>`). */
export interface Tag {
  /** The name without its namespace prefix: "c". */
  name: string;
  /** The name as written: "x:c". */
  qname: string;
  /** Index of "<". */
  start: number;
  /** Index just after ">". */
  end: number;
  selfClosing: boolean;
  /** The attributes' text, between the name and ">" (or "/>"). */
  attributesText: string;
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** Index just after the ">" closing a tag that starts at `start`, skipping quoted attribute values. */
function tagEnd(xml: string, start: number, limit: number): number {
  let quote = 0;
  for (let i = start + 1; i < limit; i++) {
    const code = xml.charCodeAt(i);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) {
      quote = code;
    } else if (code === 0x3e) {
      return i + 1;
    }
  }
  throw new XmlError("a tag is not closed");
}

/** Index just after the end of `<!-- … -->`, `<?…?>`, `<![CDATA[…]]>` or `<!…>` at `start`. */
function skipSpecial(xml: string, start: number, limit: number): number {
  const close = xml.startsWith("<!--", start) ? "-->" : xml.startsWith("<![CDATA[", start) ? "]]>" : xml.startsWith("<?", start) ? "?>" : ">";
  const at = xml.indexOf(close, start + 2);
  if (at < 0 || at + close.length > limit) throw new XmlError("a comment or declaration is not closed");
  return at + close.length;
}

/** Either the next start tag, or the next end tag (`</row>`): `closing` says which. */
export interface Token {
  closing: boolean;
  tag: Tag;
}

/**
 * The next start or end tag at or after `from` (comments, declarations and processing
 * instructions are skipped); undefined at `limit`.
 */
export function nextToken(xml: string, from: number, limit = xml.length): Token | undefined {
  let at = xml.indexOf("<", from);
  while (at >= 0 && at < limit) {
    const next = xml.charCodeAt(at + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      at = xml.indexOf("<", skipSpecial(xml, at, limit));
      continue;
    }
    const closing = next === 0x2f; /* / */
    const end = tagEnd(xml, at, limit);
    let nameEnd = at + (closing ? 2 : 1);
    while (nameEnd < end - 1 && !isSpace(xml.charCodeAt(nameEnd)) && xml.charCodeAt(nameEnd) !== 0x2f && xml.charCodeAt(nameEnd) !== 0x3e) nameEnd++;
    const qname = xml.slice(at + (closing ? 2 : 1), nameEnd);
    const selfClosing = !closing && xml.charCodeAt(end - 2) === 0x2f;
    const colon = qname.indexOf(":");
    return {
      closing,
      tag: {
        name: colon < 0 ? qname : qname.slice(colon + 1),
        qname,
        start: at,
        end,
        selfClosing,
        attributesText: closing ? "" : xml.slice(nameEnd, selfClosing ? end - 2 : end - 1),
      },
    };
  }
  return undefined;
}

/** The next start tag at or after `from`, skipping end tags. */
export function nextTag(xml: string, from: number, limit = xml.length): Tag | undefined {
  for (let token = nextToken(xml, from, limit); token; token = nextToken(xml, token.tag.end, limit)) {
    if (!token.closing) return token.tag;
  }
  return undefined;
}

/** The next start tag with this local name (any prefix). */
export function findTag(xml: string, name: string, from = 0, limit = xml.length): Tag | undefined {
  for (let tag = nextTag(xml, from, limit); tag; tag = nextTag(xml, tag.end, limit)) {
    if (tag.name === name) return tag;
  }
  return undefined;
}

/**
 * Index of the end tag closing `tag` (its `</`), searched forward from the tag: the element
 * must not nest itself, which holds for every element read this way. A self-closing tag's
 * content ends where it starts.
 */
export function closeOf(xml: string, tag: Tag, limit = xml.length): number {
  if (tag.selfClosing) return tag.end;
  const opening = `</${tag.qname}`;
  for (let at = xml.indexOf(opening, tag.end); at >= 0 && at < limit; at = xml.indexOf(opening, at + 1)) {
    const next = xml.charCodeAt(at + opening.length);
    if (next === 0x3e || isSpace(next)) return at;
  }
  throw new XmlError(`<${tag.qname}> is not closed`);
}

/** Index just after the end tag that starts at `close`. */
export function afterClose(xml: string, tag: Tag, close: number): number {
  if (tag.selfClosing) return tag.end;
  const end = xml.indexOf(">", close);
  if (end < 0) throw new XmlError(`<${tag.qname}> is not closed`);
  return end + 1;
}

/**
 * A tag's attributes, values decoded, names as written (prefix included: `r:id`).
 * @example attributes(' r="A1" t="s"') // → Map { "r" → "A1", "t" → "s" }
 */
export function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 0x2f)) i++;
    const nameStart = i;
    while (i < text.length && text.charCodeAt(i) !== 0x3d && !isSpace(text.charCodeAt(i))) i++;
    const name = text.slice(nameStart, i);
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3d) break;
    i++;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") break;
    const close = text.indexOf(quote, i + 1);
    if (close < 0) break;
    if (name) found.set(name, decodeXml(text.slice(i + 1, close)));
    i = close + 1;
  }
  return found;
}

/**
 * One attribute of a tag, read as `attributes` reads them all (the last of that name, value
 * decoded) without making the others: a sheet has a cell's `r` and `t` to read a million times.
 * @example attribute(' r="A1" t="s"', "t") // → "s"
 */
export function attribute(text: string, wanted: string): string | undefined {
  let found: string | undefined;
  let i = 0;
  const length = text.length;
  while (i < length) {
    while (i < length && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 0x2f)) i++;
    const nameStart = i;
    while (i < length && text.charCodeAt(i) !== 0x3d && !isSpace(text.charCodeAt(i))) i++;
    const isWanted = i - nameStart === wanted.length && text.startsWith(wanted, nameStart);
    while (i < length && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3d) break;
    i++;
    while (i < length && isSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) break;
    const close = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (close < 0) break;
    if (isWanted) found = decodeXml(text.slice(i + 1, close));
    i = close + 1;
  }
  return found;
}

/** An attribute by local name (any prefix), e.g. `id` of `r:id`. */
export function attributeByLocalName(found: ReadonlyMap<string, string>, local: string): string | undefined {
  for (const [name, value] of found) {
    if (name === local || name.endsWith(`:${local}`)) return value;
  }
  return undefined;
}
