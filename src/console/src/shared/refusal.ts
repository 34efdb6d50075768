/** One reason the hub refused a diagram, with the element it concerns when it names one. */
export interface Problem {
  message: string;
  elementId: string | null;
}

// The hub's problems name their element as "bpmn:Type id: ..." or "bpmn:Type id ..." (the same
// pattern validateProcessDefinition reads them with, in process-validation.resolver.ts).
const ELEMENT = /^(?:bpmn|camunda):\w+ ([^\s:]+)[:\s]/;

export const problemOf = (message: string): Problem => ({ message, elementId: ELEMENT.exec(message)?.[1] ?? null });

/** The problems a deployProcessDefinition refusal lists in `extensions.problems`, or null when it lists none. */
export function refusalProblems(extensions: Readonly<Record<string, unknown>> | undefined): Problem[] | null {
  const problems = extensions?.problems;
  if (!Array.isArray(problems)) return null;
  return problems.filter((p): p is string => typeof p === 'string').map(problemOf);
}

/** Problems grouped by element id; those naming no element under null. */
export function byElement(problems: readonly Problem[]): Map<string | null, Problem[]> {
  const grouped = new Map<string | null, Problem[]>();
  for (const problem of problems) grouped.set(problem.elementId, [...(grouped.get(problem.elementId) ?? []), problem]);
  return grouped;
}
