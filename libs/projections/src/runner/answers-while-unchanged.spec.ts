import { AnswersWhileUnchanged } from './answers-while-unchanged';

describe('answers kept while the read model has not changed', () => {
  const worker = () => {
    const worked: string[] = [];
    return { worked, workOut: async (mark: string) => (worked.push(mark), `answer under ${mark}`) };
  };

  it('given an answer worked out, when asked again under the same mark, then it is given without working it out again', async () => {
    const answers = new AnswersWhileUnchanged<string>(0);
    const { worked, workOut } = worker();
    expect(await answers.answer('q', async () => 'm1', workOut)).toBe('answer under m1');
    expect(await answers.answer('q', async () => 'm1', workOut)).toBe('answer under m1');
    expect(worked).toEqual(['m1']);
  });

  it('given the mark moved, when asked again, then the answer is worked out again under the new mark', async () => {
    const answers = new AnswersWhileUnchanged<string>(0);
    const { worked, workOut } = worker();
    await answers.answer('q', async () => 'm1', workOut);
    expect(await answers.answer('q', async () => 'm2', workOut)).toBe('answer under m2');
    expect(worked).toEqual(['m1', 'm2']);
  });

  it('given a fresh answer, when asked again, then the mark is not even read', async () => {
    const answers = new AnswersWhileUnchanged<string>(60_000);
    const { workOut } = worker();
    let marksRead = 0;
    const markNow = async () => (marksRead++, 'm1');
    await answers.answer('q', markNow, workOut);
    await answers.answer('q', markNow, workOut);
    expect(marksRead).toBe(1);
  });

  it('given one request refreshing a stale answer, when others ask meanwhile, then they get the previous answer and the work is done once', async () => {
    const answers = new AnswersWhileUnchanged<string>(0);
    const { worked, workOut } = worker();
    await answers.answer('q', async () => 'm1', workOut);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const refreshing = answers.answer('q', async () => (await held, 'm2'), workOut);
    const meanwhile = await Promise.all([1, 2, 3].map(() => answers.answer('q', async () => 'm2', workOut)));
    expect(meanwhile).toEqual(['answer under m1', 'answer under m1', 'answer under m1']);
    release();
    expect(await refreshing).toBe('answer under m2');
    expect(worked).toEqual(['m1', 'm2']);
  });

  it('keeps each question apart', async () => {
    const answers = new AnswersWhileUnchanged<string>(60_000);
    expect(await answers.answer('q1', async () => 'm', async () => 'one')).toBe('one');
    expect(await answers.answer('q2', async () => 'm', async () => 'two')).toBe('two');
  });
});
