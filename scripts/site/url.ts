/**
 * The page's state in its address, so that a link reproduces what its sender
 * saw: the language, each reading chosen other than the default, each
 * calculator input other than the worked example, the standards ticked and
 * the year of "check your data". Only what differs from the first state is
 * written, so the address stays short; a part of an address that the page
 * cannot use is named, never silently dropped.
 */
import { initialState, switchable, type State } from './render.js';

/** The address's query for a state: `lang=en&I3=floor&requiredStaff.households=3100&standards=national-2011&year=2014`. */
export function queryOf(state: State): string {
  const first = initialState(state.lang);
  const q = new URLSearchParams();
  if (state.lang !== 'zh') q.set('lang', state.lang);
  for (const i of switchable()) {
    const choice = state.choices[i.id];
    if (choice !== undefined && choice !== i.default) q.set(i.id, choice);
  }
  for (const [rule, fields] of Object.entries(state.values)) {
    for (const [name, text] of Object.entries(fields)) if (text !== (first.values[rule]?.[name] ?? '')) q.set(`${rule}.${name}`, text);
  }
  if (state.standards.length) q.set('standards', state.standards.join(','));
  if (state.year !== first.year) q.set('year', state.year);
  return q.toString();
}

/**
 * A state from an address's query, laid over the first state: every key read, and the keys (or values) the page
 * cannot use listed in `unused`, so the page can say so.
 */
export function stateOf(query: string, standards: readonly string[]): { state: State; unused: string[] } {
  const q = new URLSearchParams(query);
  const lang = q.get('lang') === 'en' ? 'en' : 'zh';
  const state = initialState(lang);
  const unused: string[] = [];
  for (const [key, value] of q) {
    const reading = switchable().find((i) => i.id === key);
    const [rule, field] = key.split('.') as [string, string | undefined];
    if (key === 'lang') {
      if (value !== 'en' && value !== 'zh') unused.push(`${key}=${value}`);
    } else if (key === 'year') state.year = value;
    else if (key === 'standards') {
      for (const id of value.split(',').filter((s) => s !== '')) {
        if (standards.includes(id) && !state.standards.includes(id)) state.standards.push(id);
        else if (!standards.includes(id)) unused.push(`${key}=${id}`);
      }
    } else if (reading) {
      if (reading.options.some((o) => o.id === value)) state.choices[key] = value;
      else unused.push(`${key}=${value}`);
    } else if (field !== undefined && Object.hasOwn(state.values, rule) && Object.hasOwn(state.values[rule]!, field)) state.values[rule]![field] = value;
    else unused.push(key);
  }
  return { state, unused };
}
