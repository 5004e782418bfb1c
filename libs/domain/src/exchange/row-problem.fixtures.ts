import { fillIn } from '../trajectory/rejection';
import { ROW_PROBLEM_REASONS, RowProblem, RowProblemReason } from './row-problem';

/** Throws unless each problem has a row problem's key and its English reason is that key's wording, filled in. */
export function assertWordedByTheirKeys(problems: readonly RowProblem[]): void {
  for (const problem of problems) {
    const wording = ROW_PROBLEM_REASONS[problem.key as RowProblemReason] as string | undefined;
    if (wording === undefined) throw new Error(`no row problem's key: ${JSON.stringify(problem)}`);
    const filled = fillIn(wording, problem.params ?? {});
    if (filled !== problem.reason)
      throw new Error(`"${problem.reason}" is not its key's wording "${filled}"`);
  }
}
