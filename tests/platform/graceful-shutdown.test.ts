import WebSocket from 'ws';
import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { startTestHub, tokenFor } from '../support/hub';
import { deploy, fixture } from '../support/processes';

describe('Stopping the hub', () => {
  test('When it stops, then it takes no new requests, finishes the one in flight, and closes subscriptions with 1001', async () => {
    // The service task of the first step waits until the test releases it: a request in flight.
    let entered: () => void = () => undefined;
    const handlerEntered = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const registry = new ServiceRegistry().register('classify', async () => {
      entered();
      await released;
      return { severity: 'ORDINARY' };
    });
    const t = await startTestHub({ registry });
    await deploy(t, fixture('fault-mini.bpmn'));

    const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => socket.on('open', () => resolve()));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${await tokenFor('admin')}` } }));

    const inFlight = t.gql<{ startProcess: { status: string } }>('mutation { startProcess(key: "fault-mini") { status } }');
    await handlerEntered;
    const stopping = t.hub.stop();
    await expect(
      fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
    ).rejects.toThrow();

    release();
    expect((await inFlight).data?.startProcess.status).toBe('WAITING');
    await stopping;
    expect(await closed).toBe(1001);
    await t.db.drop();
  }, 60_000);
});
