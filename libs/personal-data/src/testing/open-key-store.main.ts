import { SqliteVictimKeyStore } from '../sqlite-victim-key-store';

/** A process that opens the key file named by its argument, as an app process does at its start, and says how it went. */
process.stdout.write('opening\n');
try {
  new SqliteVictimKeyStore({ filename: process.argv[2] }).close();
  process.stdout.write('opened\n');
} catch (error) {
  process.stdout.write(`failed: ${(error as Error).message}\n`);
}
