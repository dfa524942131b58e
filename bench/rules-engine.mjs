/** The same four checks as json-rules-engine rules, with derived facts for the arithmetic. */
import { Engine } from 'json-rules-engine';

export function makeEngine() {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addFact('roomsNeeded', async (_p, a) => ((await a.factValue('residents')) * 5) / 100);
  engine.addFact('staffNeeded', async (_p, a) => Math.ceil(((await a.factValue('households')) + (await a.factValue('floatingHouseholds'))) / 600));
  const rule = (name, all) => ({ name, conditions: { all }, event: { type: name } });
  engine.addRule(
    rule('size', [
      { fact: 'households', operator: 'greaterThanInclusive', value: 2400 },
      { fact: 'households', operator: 'lessThanInclusive', value: 3600 },
      { fact: 'residents', operator: 'greaterThanInclusive', value: 6400 },
      { fact: 'residents', operator: 'lessThanInclusive', value: 9600 },
    ]),
  );
  engine.addRule(rule('rooms', [{ fact: 'roomAreaM2', operator: 'greaterThanInclusive', value: { fact: 'roomsNeeded' } }]));
  engine.addRule(rule('staff', [{ fact: 'staff', operator: 'greaterThanInclusive', value: { fact: 'staffNeeded' } }]));
  engine.addRule(rule('subsidy', [{ fact: 'streetSubsidyPaid', operator: 'greaterThanInclusive', value: 30000 }]));
  return engine;
}

const ORDER = ['size', 'rooms', 'staff', 'subsidy'];
/** Status codes as the baseline gives them (1 pass, 0 fail), 4 per record. */
export async function runEngine(engine, records) {
  const out = new Uint8Array(records.length * 4);
  for (let i = 0; i < records.length; i++) {
    const { events } = await engine.run(records[i]);
    for (const e of events) out[i * 4 + ORDER.indexOf(e.type)] = 1;
  }
  return out;
}
