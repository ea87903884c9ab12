/**
 * XML text as the package parts hold it (attribute values, element text) → the text it stands for.
 */

const ENTITIES: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" };

/**
 * Decodes the predefined entities and character references, in one pass (so "&amp;lt;" is "&lt;").
 * @example decodeXml("R&amp;D &lt;2&gt; &#233;") // → "R&D <2> é"
 */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1].toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      // A reference to no character (Excel never writes one) is kept as written rather than thrown on.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}
