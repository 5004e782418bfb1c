/**
 * The short titles under which rules cite their source documents, as `<short title> l.N`, `§section` or `p.N`.
 * Each is described, with the passages the code relies on, in docs/sources.md. A citation starting with
 * `public:` states a public fact about the decree of 7 June 2013 as amended (docs/sources.md, "Public facts").
 */
export const SOURCE_TITLES = [
  'Rapportage HIB 2016-2017',
  'Actieplan integratiebeleid',
  'Beleidsplan 2020-2024',
  'BBT 2020-2021',
  'Beleidsbrief 2015-2016',
  'Handhaving inburgeringsbeleid',
  'Verplichting tot inburgering',
] as const;

export type SourceTitle = (typeof SOURCE_TITLES)[number];

/** A citation: a short title followed by a line, section or page, or a public fact. */
export const CITATION = new RegExp(
  `^(public: |(${SOURCE_TITLES.map((title) => title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}) (l\\.\\d+|§|p\\.\\d+))`,
);
