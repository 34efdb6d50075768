import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settings } from '../../src/config/config';

describe('The README documents every setting', () => {
  test('When the settings table is read, then it has one row per environment variable the hub reads', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(
      Object.values(settings)
        .map((s) => s.env)
        .sort(),
    );
  });
});
