/**
 * Finding a person by name the way a secretary types it: Chinese characters, full pinyin, initials,
 * or a mix ("张s", "wangjh"). Reading a name with pinyin-pro is slow (tens of microseconds), so it
 * happens once, in `searchKeys`, when a person is written; `matchesName` only walks those keys and
 * never reads a name again, so a roster of 10,000 stays fast per keystroke.
 *
 * A key is one reading of the whole name: one lowercase syllable per character, separated by single
 * spaces, without tones, ü written v ("zhang san", "lv bu"). Full pinyin ("zhangsan") and initials
 * ("zs") are both matched from it, because the spaces keep the syllable boundaries a mixed query needs.
 * Keys are stored with the person: changing this format means recomputing them.
 */
import { pinyin, polyphonic, segment } from 'pinyin-pro';

/** Readings kept per name: the likely one first, then the other plausible ones. */
export const MAX_SEARCH_KEYS = 8;
/** The people schema stores keys of at most 100 characters; longer keys are cut at a syllable. */
export const MAX_SEARCH_KEY_LENGTH = 100;
/** Readings tried for one character of the given name: the one in context, then the commonest other. */
const READINGS_PER_CHARACTER = 2;

/** Separators inside names (阿依古丽·买买提) that nobody types when searching. */
const SEPARATORS = /[\s·•・‧.．\-－_'’]/u;
const IGNORED_IN_QUERY = /[\s'’]/gu;
const PINYIN_SYLLABLE = /^[a-zü]+$/;

const TONELESS = { toneType: 'none', type: 'array', v: true } as const;

/** The characters of a name that take part in matching, one per syllable of a key. */
function nameUnits(name: string): string[] {
  return Array.from(name.normalize('NFKC').toLowerCase()).filter((c) => !SEPARATORS.test(c));
}

/**
 * One character's readings, or a whole compound surname's, each as space-separated syllables;
 * the first is the likely reading.
 */
type Choice = string[];

function syllable(reading: string | undefined, unit: string): string {
  // pinyin-pro returns a character it does not know (𠮷) unchanged: it then matches only itself.
  return reading !== undefined && PINYIN_SYLLABLE.test(reading) ? reading : unit;
}

function readings(units: readonly string[]): Choice[] {
  const text = units.join('');
  // Surname mode reads 单 as shan, 曾 as zeng, 尉迟 as yuchi; the first segment is the surname.
  let asSurname = pinyin(text, { ...TONELESS, mode: 'surname', surname: 'head' });
  let plain = pinyin(text, TONELESS);
  if (asSurname.length !== units.length || plain.length !== units.length) {
    // Never seen, but the keys must stay aligned with the characters: read them one by one.
    asSurname = units.map((u, i) => pinyin(u, { ...TONELESS, mode: i === 0 ? 'surname' : 'normal' })[0] ?? u);
    plain = units.map((u) => pinyin(u, TONELESS)[0] ?? u);
  }
  const firstSegment = segment(text, { toneType: 'none', mode: 'surname', surname: 'head' })[0]?.origin ?? '';
  const surnameLength = Math.min(units.length, Math.max(1, Array.from(firstSegment).length));

  const surnameSyllables = (reading: readonly string[]) =>
    units
      .slice(0, surnameLength)
      .map((u, i) => syllable(reading[i], u))
      .join(' ');
  // The surname is read as a surname first; the ordinary reading follows because some surnames
  // have two (乐 le/yue, 盖 gai/ge, 翟 zhai/di) and people misread others (单 dan, 解 jie, 查 cha).
  const choices: Choice[] = [unique([surnameSyllables(asSurname), surnameSyllables(plain)])];
  for (let i = surnameLength; i < units.length; i++) {
    const unit = units[i]!;
    const inContext = syllable(asSurname[i], unit);
    const others = inContext === unit ? [] : (polyphonic(unit, TONELESS)[0] ?? []).filter((r) => PINYIN_SYLLABLE.test(r));
    choices.push(unique([inContext, ...others]).slice(0, READINGS_PER_CHARACTER));
  }
  return choices;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * All combinations of the choices, fewest departures from the likely reading first, at most
 * MAX_SEARCH_KEYS. Cutting at each step keeps the best ones: a dropped prefix already had
 * MAX_SEARCH_KEYS prefixes at least as likely, each of which extends with likely readings.
 */
function combine(choices: readonly Choice[]): string[] {
  let partial: { text: string; departures: number }[] = [{ text: '', departures: 0 }];
  for (const choice of choices) {
    const next = partial.flatMap((p) => choice.map((c, i) => ({ text: p.text ? `${p.text} ${c}` : c, departures: p.departures + (i === 0 ? 0 : 1) })));
    partial = next.sort((a, b) => a.departures - b.departures).slice(0, MAX_SEARCH_KEYS);
  }
  return partial.map((p) => p.text);
}

function cutAtSyllable(key: string): string {
  if (key.length <= MAX_SEARCH_KEY_LENGTH) return key;
  const cut = key.lastIndexOf(' ', MAX_SEARCH_KEY_LENGTH);
  return cut > 0 ? key.slice(0, cut) : key.slice(0, MAX_SEARCH_KEY_LENGTH);
}

/**
 * The keys to store with a person: the likely reading of the name first ("shan tian fang" for
 * 单田芳), then readings with a 多音字 of the given name read otherwise ("wang chang yue" for 王长乐)
 * or the surname read in the ordinary way ("dan tian fang"). An empty name has no keys.
 */
export function searchKeys(name: string): string[] {
  const units = nameUnits(name);
  if (units.length === 0) return [];
  return unique(combine(readings(units)).map(cutAtSyllable));
}

function normalizeQuery(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(IGNORED_IN_QUERY, '').replaceAll('ü', 'v');
}

/** True when the query contains a character outside ASCII (in practice: a Chinese character). */
function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * Does the query, from position q, match the syllables of `key` from position k (the start of
 * syllable number t)? Each syllable takes a non-empty prefix of itself (the whole syllable, its
 * initial, or anything between), and the last one may stop anywhere. A Chinese character in the
 * query must be the name's character at that syllable.
 */
function matchesFrom(key: string, k: number, t: number, query: string, q: number, units: readonly string[] | null): boolean {
  if (q === query.length) return true;
  if (k >= key.length) return false;
  let end = key.indexOf(' ', k);
  if (end === -1) end = key.length;
  if (units && query.charCodeAt(q) > 0x7f) {
    const unit = units[t];
    return unit !== undefined && query.startsWith(unit, q) && matchesFrom(key, end + 1, t + 1, query, q + unit.length, units);
  }
  let common = 0;
  while (k + common < end && q + common < query.length && key.charCodeAt(k + common) === query.charCodeAt(q + common)) common++;
  if (common === 0) return false;
  if (q + common === query.length) return true;
  for (let taken = common; taken >= 1; taken--) {
    if (matchesFrom(key, end + 1, t + 1, query, q + taken, units)) return true;
  }
  return false;
}

/** Does the query match this key starting at any of its syllables ("san" finds 张三)? */
function matchesKey(key: string, query: string, units: readonly string[] | null): boolean {
  for (let k = 0, t = 0; k < key.length; t++) {
    if (matchesFrom(key, k, t, query, 0, units)) return true;
    const next = key.indexOf(' ', k);
    if (next === -1) break;
    k = next + 1;
  }
  return false;
}

/**
 * Does a search box query find this name? Case and spaces do not matter; an empty query finds
 * everyone. The query may be part of the name in characters ("田芳"), full pinyin or a prefix of it
 * ("shantianfang", "shantianf"), initials ("stf"), or a mix ("shantf", "单tf", "shan t f"), starting
 * at any character of the name ("tianfang"). Pass the stored `searchKeys(name)` as `keys`; without
 * them the name is read again, which is too slow for a whole roster.
 */
export function matchesName(query: string, name: string, keys?: readonly string[]): boolean {
  return nameMatcher(query)(name, keys);
}

/**
 * `matchesName` for one query over many names: the query is read once, not once per person, which
 * matters on every keystroke over a roster of thousands.
 */
export function nameMatcher(query: string): (name: string, keys?: readonly string[]) => boolean {
  const q = normalizeQuery(query);
  if (q === '') return () => true;
  const chinese = hasNonAscii(q);
  return (name, keys) => {
    if (name.toLowerCase().includes(q)) return true;
    const ownKeys = keys ?? searchKeys(name);
    const units = chinese ? nameUnits(name) : null;
    for (const key of ownKeys) if (matchesKey(key, q, units)) return true;
    return false;
  };
}
