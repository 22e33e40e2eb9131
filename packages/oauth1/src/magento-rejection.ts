import { MAGENTO_PROBLEMS, type MagentoProblem } from './magento-problems';

type PhraseParameters = unknown[] | Record<string, unknown>;

/** A check failed the way Magento fails it: which problem, with which phrase parameters. */
export class MagentoRejection extends Error {
  override readonly name = 'MagentoRejection';
  constructor(
    readonly problem: MagentoProblem,
    readonly parameters?: PhraseParameters,
    readonly errors?: MagentoRejection[],
  ) {
    super(problem.phrase);
  }
}

/** Rejects with the problem whose phrase is given (phrases are Magento's, verbatim). */
export function reject(phrase: string, parameters?: PhraseParameters): MagentoRejection {
  const problem = MAGENTO_PROBLEMS.find((candidate) => candidate.phrase === phrase);
  if (!problem) throw new Error(`Unknown Magento phrase: ${phrase}`);
  return new MagentoRejection(problem, parameters);
}
