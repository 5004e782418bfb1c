import { isDeepStrictEqual } from 'node:util';

/**
 * What a page showed, with the API's answer that held while it read it. Other test files change the same figures
 * meanwhile (they open trajectories for the same agencies), so one answer fetched before the page's own fetch can
 * differ from what the page shows. The API is asked before and after the page's read; the read counts only when both
 * answers are the same, and is retried otherwise.
 */
export async function betweenEqualAnswers<Answer, Shown>(
  askApi: () => Promise<Answer>,
  readPage: () => Promise<Shown>,
  attempts = 5,
): Promise<{ answer: Answer; shown: Shown }> {
  for (let attempt = 1; ; attempt++) {
    const before = await askApi();
    const shown = await readPage();
    const after = await askApi();
    if (isDeepStrictEqual(before, after)) return { answer: before, shown };
    if (attempt === attempts)
      throw new Error(`the API's answer changed during each of ${attempts} reads of the page`);
  }
}
