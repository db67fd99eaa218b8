import type { StateCode } from './authority.schema.ts';
import { californiaRules } from './california.rules.ts';
import { floridaRules } from './florida.rules.ts';
import { illinoisRules } from './illinois.rules.ts';
import { newYorkRules } from './new-york.rules.ts';
import type { StateRules } from './state-rules.types.ts';
import { texasRules } from './texas.rules.ts';

export const stateRules: Readonly<Record<StateCode, StateRules>> = Object.freeze({
  CA: californiaRules,
  NY: newYorkRules,
  TX: texasRules,
  FL: floridaRules,
  IL: illinoisRules,
});
