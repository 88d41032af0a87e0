import { VICTIMS_CODE_2020 } from '@case-journey/victims-code';
import sharedMeasures from '../../definitions/shared-measures.json';
import { parseMeasureDefinitions } from './parse-measure-definitions';
import type { MeasureDefinitions } from './measure-definitions';

/** The shared measures as shipped, checked against the 2020 Code's entitlements on load. */
export const SHARED_MEASURES: MeasureDefinitions = parseMeasureDefinitions(sharedMeasures, { entitlements: VICTIMS_CODE_2020.rules.map((rule) => rule.id) });
