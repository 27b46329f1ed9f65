import { XMLParser } from 'fast-xml-parser';
import type { ZipArchive } from './zip-archive';

/** An element as the parser gives it: attributes as `@name` (namespace prefixes dropped), children by tag name. */
export type XmlNode = { [name: string]: XmlValue };
type XmlValue = string | XmlNode | XmlValue[] | undefined;

/** The elements of the OOXML parts read here that may repeat: always arrays, however many there are. */
const REPEATED = new Set(['Override', 'Relationship', 'sheet', 'si', 'r', 'row', 'c']);

// Values stay strings (a credit code of 18 digits must not become a number); entities keep the parser's limits.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

/** The XML entry `name` of `zip`, parsed; undefined when there is no such entry. Rejects one that is not XML. */
export async function xmlPart(zip: ZipArchive, name: string): Promise<XmlNode | undefined> {
  const source = await zip.text(name);
  return source === undefined ? undefined : (parser.parse(source, true) as XmlNode);
}

/** The child element `name` of `node` (the first, if it repeats). */
export const child = (node: XmlValue, name: string): XmlNode | undefined => {
  const value = node && typeof node === 'object' && !Array.isArray(node) ? node[name] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first && typeof first === 'object' && !Array.isArray(first) ? first : undefined;
};

/** The repeated child elements `name` of `node`. */
export const children = (node: XmlValue, name: string): XmlNode[] => {
  const value = node && typeof node === 'object' && !Array.isArray(node) ? node[name] : undefined;
  return (Array.isArray(value) ? value : []).filter((item): item is XmlNode => !!item && typeof item === 'object');
};

/** An attribute's value, or an element's text (`<v>3</v>`, `<t xml:space="preserve"> x</t>`); '' when absent. */
export const textOf = (value: XmlValue): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) return textOf(value['#text']);
  return '';
};
