/**
 * Preloaded into a server by `bench:request-cpu -- --profile`: profiles the process's CPU from the
 * moment it is told to (SIGWINCH: SIGUSR1 starts the inspector, and Nest's shutdown hooks take SIGUSR2) until it is
 * told again, then writes the profile to `CPU_PROFILE_DIR`/profile-<n>.cpuprofile, n counting from 1
 * (open it in Chrome DevTools or speedscope).
 * `node --cpu-prof` writes only on a normal exit, and the API exits on SIGTERM by signal.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
let profiling = false;
let written = 0;
process.on('SIGWINCH', () => {
  if (!profiling) {
    profiling = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
    return;
  }
  profiling = false;
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(`${process.env.CPU_PROFILE_DIR ?? '/tmp'}/profile-${++written}.cpuprofile`, JSON.stringify(result.profile));
  });
});
