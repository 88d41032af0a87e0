import { benchOptions } from './bench-options';

const SPEC = {
  cases: { type: 'integer', default: 2000 },
  duration: { type: 'number', default: 8 },
  prefix: { type: 'string' },
  checkpoints: { type: 'string', choices: ['on-thread', 'in-commit'], default: 'on-thread' },
  'keep-data': { type: 'boolean' },
} as const;

class Exited extends Error {
  constructor(readonly code: number | undefined) {
    super(`exited ${code}`);
  }
}

describe('bench options', () => {
  let written: string;

  beforeEach(() => {
    written = '';
    jest.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Exited(Number(code));
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((text) => ((written += String(text)), true));
    jest.spyOn(process.stdout, 'write').mockImplementation((text) => ((written += String(text)), true));
  });

  afterEach(() => jest.restoreAllMocks());

  /** The exit code and what was printed, for a parse that stops the script. */
  function stopped(argv: string[]): { code: number | undefined; written: string } {
    try {
      benchOptions(SPEC, argv);
    } catch (error) {
      if (error instanceof Exited) return { code: error.code, written };
      throw error;
    }
    throw new Error('the parse did not stop the script');
  }

  it('gives each option its default when the flag is absent, and a boolean false', () => {
    expect(benchOptions(SPEC, [])).toEqual({ cases: 2000, duration: 8, prefix: undefined, checkpoints: 'on-thread', 'keep-data': false });
  });

  it('reads --name=value, --name value and a boolean flag alone', () => {
    expect(benchOptions(SPEC, ['--cases=300', '--duration', '2.5', '--prefix=cj-kept', '--checkpoints=in-commit', '--keep-data'])).toEqual({
      cases: 300,
      duration: 2.5,
      prefix: 'cj-kept',
      checkpoints: 'in-commit',
      'keep-data': true,
    });
  });

  it('keeps a value that holds = whole', () => {
    expect(benchOptions(SPEC, ['--prefix=a=b']).prefix).toBe('a=b');
  });

  it('stops on an unknown flag, naming it', () => {
    const { code, written } = stopped(['--cases=3', '--keep']);
    expect(code).toBe(2);
    expect(written).toContain("'--keep'");
    expect(written).toContain('--keep-data');
  });

  it('stops on a number that is not one, or a count that is not whole, naming the flag', () => {
    expect(stopped(['--duration=soon'])).toEqual({ code: 2, written: expect.stringContaining("--duration must be a number, not 'soon'") });
    written = '';
    expect(stopped(['--cases=2.5'])).toEqual({ code: 2, written: expect.stringContaining("--cases must be a whole number, zero or more, not '2.5'") });
    written = '';
    expect(stopped(['--cases='])).toEqual({ code: 2, written: expect.stringContaining("--cases must be a number, not ''") });
  });

  it('stops on a value outside the choices, and on a string flag with no value', () => {
    expect(stopped(['--checkpoints=never'])).toEqual({ code: 2, written: expect.stringContaining("--checkpoints must be one of on-thread, in-commit, not 'never'") });
    written = '';
    expect(stopped(['--prefix'])).toEqual({ code: 2, written: expect.stringContaining('--prefix') });
  });

  it('prints the options with their defaults on --help and exits cleanly', () => {
    const { code, written } = stopped(['--help']);
    expect(code).toBe(0);
    expect(written).toContain('--cases=<integer>  (default 2000)');
    expect(written).toContain('--checkpoints=<on-thread|in-commit>  (default on-thread)');
  });
});
