import victimsCode2020 from '../../rulebooks/victims-code-2020.json';
import { parseRulebook } from './parse-rulebook';
import type { Rulebook } from './rulebook';

/** The 2020 Code as shipped (rules tagged U disabled); deployments may load their own file through parseRulebook. */
export const VICTIMS_CODE_2020: Rulebook = parseRulebook(victimsCode2020);
