import { createHash } from 'node:crypto';
import { request } from 'node:http';
import {
  attachmentsUrl,
  DOCX,
  downloadAttachment,
  makeZip,
  postAttachment,
  sampleDocx,
  sampleExe,
  samplePdf,
  samplePng,
  uploadAttachment,
} from '../support/attachments';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';

const OPEN = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';
const MAX_BYTES = 64 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const codeOf = (answer: { body: { errors?: { extensions?: { code?: string } }[] } }) => answer.body.errors?.[0]?.extensions?.code;

describe('Documents are uploaded and downloaded over HTTP with the GraphQL bearer tokens', () => {
  let t: TestHub;
  let world: World;
  let other: World;
  let ticketId: string;
  let otherTicketId: string;

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none', attachmentMaxBytes: MAX_BYTES } });
    world = await makeWorld(t, { circuitCount: 1 });
    other = await makeWorld(t, { circuitCount: 1 });
    const open = async (w: World) =>
      (
        await t.ok<{ openTicket: { id: string } }>(
          OPEN,
          { input: { kind: 'HANDOVER_ACCEPTANCE', channel: 'PHONE', title: '专线开通验收', customerId: w.customer.id } },
          w.duty.code,
        )
      ).openTicket.id;
    ticketId = await open(world);
    otherTicketId = await open(other);
  });
  afterAll(() => t.stop());

  test('When a PDF with a Chinese name is uploaded and downloaded, then the bytes and the hash are equal and it is served as an attachment, not sniffed', async () => {
    const body = samplePdf();
    const answer = await postAttachment(t, world.duty.code, { name: '竣工图 "A栋".pdf', contentType: 'application/pdf', body });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      name: '竣工图 "A栋".pdf',
      contentType: 'application/pdf',
      size: body.length,
      sha256: sha256(body),
    });
    const res = await downloadAttachment(t, world.duty.code, answer.body.id as string);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(body)).toBe(true);
    expect(sha256(bytes)).toBe(answer.body.sha256);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="___ _A__.pdf"; filename*=UTF-8''${encodeURIComponent('竣工图 "A栋".pdf')}`,
    );
  });

  test('When Word, CSV and PNG files are uploaded with their types, then each is kept (text with its charset)', async () => {
    const kept = [
      [{ name: '验收单.docx', contentType: DOCX, body: sampleDocx() }, DOCX],
      [{ name: '测试记录.csv', contentType: 'text/csv', body: Buffer.from('电路,时延ms\nSZ-1,3\n') }, 'text/csv; charset=utf-8'],
      [{ name: 'site.png', contentType: 'image/png', body: samplePng() }, 'image/png'],
    ] as const;
    for (const [file, stored] of kept) {
      const answer = await postAttachment(t, world.duty.code, file);
      expect({ status: answer.status, type: answer.body.contentType }).toEqual({ status: 201, type: stored });
    }
  });

  test('When there is no token, then upload and download are 401 UNAUTHENTICATED', async () => {
    const answer = await postAttachment(t, null, { name: 'a.pdf', contentType: 'application/pdf', body: samplePdf() });
    expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const id = await uploadAttachment(t, world.duty.code, { name: 'a.pdf', contentType: 'application/pdf', body: samplePdf() });
    const res = await downloadAttachment(t, null, id);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  test('When a customer token uploads, then it is 403 FORBIDDEN and nothing is kept', async () => {
    const answer = await postAttachment(
      t,
      { customerId: world.customer.id },
      { name: 'a.pdf', contentType: 'application/pdf', body: samplePdf(), ticketId },
    );
    expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const { ticket } = await t.ok<{ ticket: { attachments: unknown[] } }>('query($id: ID!) { ticket(id: $id) { attachments { id } } }', {
      id: ticketId,
    });
    expect(ticket.attachments).toEqual([]);
  });

  test('When the declared type is not what the bytes are, or not kept at all, then it is 415', async () => {
    const refused = [
      { name: 'report.pdf', contentType: 'application/pdf', body: samplePng() },
      { name: 'setup.exe', contentType: 'application/x-msdownload', body: sampleExe() },
      { name: 'setup.exe', contentType: 'application/pdf', body: samplePdf() },
      { name: 'readme.txt', contentType: 'text/plain', body: sampleExe() },
      { name: 'plan.docx', contentType: DOCX, body: makeZip({ 'notes.txt': '不是 Word 文档' }) },
      { name: 'page.html', contentType: 'text/html', body: Buffer.from('<script>alert(1)</script>') },
    ];
    for (const file of refused) {
      const answer = await postAttachment(t, world.duty.code, file);
      expect({ name: file.name, status: answer.status, code: codeOf(answer) }).toEqual({
        name: file.name,
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
    }
  });

  test('When a body is over ATTACHMENT_MAX_BYTES, declared or streamed without a length, then it is 413 and the hub keeps serving', async () => {
    const declared = await postAttachment(t, world.duty.code, {
      name: 'big.pdf',
      contentType: 'application/pdf',
      body: Buffer.concat([samplePdf(), Buffer.alloc(MAX_BYTES)]),
    });
    expect({ status: declared.status, code: codeOf(declared) }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });

    // Chunked: no Content-Length, so the limit is found while counting what streams in.
    const token = await tokenFor(world.duty.code);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(
        attachmentsUrl(t),
        { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'x-file-name': 'big.pdf' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      // The hub closes the connection after its answer: writes after that may fail, the answer stands.
      req.on('error', (err) => reject(err));
      req.write(samplePdf());
      for (let i = 0; i < 8; i++) req.write(Buffer.alloc(16 * 1024, 0x20));
      req.end();
    });
    expect(streamed).toBe(413);
    expect((await postAttachment(t, world.duty.code, { name: 'ok.pdf', contentType: 'application/pdf', body: samplePdf() })).status).toBe(
      201,
    );
  });

  test("When a customer token downloads its own ticket's attachment, then it gets it; another customer's is 404 like one that does not exist", async () => {
    const own = await uploadAttachment(t, world.duty.code, {
      name: '验收报告.pdf',
      contentType: 'application/pdf',
      body: samplePdf(),
      ticketId,
    });
    const others = await uploadAttachment(t, other.duty.code, {
      name: '验收报告.pdf',
      contentType: 'application/pdf',
      body: samplePdf(),
      ticketId: otherTicketId,
    });
    const customer = { customerId: world.customer.id };
    expect((await downloadAttachment(t, customer, own)).status).toBe(200);
    for (const id of [others, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const res = await downloadAttachment(t, customer, id);
      expect({ id, status: res.status }).toEqual({ id, status: 404 });
    }
  });

  test('When an attachment is not on a ticket yet, then only its uploader and administrators see it', async () => {
    const id = await uploadAttachment(t, world.duty.code, { name: '方案.pdf', contentType: 'application/pdf', body: samplePdf() });
    expect((await downloadAttachment(t, world.duty.code, id)).status).toBe(200);
    expect((await downloadAttachment(t, 'admin', id)).status).toBe(200);
    expect((await downloadAttachment(t, other.duty.code, id)).status).toBe(404);
    expect((await downloadAttachment(t, { customerId: world.customer.id }, id)).status).toBe(404);
    const seen = await t.ok<{ attachment: { name: string } | null }>(
      'query($id: ID!) { attachment(id: $id) { name } }',
      { id },
      other.duty.code,
    );
    expect(seen.attachment).toBeNull();
  });

  test('When an upload names a ticket that does not exist, then it is 404 and nothing is kept', async () => {
    const answer = await postAttachment(t, world.duty.code, {
      name: 'a.pdf',
      contentType: 'application/pdf',
      body: samplePdf(),
      ticketId: '00000000-0000-4000-8000-000000000000',
    });
    expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });
});
