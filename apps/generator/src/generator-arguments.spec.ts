import { ArgumentError, parseArguments } from './generator-arguments';

describe('generator arguments', () => {
  it('default to the demo profile, seed 42, NDJSON on stdout', () => {
    expect(parseArguments([])).toEqual({ profile: 'demo', seed: 42, toStore: false, requests: false });
  });

  it('read every option', () => {
    expect(parseArguments(['--profile', 'bench', '--seed', '7', '--out', 'x.ndjson', '--cases', '10', '--now', '2026-01-01T00:00:00Z', '--requests'])).toEqual({
      requests: true,
      profile: 'bench',
      seed: 7,
      out: 'x.ndjson',
      toStore: false,
      cases: 10,
      now: '2026-01-01T00:00:00Z',
    });
    expect(parseArguments(['--to-store', '--data-dir', '/tmp/d'])).toMatchObject({ toStore: true, dataDir: '/tmp/d' });
    expect(parseArguments(['--help'])).toBe('help');
  });

  it('take --now now as the current hour', () => {
    expect(parseArguments(['--now', 'now'], () => new Date('2026-03-04T15:47:12.345Z'))).toMatchObject({ now: '2026-03-04T15:00:00.000Z' });
  });

  it.each([
    [['--profile', 'nope'], /Unknown profile/],
    [['--seed', '4.2'], /integer/],
    [['--cases=-1'], /negative/],
    // util.parseArgs takes a value that starts with '-' for a flag unless written --cases=-1
    [['--cases', '-1'], /'--cases' argument is ambiguous/],
    [['--now', 'yesterday'], /ISO/],
    [['--out'], /'--out <value>' argument missing/],
    [['--out', 'x', '--to-store'], /not both/],
    [['--verbose'], /Unknown option '--verbose'/],
  ])('refuse %j', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(ArgumentError);
    expect(() => parseArguments(argv)).toThrow(message);
  });
});
