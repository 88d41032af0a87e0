export * from './rulebook';
export { parseRulebook, RulebookError } from './parse-rulebook';
export { configureRulebook, type RuleSwitches } from './configure-rulebook';
export { VICTIMS_CODE_2020 } from './victims-code-2020';
export { DefinitionChecker, type Json } from './definition-checker';
