// Builds the character → toneless pinyin table the matcher folds names with, from the pinned pinyin-pro
// (package-lock.json beside this file), and writes it to standard output. Run it through regenerate.sh.
// Standard error gets the counts and, for review, the surname readings pinyin-pro knows that the hand-checked
// surname table (shared/Hub.Core/Identity/Matching/Data/pinyin-surnames.txt) does not hold, and the reverse.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const { version } = require('pinyin-pro/package.json');

// Every block of CJK ideographs, so that a reading pinyin-pro gains in a later version is not missed. The
// compatibility ideographs (U+F900–U+FAFF) are left out: NFKC, which names go through first, maps them to these.
const blocks = [
  [0x3007, 0x3007], // 〇, the ideographic zero some names are written with
  [0x3400, 0x4dbf], // Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0x20000, 0x323af], // Extensions B to H
];

// ü is written v (lv, nv, lve, nve), so that 吕 lv and 卢 lu stay apart; ju, qu, xu and yu keep their u.
const readingOf = (character) => {
  const readings = pinyin(character, { toneType: 'none', type: 'array', v: true });
  if (readings.length !== 1) {
    throw new Error(`U+${character.codePointAt(0).toString(16)}: ${readings.length} readings`);
  }
  const [reading] = readings;
  if (reading === character) {
    return null;
  }
  if (!/^[a-z]+$/.test(reading)) {
    throw new Error(`U+${character.codePointAt(0).toString(16)}: unexpected reading '${reading}'`);
  }
  return reading;
};

const bySyllable = new Map();
const unknownInMainBlock = [];
let characters = 0;
for (const [first, last] of blocks) {
  for (let codePoint = first; codePoint <= last; codePoint++) {
    const character = String.fromCodePoint(codePoint);
    const reading = readingOf(character);
    if (reading === null) {
      if (codePoint >= 0x4e00 && codePoint <= 0x9fff) {
        unknownInMainBlock.push(character);
      }
      continue;
    }
    bySyllable.set(reading, [...(bySyllable.get(reading) ?? []), character]);
    characters++;
  }
}

const syllables = [...bySyllable.keys()].sort();
process.stderr.write(`pinyin-pro ${version}: ${characters} characters, ${syllables.length} syllables; `
  + `${unknownInMainBlock.length} characters of U+4E00-U+9FFF without a reading\n`);

// The surname table is checked by hand; pinyin-pro's own surname readings are only a list to review it against.
const surnamesFile = new URL('../../shared/Hub.Core/Identity/Matching/Data/pinyin-surnames.txt', import.meta.url);
const handChecked = new Map(readFileSync(surnamesFile, 'utf8').split('\n')
  .filter((line) => line.length > 0 && !line.startsWith('#'))
  .map((line) => line.split(' ')));
const surnameData = readFileSync(require.resolve('pinyin-pro').replace(/index\.js$/, 'esm/data/surname.mjs'), 'utf8');
for (const [, surname] of surnameData.matchAll(/^\s+(\S+): '[^']+',$/gm)) {
  const asSurname = pinyin(surname, { toneType: 'none', type: 'array', v: true, surname: 'head' }).join('');
  const plain = [...surname].map(readingOf).join('');
  if (asSurname !== plain && !handChecked.has(surname)) {
    process.stderr.write(`review: pinyin-pro reads the surname ${surname} ${asSurname}, not ${plain}; not in the surname table\n`);
  }
}
for (const [surname, reading] of handChecked) {
  const asSurname = pinyin(surname, { toneType: 'none', type: 'array', v: true, surname: 'head' }).join('');
  if (asSurname !== reading) {
    process.stderr.write(`review: the surname table reads ${surname} ${reading}, pinyin-pro ${asSurname}\n`);
  }
}

const lines = [
  '# Chinese characters by their toneless pinyin: one line per syllable, then every character whose most common',
  `# reading it is, in code-point order. Generated from pinyin-pro ${version} (npm, MIT; see pinyin-pro-LICENSE.txt)`,
  '# by eng/pinyin/regenerate.sh; do not edit by hand. u-umlaut is written v (lv, nv, lve, nve).',
  `# ${characters} characters, ${syllables.length} syllables. No reading for these of U+4E00-U+9FFF:`,
  `# ${unknownInMainBlock.join('')}`,
  ...syllables.map((syllable) => `${syllable} ${bySyllable.get(syllable).join('')}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
