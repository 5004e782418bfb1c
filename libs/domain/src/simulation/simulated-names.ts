/**
 * Names for simulated newcomers: realistic and varied, so a search by name selects what it would select in a real
 * caseload (a family name matches a few dozen persons in a million, a common given name some thousands, a prefix
 * of two letters a few percent). A given name from a list of names common among newcomers, a family name composed
 * of a first syllable, an optional middle one and an ending (30 × 20 × 24, about 12,000 distinct names), both
 * chosen by the digits of one hash of a key. The same arithmetic is written in SQL by `simulatedNameSql` (the
 * benchmark's copies take names from the serial of their copy), so both give the same name for the same key.
 */
export const SIMULATED_GIVEN_NAMES = [
  'Amina',
  'Oleksandr',
  'Fatima',
  'Yusuf',
  'Mariam',
  'Tigist',
  'Ahmad',
  'Nour',
  'Dawit',
  'Sara',
  'Mohammed',
  'Aisha',
  'Omar',
  'Khadija',
  'Ali',
  'Zainab',
  'Hassan',
  'Layla',
  'Ibrahim',
  'Hana',
  'Mustafa',
  'Yasmin',
  'Karim',
  'Salma',
  'Bilal',
  'Rania',
  'Tariq',
  'Noor',
  'Samir',
  'Leila',
  'Olena',
  'Andriy',
  'Iryna',
  'Dmytro',
  'Natalia',
  'Serhiy',
  'Oksana',
  'Viktor',
  'Tetiana',
  'Maksym',
  'Abdullah',
  'Farida',
  'Hamid',
  'Shirin',
  'Jawad',
  'Parwana',
  'Rahim',
  'Soraya',
  'Nasir',
  'Zahra',
  'Yonas',
  'Selam',
  'Kidane',
  'Helen',
  'Tesfay',
  'Senait',
  'Berhane',
  'Luwam',
  'Mehari',
  'Saba',
  'Mamadou',
  'Aminata',
  'Ibrahima',
  'Fatoumata',
  'Ousmane',
  'Mariama',
  'Abdoulaye',
  'Kadiatou',
  'Alpha',
  'Hawa',
  'Piotr',
  'Agnieszka',
  'Tomasz',
  'Katarzyna',
  'Andrei',
  'Ioana',
  'Mihai',
  'Elena',
  'Georgi',
  'Maria',
  'Emre',
  'Elif',
  'Murat',
  'Zeynep',
  'Burak',
  'Ayse',
  'Jean',
  'Grace',
  'Patrick',
  'Esther',
  'Ahmed',
  'Samira',
  'Youssef',
  'Imane',
  'Rachid',
  'Nadia',
  'Walid',
  'Houda',
  'Anas',
  'Siham',
] as const;
export const SIMULATED_FAMILY_FIRST = [
  'Ab',
  'Al',
  'Am',
  'Ba',
  'Bek',
  'Da',
  'Di',
  'El',
  'Fa',
  'Ga',
  'Ha',
  'Hu',
  'Ib',
  'Ka',
  'Ko',
  'Ku',
  'Ma',
  'Mo',
  'Na',
  'No',
  'Ou',
  'Ra',
  'Sa',
  'Sha',
  'Ta',
  'Te',
  'Ya',
  'Yu',
  'Za',
  'Zo',
] as const;
export const SIMULATED_FAMILY_MIDDLE = [
  '',
  '',
  '',
  'ba',
  'di',
  'ha',
  'ki',
  'la',
  'li',
  'ma',
  'mi',
  'na',
  'ra',
  'ri',
  'sa',
  'ta',
  'va',
  'za',
  'dou',
  'ro',
] as const;
export const SIMULATED_FAMILY_ENDINGS = [
  'di',
  'ev',
  'ov',
  'ova',
  'enko',
  'uk',
  'ski',
  'yan',
  'ani',
  'ari',
  'ullah',
  'ou',
  'iri',
  'ssi',
  'lo',
  'ye',
  'ba',
  'mi',
  'zai',
  'oglu',
  'escu',
  'ic',
  'ah',
  'ane',
] as const;

/** Knuth's multiplicative hash of the key, modulo 2^32 (exact in SQL bigint and in a BigInt). */
const MULTIPLIER = 2654435761n;
const MODULUS = 4294967296n;

/** The name of simulated person `key` (a non-negative integer below 2^31). */
export function simulatedName(key: number): { givenName: string; familyName: string } {
  let hash = (BigInt(key) * MULTIPLIER) % MODULUS;
  const digit = (base: number): number => {
    const value = Number(hash % BigInt(base));
    hash /= BigInt(base);
    return value;
  };
  const givenName = SIMULATED_GIVEN_NAMES[digit(SIMULATED_GIVEN_NAMES.length)];
  const first = SIMULATED_FAMILY_FIRST[digit(SIMULATED_FAMILY_FIRST.length)];
  const middle = SIMULATED_FAMILY_MIDDLE[digit(SIMULATED_FAMILY_MIDDLE.length)];
  const ending = SIMULATED_FAMILY_ENDINGS[digit(SIMULATED_FAMILY_ENDINGS.length)];
  return { givenName, familyName: first + middle + ending };
}

/**
 * The same as `simulatedName`, as an SQL expression of the bigint expression `key`: a text[] of the given and the
 * family name. The lists are inlined as literals (no quotes in them).
 */
export function simulatedNameSql(key: string): string {
  const array = (values: readonly string[]) => `(ARRAY[${values.map((value) => `'${value}'`).join(',')}])`;
  const hash = `((${key})::bigint * ${MULTIPLIER} % ${MODULUS})`;
  const g = SIMULATED_GIVEN_NAMES.length;
  const f = SIMULATED_FAMILY_FIRST.length;
  const m = SIMULATED_FAMILY_MIDDLE.length;
  const e = SIMULATED_FAMILY_ENDINGS.length;
  return `ARRAY[${array(SIMULATED_GIVEN_NAMES)}[1 + ${hash} % ${g}],
    ${array(SIMULATED_FAMILY_FIRST)}[1 + ${hash} / ${g} % ${f}]
    || ${array(SIMULATED_FAMILY_MIDDLE)}[1 + ${hash} / ${g * f} % ${m}]
    || ${array(SIMULATED_FAMILY_ENDINGS)}[1 + ${hash} / ${g * f * m} % ${e}]]`;
}
