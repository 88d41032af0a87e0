import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const depcruise = join(root, 'node_modules/.bin/depcruise');
const config = join(root, '.dependency-cruiser.cjs');

interface CruiseViolation {
  rule: { name: string };
  from: string;
  to: string;
}

function violations(cwd: string, paths: string[]): CruiseViolation[] {
  let output: string;
  try {
    output = execFileSync(depcruise, [...paths, '--config', config, '--output-type', 'json'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(output) as { summary: { violations: CruiseViolation[] } }).summary.violations;
}

describe('architecture rules (dependency-cruiser)', () => {
  it('hold for the whole repository', () => {
    expect(violations(root, ['apps', 'libs', 'test'])).toEqual([]);
  });

  it('fail domain code that imports NestJS, I/O or an adapter', () => {
    const fixture = mkdtempSync(join(tmpdir(), 'depcruise-'));
    try {
      mkdirSync(join(fixture, 'libs/case-journey/src'), { recursive: true });
      mkdirSync(join(fixture, 'libs/event-store/src'), { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(fixture, 'node_modules'));
      writeFileSync(join(fixture, 'tsconfig.json'), '{"compilerOptions":{"baseUrl":"."}}');
      writeFileSync(join(fixture, 'libs/event-store/src/port.ts'), 'export const port = 1;\n');
      writeFileSync(
        join(fixture, 'libs/case-journey/src/decide.ts'),
        "import { Injectable } from '@nestjs/common';\nimport { readFileSync } from 'node:fs';\nimport { port } from '../../event-store/src/port';\nexport const used = [Injectable, readFileSync, port];\n",
      );
      const broken = violations(fixture, ['libs']).map((violation) => violation.rule.name).sort();
      expect(broken).toEqual(['pure-domain-does-no-io', 'pure-domain-imports-no-adapter', 'pure-domain-imports-no-infrastructure']);
    } finally {
      rmSync(fixture, { recursive: true, force: true });
    }
  });
});
