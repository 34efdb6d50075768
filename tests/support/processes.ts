import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type TestHub, tokenFor } from './hub';

export const fixture = (name: string): string => readFileSync(path.join(__dirname, '..', 'fixtures', 'bpmn', name), 'utf8');

export async function deploy(t: TestHub, xml: string): Promise<{ key: string; version: number; created: boolean }> {
  const res = await t.ok<{ deployProcessDefinition: { created: boolean; definition: { key: string; version: number } } }>(
    'mutation($xml: String!) { deployProcessDefinition(input: {xml: $xml}) { created definition { key version } } }',
    { xml },
  );
  return { ...res.deployProcessDefinition.definition, created: res.deployProcessDefinition.created };
}

/** Staff in the departments the fixtures name, created through the API. */
export async function makeStaff(t: TestHub): Promise<{ ops: string; kx: string; sales: string }> {
  const { departments } = await t.ok<{ departments: { id: string; code: string }[] }>('{ departments { id code } }');
  const id = (code: string) => departments.find((d) => d.code === code)?.id;
  const suffix = Math.random().toString(36).slice(2, 8);
  const make = async (code: string, department: string, role: string) => {
    await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { code, name: code, departmentId: id(department), roles: [role] },
    });
    return code;
  };
  return {
    ops: await make(`ops.${suffix}`, 'OPS', 'OPERATIONS'),
    kx: await make(`kx.${suffix}`, 'KX', 'RESPONSE_CENTER'),
    sales: await make(`sales.${suffix}`, 'SALES', 'ACCOUNT_MANAGER'),
  };
}

export const INSTANCE = `query($id: ID!) { processInstance(id: $id) {
  id status definitionVersion businessKey variables
  waiting { elementId type name message }
  incident { message elementId attempts }
  tasks { id elementId name candidateDepartment candidateRole version dueAt formFields { id type required values } }
  history { elementId type enteredAt leftAt completedBy { code } }
} }`;

export interface InstanceView {
  id: string;
  status: string;
  businessKey: string | null;
  definitionVersion: number;
  variables: Record<string, unknown>;
  waiting: { elementId: string; type: string; message: string | null }[];
  incident: { message: string; elementId: string | null; attempts: number } | null;
  tasks: {
    id: string;
    elementId: string;
    candidateDepartment: string | null;
    candidateRole: string | null;
    version: number;
    dueAt: string | null;
    formFields: unknown[];
  }[];
  history: { elementId: string; leftAt: string | null; completedBy: { code: string } | null }[];
}

export async function readInstance(t: TestHub, id: string): Promise<InstanceView> {
  return (await t.ok<{ processInstance: InstanceView }>(INSTANCE, { id })).processInstance;
}

/**
 * Posts a deployment that must be refused: never a 5xx, always BAD_USER_INPUT; answers the
 * problems it lists (at least one).
 */
export async function refusedProblems(t: TestHub, xml: string): Promise<string[]> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('admin')}` },
    body: JSON.stringify({
      query: 'mutation($xml: String!) { deployProcessDefinition(input: {xml: $xml}) { created } }',
      variables: { xml },
    }),
  });
  expect(res.status).toBeLessThan(500);
  const body = (await res.json()) as { errors?: { extensions?: { code?: string; problems?: string[] } }[] };
  expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const problems = body.errors?.[0].extensions?.problems ?? [];
  expect(problems.length).toBeGreaterThan(0);
  return problems;
}
