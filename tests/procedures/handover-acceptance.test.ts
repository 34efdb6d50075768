import { type HandoverWorld, handoverSteps, makeHandoverWorld } from '../support/handover-acceptance';
import { startTestHub, type TestHub } from '../support/hub';

const CIRCUIT = `query($id: ID!) { circuit(id: $id) { maintainingDepartment { code }
  history { action note changes { field from to toDepartment { code } } } } }`;
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('Handover acceptance (交维验收): applied, entered, tested on site and on the lines, reworked, approved, handed over', () => {
  let t: TestHub;
  let world: HandoverWorld;
  let steps: ReturnType<typeof handoverSteps>;

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeHandoverWorld(t);
    steps = handoverSteps(t);
  });
  afterAll(() => t.stop());

  test('When every check passes at the first round, then the final approval hands each circuit to its maintaining unit and the ticket closes', async () => {
    await steps.moveTo('2026-03-09T09:00:00');
    const opened = await steps.request(world);
    expect(opened).toMatchObject({ status: 'acknowledged', kind: 'HANDOVER_ACCEPTANCE', ownerDepartment: { code: 'CONS' } });
    const first = await steps.read(opened.id);
    // The application is the contractors' (role CONTRACTOR in department CONTRACTOR), due in 2 working days.
    expect(first.procedure?.tasks).toEqual([
      expect.objectContaining({
        elementId: 'submitApplication',
        candidateDepartment: 'CONTRACTOR',
        candidateRole: 'CONTRACTOR',
        dueAt: at('2026-03-11T17:30:00'),
        assignee: null,
      }),
    ]);
    await steps.apply(opened.id, world.contractor);
    await steps.enterRecords(opened.id, world);
    expect((await steps.read(opened.id)).status).toBe('inProgress');
    await steps.testRound(opened.id, world);
    await steps.approve(opened.id, world);

    const done = await steps.read(opened.id);
    expect(done.status).toBe('closed');
    expect(done.procedure).toMatchObject({ status: 'COMPLETED', tasks: [] });
    const acceptance = done.handoverAcceptance;
    expect(acceptance).toMatchObject({
      reworkRounds: 0,
      defects: [],
      contractor: { department: { code: 'CONTRACTOR' }, user: null },
      maintainingDepartment: { code: 'REGION' },
      works: [
        { kind: 'FIBER', description: '星湖街328号 至 园区机房 48芯光缆' },
        { kind: 'TRANSMISSION_EQUIPMENT', description: '星湖街328号 PTN 960' },
      ],
    });
    expect(acceptance?.approvedAt).not.toBeNull();
    // The documents handed in through the task's attachments fields are on file with the ticket.
    const documents = acceptance?.documents;
    expect(done.attachments.map((a) => a.id).sort()).toEqual(
      [...(documents?.signOff ?? []), ...(documents?.completionPlan ?? []), ...(documents?.asBuiltDrawings ?? [])].sort(),
    );
    expect(done.attachments.map((a) => a.name).sort()).toEqual(['会审签证.pdf', '竣工图.pdf', '竣工方案.pdf'].sort());
    expect(acceptance?.tests).toHaveLength(10);
    expect(acceptance?.tests.every((test) => test.round === 1 && test.passed)).toBe(true);
    expect(new Set(acceptance?.tests.map((test) => test.department))).toEqual(new Set(['KX', 'TRANS', 'REGION']));
    // No maintenance vacuum: every circuit is maintained by REGION from now on, recorded in its history.
    expect(acceptance?.circuits.map((c) => c.circuit.id).sort()).toEqual(world.circuits.map((c) => c.id).sort());
    expect(acceptance?.circuits.map((c) => [c.maintainingDepartment?.code, c.circuit.maintainingDepartment?.code])).toEqual([
      ['REGION', 'REGION'],
      ['REGION', 'REGION'],
    ]);
    for (const circuit of world.circuits) {
      const read = (
        await t.ok<{
          circuit: {
            maintainingDepartment: { code: string };
            history: { note: string | null; changes: { field: string; toDepartment: { code: string } | null }[] }[];
          };
        }>(CIRCUIT, { id: circuit.id })
      ).circuit;
      expect(read.maintainingDepartment.code).toBe('REGION');
      expect(read.history[0]).toMatchObject({
        note: `交维: maintained by REGION from handover acceptance ${opened.number}`,
        changes: [{ field: 'maintainingDepartment', toDepartment: { code: 'REGION' } }],
      });
    }
    expect(await steps.notes(opened.id, '交维验收通过')).toHaveLength(1);
  });

  test('When on-site and line tests fail and then the final approval sends it back, then two rework rounds are counted and the third round is accepted', async () => {
    await steps.moveTo('2026-03-16T09:00:00');
    const opened = await steps.request(world);
    await steps.apply(opened.id, world.contractor);
    await steps.enterRecords(opened.id, world);
    // Round 1: the support office finds the workmanship poor, transmission maintenance a bad fiber.
    await steps.testRound(opened.id, world, ['workmanshipTest', 'fiberTest']);
    let view = await steps.read(opened.id);
    expect(view.procedure?.tasks.map((task) => task.elementId)).toEqual(['reworkTests']);
    expect(view.handoverAcceptance?.defects).toEqual([
      '施工工艺 workmanship failed (KX): workmanshipTest 不合格',
      '光缆 fiber failed (TRANS): fiberTest 不合格',
    ]);
    // The contractor reads what to fix on its own task.
    const brief = await t.ok<{ task: { handoverBrief: { defects: string[]; reworkRounds: number } } }>(
      'query($id: ID!) { task(id: $id) { handoverBrief { defects reworkRounds } } }',
      { id: (await steps.taskOf(opened.id, 'reworkTests')).id },
      world.contractor,
    );
    expect(brief.task.handoverBrief).toEqual({ defects: view.handoverAcceptance?.defects, reworkRounds: 0 });
    await steps.complete(opened.id, 'reworkTests', world.contractor, {
      reworkNote: '重新熔接, 整理线缆',
      revisedDocuments: [await steps.upload(world.contractor, '竣工图-修订.pdf')],
    });
    expect((await steps.read(opened.id)).handoverAcceptance?.reworkRounds).toBe(1);
    // Round 2 passes every test; the support office still refuses the final approval.
    await steps.testRound(opened.id, world);
    await steps.complete(opened.id, 'confirmResults', world.cons, { overallPassed: true });
    await steps.complete(opened.id, 'finalApproval', world.support, { approved: false, approvalRemark: '资产标签缺失' });
    view = await steps.read(opened.id);
    expect(view.handoverAcceptance?.defects).toEqual(['服务支撑室 (KX) did not approve: 资产标签缺失']);
    await steps.complete(opened.id, 'reworkApproval', world.contractor, { reworkNote: '补贴资产标签' });
    // Round 3 is accepted.
    await steps.testRound(opened.id, world);
    await steps.approve(opened.id, world);

    view = await steps.read(opened.id);
    expect(view.status).toBe('closed');
    const acceptance = view.handoverAcceptance;
    expect(acceptance?.reworkRounds).toBe(2);
    expect(acceptance?.reworks).toEqual([
      {
        round: 1,
        defects: ['施工工艺 workmanship failed (KX): workmanshipTest 不合格', '光缆 fiber failed (TRANS): fiberTest 不合格'],
        note: '重新熔接, 整理线缆',
        documents: [expect.any(String)],
      },
      { round: 2, defects: ['服务支撑室 (KX) did not approve: 资产标签缺失'], note: '补贴资产标签', documents: [] },
    ]);
    expect(acceptance?.tests.map((test) => test.round).filter((round, i, all) => all.indexOf(round) === i)).toEqual([1, 2, 3]);
    expect(acceptance?.tests.filter((test) => !test.passed).map((test) => [test.round, test.kind])).toEqual([
      [1, 'WORKMANSHIP'],
      [1, 'FIBER'],
    ]);
    expect(acceptance?.circuits.every((c) => c.maintainingDepartment?.code === 'REGION')).toBe(true);
    // One record of each round: the parallel line tests joined once per round.
    expect(await steps.notes(opened.id, '交维验收 round')).toHaveLength(3);
  });

  test('When construction does not confirm the results, then the contractor reworks what it named and the next round starts on site', async () => {
    await steps.moveTo('2026-03-18T09:00:00');
    const opened = await steps.request(world);
    await steps.apply(opened.id, world.contractor);
    await steps.enterRecords(opened.id, world);
    await steps.testRound(opened.id, world);
    const refused = await steps.completeAnswer(opened.id, 'confirmResults', world.cons, { overallPassed: false });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables.confirmRemark' });
    await steps.complete(opened.id, 'confirmResults', world.cons, { overallPassed: false, confirmRemark: '竣工图与现场不符' });
    const view = await steps.read(opened.id);
    expect(view.procedure?.tasks.map((task) => task.elementId)).toEqual(['reworkConstruction']);
    expect(view.handoverAcceptance?.defects).toEqual(['集家客网络建设室 (CONS) did not confirm the results: 竣工图与现场不符']);
    await steps.complete(opened.id, 'reworkConstruction', world.contractor, { reworkNote: '更新竣工图' });
    const next = await steps.read(opened.id);
    expect(next.procedure?.tasks.map((task) => task.elementId)).toEqual(['onSiteTests']);
    expect(next.handoverAcceptance).toMatchObject({ reworkRounds: 1, defects: [] });
  });

  test('When a failed check has no remark, then the completion is refused naming the remark field and the task stays open', async () => {
    await steps.moveTo('2026-03-23T09:00:00');
    const opened = await steps.request(world);
    await steps.apply(opened.id, world.contractor);
    await steps.enterRecords(opened.id, world);
    const answer = await steps.completeAnswer(opened.id, 'onSiteTests', world.support, {
      recordsAccurate: true,
      transmissionTest: false,
      integrationTest: true,
      workmanshipTest: true,
      serviceDialTest: true,
    });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables.onSiteRemark' });
    expect((await steps.read(opened.id)).procedure?.tasks.map((task) => task.elementId)).toEqual(['onSiteTests']);
  });

  test('When a step is late across National Day, then its own department is chased at the close of its working-day limit, the make-up Saturday counted', async () => {
    await steps.moveTo('2026-09-30T10:00:00');
    const opened = await steps.request(world);
    // Armed on Wed 30 Sep: Oct 1-7 are holidays, so the 2 working days are Thu 8 and Fri 9 Oct.
    expect((await steps.taskOf(opened.id, 'submitApplication')).dueAt).toBe(at('2026-10-09T17:30:00'));
    await steps.moveTo('2026-10-09T17:29:00');
    expect(await steps.notes(opened.id, '催办')).toEqual([]);
    await steps.moveTo('2026-10-09T17:31:00');
    expect(await steps.notes(opened.id, '催办')).toEqual([
      expect.stringMatching(/^催办: CONTRACTOR chased, Submit the acceptance application/),
    ]);
    await steps.moveTo('2026-10-09T18:00:00');
    await steps.apply(opened.id, world.contractor);
    // Armed on Fri 9 Oct: Saturday 10 Oct is a make-up working day, so the second is Mon 12 Oct, not Tue 13.
    expect((await steps.taskOf(opened.id, 'enterRecords')).dueAt).toBe(at('2026-10-12T17:30:00'));
    await steps.moveTo('2026-10-12T09:00:00');
    await steps.enterRecords(opened.id, world);
    await steps.complete(opened.id, 'onSiteTests', world.support, {
      recordsAccurate: true,
      transmissionTest: true,
      integrationTest: true,
      workmanshipTest: true,
      serviceDialTest: true,
    });
    // Both line tests run at once; the regional unit answers, transmission maintenance does not.
    await steps.complete(opened.id, 'lineTestRegion', world.region, { lineTest: true, assetsConfirmed: true });
    await steps.moveTo('2026-10-14T17:31:00');
    const chases = await steps.notes(opened.id, '催办');
    expect(chases).toHaveLength(2);
    expect(chases).toContainEqual('催办: TRANS chased, Test fiber, ducts and access equipment is late (due 2026-10-14T09:30:00.000Z)');
    expect(chases.some((note) => note.includes('REGION'))).toBe(false);
  });

  test('When the request names a contractor, then its application and rework are given to it and another contractor cannot complete them', async () => {
    await steps.moveTo('2026-03-30T09:00:00');
    const opened = await steps.request(world, { contractorUserId: world.users[world.contractor] });
    const task = await steps.taskOf(opened.id, 'submitApplication');
    expect(task.assignee).toEqual({ code: world.contractor });
    const other = await steps.completeAnswer(opened.id, 'submitApplication', world.otherContractor, {
      signOff: ['x'],
      completionPlan: ['x'],
      asBuiltDrawings: ['x'],
    });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await steps.apply(opened.id, world.contractor);
    expect((await steps.read(opened.id)).handoverAcceptance?.contractor).toEqual({
      department: { code: 'CONTRACTOR' },
      user: { code: world.contractor },
    });
  });

  test('When a page of approved acceptances is read with their contractors, tests and circuits, then one more ticket costs no statement', async () => {
    // The two approved above: the same shape, so any statement per ticket would show.
    const PAGE = (
      n: number,
    ) => `query($c: ID!) { tickets(first: ${n}, filter: { customerId: $c, kinds: [HANDOVER_ACCEPTANCE], statuses: [closed] }) {
      edges { node { handoverAcceptance { reworkRounds contractor { department { code } user { code } } maintainingDepartment { code }
        tests { kind passed } circuits { circuit { code } maintainingDepartment { code } } } } } } }`;
    const one = await t.countStatements(() => t.ok(PAGE(1), { c: world.customer.id }));
    const two = await t.countStatements(() => t.ok(PAGE(2), { c: world.customer.id }));
    expect(two.count).toBe(one.count);
  });
});
