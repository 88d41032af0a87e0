import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { validatedMapping, type Mapping } from './mapping';

/** The mappings shipped with the product, one JSON file each beside this module. */
export const MAPPINGS_DIRECTORY = __dirname;

const NAME = /^[a-z0-9-]{1,64}$/;

export const isShippedMapping = (name: string): boolean => NAME.test(name) && existsSync(join(MAPPINGS_DIRECTORY, `${name}.json`));

/** A shipped mapping by name, or (for the CLI) a mapping file by path; checked whole as it is loaded. */
export function loadMapping(nameOrPath: string): Mapping {
  const path = isShippedMapping(nameOrPath) ? join(MAPPINGS_DIRECTORY, `${nameOrPath}.json`) : nameOrPath;
  return validatedMapping(JSON.parse(readFileSync(path, 'utf8')), basename(path, '.json'));
}
